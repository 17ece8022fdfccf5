/**
 * The web console under /admin, in a fastify scope of its own: its body parsers, cookies, security headers and
 * error pages touch nothing of the webhooks or /files. Open routes (the stylesheet, sign-in, sign-out everywhere)
 * come first; every page module is registered in a child scope behind the guard (adapters/console/auth.ts).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from 'fastify';
import { isLinkLive, redeemLink, signOutEverywhere } from '../../src/console/sign-in.ts';
import { findLiveSession, SESSION_TTL_MS } from '../../src/kb/console-repo.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import { redactUrl } from '../files-route.ts';
import { COOKIE_PATH, createGuard, csrfMatches, SESSION_COOKIE, sendMessagePage } from './auth.ts';
import type { ConsoleDeps, ConsolePage } from './context.ts';
import { html } from './html.ts';
import { messagePage, page, STYLESHEET } from './layout.ts';

// What page modules need besides context.ts: who may change things, and the form token in their forms.
export { CSRF_FIELD, canWrite, csrfInput, LEAD_MAY_POST, withCsrfQuery } from './auth.ts';

const P = MESSAGES.consolePages;

/** Plan files sent through the console: one file a request, 20 MB at most (the import's own limit is checked too). */
export const UPLOAD_LIMITS = { fileSize: 20 * 1024 * 1024, files: 1 } as const;

/** No script at all, styles and images from here only, forms posting here only, never inside a frame. */
export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

const CSS = readFileSync(new URL('./assets/console.css', import.meta.url), 'utf8');

/** Any fastify server, whatever logger type it was built with (the server's is pino's own `Logger`). */
type AnyServer<L extends FastifyBaseLogger> = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  L
>;

export function registerConsole<L extends FastifyBaseLogger>(
  app: AnyServer<L>,
  deps: ConsoleDeps,
  pages: readonly ConsolePage[],
): void {
  void app.register(async (scope: FastifyInstance) => {
    await scope.register(formbody);
    await scope.register(cookie);
    await scope.register(multipart, { limits: UPLOAD_LIMITS });
    scope.decorateRequest('console', undefined);
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.headers(SECURITY_HEADERS);
      return payload;
    });
    scope.setErrorHandler((error: FastifyError, request, reply) => consoleError(deps, error, request, reply));
    registerOpenRoutes(scope, deps);
    await scope.register(async (guarded) => {
      guarded.addHook('preHandler', createGuard(deps));
      for (const register of pages) register(guarded, deps);
      registerFallbacks(guarded);
    });
  });
}

/** What works without a session: the stylesheet, signing in, and signing out everywhere. */
function registerOpenRoutes(scope: FastifyInstance, deps: ConsoleDeps): void {
  scope.get(STYLESHEET, async (_request, reply) => reply.type('text/css; charset=utf-8').send(CSS));

  scope.get('/admin/login', async (_request, reply) => sendMessagePage(reply, 200, P.signIn));

  // A link preview (Zalo and Teams fetch links to show them) must not spend the link: the GET only shows a
  // button, and the POST it sends signs in. The POST is same-site, so the Strict cookie it sets is sent on the
  // redirect that follows (a redirect from a cross-site click would not carry it).
  scope.get<{ Params: { token: string } }>('/admin/login/:token', async (request, reply) => {
    if (!isLinkLive(deps.db, request.params.token, deps.clock())) return deadLink(deps, request, reply);
    const form = html`<form method="post" action="/admin/login/${request.params.token}">
<button type="submit">${P.confirm.button}</button>
</form>`;
    return reply
      .status(200)
      .type('text/html; charset=utf-8')
      .send(messagePage(P.confirm.title, P.confirm.lines, form));
  });

  scope.post<{ Params: { token: string } }>('/admin/login/:token', async (request, reply) => {
    if (!sameOrigin(request, deps.publicBaseUrl)) return sendMessagePage(reply, 403, P.badForm);
    const redeemed = redeemLink(deps.db, request.params.token, deps.clock(), deps.runtime.knowledge());
    if (!redeemed.ok && redeemed.code === 'dead_link') return deadLink(deps, request, reply);
    if (!redeemed.ok) return sendMessagePage(reply, 403, P.noRight(redeemed.reason));
    const { session } = redeemed;
    deps.logger.info({ userId: session.access.user.id }, 'console: signed in');
    return reply
      .setCookie(SESSION_COOKIE, session.id, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookies,
        path: COOKIE_PATH,
        maxAge: SESSION_TTL_MS / 1000,
      })
      .redirect('/admin', 303);
  });

  // Outside the guard: someone who lost the right can still end their sessions. It needs the session's form token.
  scope.post('/admin/logout-everywhere', async (request, reply) => {
    const cookieValue = request.cookies[SESSION_COOKIE];
    const now = deps.clock();
    const stored = cookieValue === undefined ? null : findLiveSession(deps.db, cookieValue, now);
    if (!stored) return sendMessagePage(reply, 401, P.notSignedIn);
    if (!csrfMatches(request, stored.csrf)) return sendMessagePage(reply, 403, P.badForm);
    const ended = signOutEverywhere(deps.db, stored.userId, now);
    deps.logger.info({ userId: stored.userId, sessions: ended }, 'console: signed out everywhere');
    reply.clearCookie(SESSION_COOKIE, { path: COOKIE_PATH });
    return sendMessagePage(reply, 200, P.signedOut);
  });
}

function deadLink(deps: ConsoleDeps, request: FastifyRequest, reply: FastifyReply) {
  deps.logger.info({ url: redactUrl(request.url), ip: request.ip }, 'console: dead sign-in link (403)');
  return sendMessagePage(reply, 403, P.linkDead);
}

/**
 * A sign-in POST from our own page (against an attacker signing someone in to the attacker's account). Browsers
 * say where a form came from in Sec-Fetch-Site; older ones only in Origin, which is "null" under our
 * Referrer-Policy: no-referrer. Without either (a script, a test client) the token alone decides.
 */
function sameOrigin(request: FastifyRequest, publicBaseUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    const host = new URL(origin).host;
    return host === request.headers.host || host === new URL(publicBaseUrl).host;
  } catch {
    return false;
  }
}

/** A home page until a dashboard module claims /admin, and a Vietnamese 404 for the rest of /admin. */
function registerFallbacks(guarded: FastifyInstance): void {
  if (!guarded.hasRoute({ method: 'GET', url: '/admin' })) {
    guarded.get('/admin', async (request, reply) => {
      const session = request.console;
      if (!session) return sendMessagePage(reply, 401, P.notSignedIn);
      const body = html`<p>${MESSAGES.consoleHome(session.scope.name, session.reach === 'own_unit')}</p>`;
      return reply
        .type('text/html; charset=utf-8')
        .send(page({ title: 'Tổng quan', session, active: 'dashboard', body }));
    });
  }
  guarded.get('/admin/*', async (_request, reply) => sendMessagePage(reply, 404, P.notFound));
}

/** 4xx (a body too large, a malformed form): the reason in Vietnamese; 5xx: logged, never shown. */
function consoleError(deps: ConsoleDeps, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
  const where = { url: redactUrl(request.url), status, code: error.code };
  if (status >= 500) deps.logger.error({ ...where, err: error }, 'console: request failed');
  else deps.logger.warn(where, 'console: request refused');
  return sendMessagePage(reply, status, status >= 500 ? P.failed : P.refused);
}
