import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyError, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../src/kb/open.ts';
import { isDatabaseReachable } from '../src/kb/plans-repo.ts';
import type { ConsoleDeps } from './console/context.ts';
import { CONSOLE_PAGES } from './console/pages/index.ts';
import { registerConsole } from './console/plugin.ts';
import { createFilesHandler, redactUrl } from './files-route.ts';
import type { Role } from './lease.ts';
import type { TeamsWiring } from './teams/wiring.ts';
import type { ZaloAdapter } from './zalo/adapter.ts';

/** Zalo sends small JSON bodies (≈ 300–400 bytes); anything over 1 MB is refused with 413 before it is read. */
export const BODY_LIMIT = 1024 * 1024;

export interface HttpDeps {
  db: Db;
  logger: Logger;
  zalo: { adapter: ZaloAdapter; secret: string } | null;
  /** Teams' endpoint: Bot Framework authentication with an app id, else open to this machine only. */
  teams: Pick<TeamsWiring, 'admitPeer' | 'handle'>;
  /** This server's part on its database, for /healthz (adapters/lease.ts). */
  role(): { role: Role; instance: string };
  /** GET /files/<token> (adapters/files-route.ts): the database file (files/ sits beside it) and the clock. */
  files: { dbPath: string; clock: () => Date };
  /** The web console under /admin (adapters/console/): sign-in by a link from the bot, then a session cookie. */
  console: ConsoleDeps;
}

/** Constant-time comparison that also works for different lengths: compare digests, not the strings. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createHttpServer(deps: HttpDeps) {
  // Per-request log lines would dominate at a thousand messages a second; refusals are logged by the handlers.
  // Whatever logs a request (fastify's own lines, a plugin) sees its URL with any download or sign-in token taken
  // out; headers (the console's session cookie) are never serialized.
  const serializers = {
    req: (request: { method?: string; url?: string; ip?: string }) => ({
      method: request.method,
      url: redactUrl(request.url ?? ''),
      remoteAddress: request.ip,
    }),
  };
  const app = Fastify({
    loggerInstance: deps.logger.child({}, { serializers }),
    bodyLimit: BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: true }),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    deps.logger.warn({ url: redactUrl(request.url), status, code: error.code }, 'http: request refused');
    // 4xx: say what was wrong (malformed JSON, body too large); 5xx: never show internals.
    void reply.status(status).send({ error: status < 500 ? error.message : 'internal error' });
  });

  // A standby is healthy too (it serves the webhook and Teams): `role` says which one runs the poller and the
  // scheduler, so a monitor can tell that exactly one does.
  app.get('/healthz', async (_request, reply) => {
    const ok = isDatabaseReachable(deps.db);
    const body = { ok, database: ok ? 'reachable' : 'unreachable', ...deps.role() };
    return reply.status(ok ? 200 : 503).send(body);
  });

  // A report asked for in chat, by its random token (adapters/files-route.ts); nothing else under /files/.
  app.get('/files/:token', createFilesHandler({ db: deps.db, logger: deps.logger, ...deps.files }));

  // The web console, in a scope of its own (its parsers, cookies and headers stay under /admin).
  registerConsole(app, deps.console, CONSOLE_PAGES);

  app.post('/api/zalo/webhook', {
    // The secret is checked before the body is even read.
    onRequest: async (request, reply) => {
      if (!deps.zalo) return reply.status(404).send({ error: 'Zalo webhook is not enabled' });
      const header = request.headers['x-bot-api-secret-token'];
      if (!secretMatches(typeof header === 'string' ? header : undefined, deps.zalo.secret)) {
        deps.logger.warn({ ip: request.ip }, 'zalo webhook: missing or wrong secret');
        return reply.status(401).send({ error: 'unauthorized' });
      }
    },
    handler: async (request, reply) => {
      // The update is stored (claimed) first, so a 200 is never given for an update a crash could lose; it is
      // answered after (Zalo may retry a slow 200). A failed store throws: 500, and Zalo delivers it again.
      void deps.zalo?.adapter.handle(request.body);
      return reply.status(200).send({ ok: true });
    },
  });

  app.post('/api/messages', {
    // Checked on the connection before the body is even read.
    onRequest: (request, reply) => deps.teams.admitPeer(request, reply),
    handler: (request, reply) => deps.teams.handle(request, reply),
  });

  return app;
}
