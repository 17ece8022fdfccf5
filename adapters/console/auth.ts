/**
 * The console's guard: who is signed in (the `nv_session` cookie), whether they may open the console at all, and
 * whether a POST came from one of our own forms (the session's CSRF token). Page modules never see a request that
 * failed here; they call `canWrite` before changing anything.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionUser } from '../../src/console/sign-in.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import type { ConsoleDeps, ConsoleSession } from './context.ts';
import { html, type SafeHtml } from './html.ts';
import { messagePage } from './layout.ts';

const P = MESSAGES.consolePages;

export const SESSION_COOKIE = 'nv_session';
/** The cookie goes back only to the console, never to the webhooks or /files. */
export const COOKIE_PATH = '/admin';
/** The form field, and the header a script or a test may use instead. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Changes (plans, people, imports) are an admin's: a lead signs in to read their unit's work. */
export function canWrite(session: ConsoleSession): boolean {
  return session.reach === 'organisation' && session.user.role === 'admin';
}

/** The hidden field every POST form of the console carries (layout.ts puts one in the sign-out form). */
export function csrfInput(session: ConsoleSession): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${session.csrf}">`;
}

/**
 * A multipart form's action with the token in its query: the guard runs before the file is read, so it cannot
 * look inside the body, and a page without script cannot set a header. The query is redacted from logs.
 */
export function withCsrfQuery(path: string, session: ConsoleSession): string {
  return `${path}${path.includes('?') ? '&' : '?'}${CSRF_FIELD}=${encodeURIComponent(session.csrf)}`;
}

/** Constant-time comparison that also works for different lengths: compare digests, not the strings. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return expected !== '' && timingSafeEqual(a, b);
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

/** The token a POST carries: the form field, the header, or (multipart only) the action's query. */
function givenCsrf(request: FastifyRequest): string | undefined {
  const header = firstString(request.headers[CSRF_HEADER]);
  if (header !== undefined) return header;
  if (request.isMultipart())
    return firstString((request.query as Record<string, unknown> | null)?.[CSRF_FIELD]);
  const body = request.body;
  return body && typeof body === 'object'
    ? firstString((body as Record<string, unknown>)[CSRF_FIELD])
    : undefined;
}

/** Whether the request carries `expected`, the token of the session it comes with. */
export function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const given = givenCsrf(request);
  return given !== undefined && sameSecret(given, expected);
}

export function sendMessagePage(
  reply: FastifyReply,
  status: number,
  text: { title: string; lines: readonly string[] },
): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(messagePage(text.title, text.lines));
}

/**
 * The preHandler of every guarded route: no live session → 401 with how to sign in (and nothing of the page);
 * a session of someone who lost the right → 403 with the reason; a POST without the session's token, or a
 * lead's POST (leads only read), → 403, before any handler can write.
 */
export function createGuard(deps: ConsoleDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const cookie = request.cookies[SESSION_COOKIE];
    const found =
      cookie === undefined
        ? ({ kind: 'none' } as const)
        : sessionUser(deps.db, cookie, deps.clock(), deps.runtime.knowledge());
    if (found.kind === 'none') {
      await sendMessagePage(reply, 401, P.notSignedIn);
      return;
    }
    if (found.kind === 'refused') {
      deps.logger.info({ userId: found.userId }, 'console: signed-in person without the right (403)');
      await sendMessagePage(reply, 403, P.noRight(found.reason));
      return;
    }
    const session: ConsoleSession = found.access;
    // Forms only GET and POST; any other method that reaches a route is held to the same rule as a POST.
    const writes = request.method !== 'GET' && request.method !== 'HEAD';
    if (writes && !csrfMatches(request, session.csrf)) {
      deps.logger.warn({ userId: session.user.id }, 'console: POST without a valid form token (403)');
      await sendMessagePage(reply, 403, P.badForm);
      return;
    }
    // Read-only by default: a lead's POST is refused here unless the route says a lead may make it.
    if (writes && !canWrite(session) && !leadMayPost(request)) {
      await sendMessagePage(reply, 403, P.readOnly);
      return;
    }
    request.console = session;
  };
}

/**
 * Route config a page sets on a POST a lead may make (nothing that changes plans or people), e.g.
 * `app.post('/admin/reports', { config: LEAD_MAY_POST }, handler)`. Every other guarded POST is an admin's.
 */
export const LEAD_MAY_POST = { leadMayPost: true } as const;

function leadMayPost(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as { leadMayPost?: unknown } | undefined;
  return config?.leadMayPost === true;
}
