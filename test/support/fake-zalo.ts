import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from './wait.ts';

/**
 * A local Zalo Bot API for tests and benchmarks, speaking the documented protocol over real sockets:
 * `POST /bot<token>/<method>` with a JSON body, answering `{ok, result}` or `{ok:false, error_code, description}`
 * with the same HTTP status. getUpdates long-polls (one update per call, 408 when none came in time) and, as the
 * live API does, stays silent while a webhook is set.
 */

export interface ScriptedResponse {
  status: number;
  /** JSON-encoded, unless a string: then sent as is (to play a proxy's HTML error page). */
  body: unknown;
}

export interface FakeZalo {
  readonly baseUrl: string;
  /** Every accepted sendMessage, in order. */
  readonly sent: { chat_id: string; text: string }[];
  readonly actions: { chat_id: string; action: string }[];
  /** Every request that carried the right token, scripted failures included: what the fake saw. */
  readonly calls: { method: string; params: Record<string, unknown> }[];
  readonly webhook: { url: string; secret: string } | null;
  queueUpdate(update: unknown): void;
  /** The next calls of `method` get these responses, one each, before normal service resumes. */
  failNext(method: string, responses: ScriptedResponse[]): void;
  /** The bot was removed from this group: sendMessage to it answers 403 from now on. */
  removeFromChat(chatId: string): void;
  /** sendMessage to this chat is held (no answer) until `release()`: a send in flight at a restart. */
  holdChat(chatId: string): { release(): void };
  waitForSent(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;
type Handler = (params: Params, res: ServerResponse) => ScriptedResponse | Promise<ScriptedResponse>;

const MAX_TEXT = 2000;
const MAX_POLL_SECONDS = 60;

const ok = (result?: unknown): ScriptedResponse => ({
  status: 200,
  body: result === undefined ? { ok: true } : { ok: true, result },
});
const fail = (code: number, description: string): ScriptedResponse => ({
  status: code,
  body: { ok: false, error_code: code, description },
});

interface Poller {
  deliver(update: unknown): void;
  expire(): void;
}

/** Everything the fake remembers; the handlers read and write it. */
interface State {
  token: string;
  sent: FakeZalo['sent'];
  actions: FakeZalo['actions'];
  calls: FakeZalo['calls'];
  scripts: Map<string, ScriptedResponse[]>;
  updates: unknown[];
  pollers: Poller[];
  sentListeners: Set<() => void>;
  webhook: FakeZalo['webhook'];
  removed: Set<string>;
  held: Map<string, Promise<void>>;
}

export async function createFakeZalo({ token }: { token: string }): Promise<FakeZalo> {
  const state: State = {
    token,
    sent: [],
    actions: [],
    calls: [],
    scripts: new Map(),
    updates: [],
    pollers: [],
    sentListeners: new Set(),
    webhook: null,
    removed: new Set(),
    held: new Map(),
  };
  const handlers = { ...botHandlers(state), ...messageHandlers(state), ...webhookHandlers(state) };
  const server = createServer((req, res) => {
    void route(state, handlers, req, res).then((reply) => respond(res, reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // a TCP listen always yields an AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    sent: state.sent,
    actions: state.actions,
    calls: state.calls,
    get webhook() {
      return state.webhook;
    },
    queueUpdate(update) {
      const poller = state.webhook === null ? state.pollers.shift() : undefined;
      if (poller) poller.deliver(update);
      else state.updates.push(update);
    },
    removeFromChat(chatId) {
      state.removed.add(chatId);
    },
    holdChat(chatId) {
      let release = () => {};
      state.held.set(
        chatId,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return {
        release() {
          state.held.delete(chatId);
          release();
        },
      };
    },
    failNext(method, responses) {
      state.scripts.set(method, [...(state.scripts.get(method) ?? []), ...responses]);
    },
    waitForSent: (n, timeoutMs = 5_000) =>
      waitUntil(
        state.sentListeners,
        () => state.sent.length >= n,
        timeoutMs,
        `fake Zalo: waited ${timeoutMs} ms for ${n} sent`,
      ),
    close: () => closeServer(server, state.pollers),
  };
}

async function route(
  state: State,
  handlers: Record<string, Handler>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<ScriptedResponse> {
  const match = /^\/bot([^/]+)\/([^/?]+)/.exec(req.url ?? '');
  if (!match) return fail(404, 'Not Found');
  const [, pathToken = '', method = ''] = match;
  if (decodeURIComponent(pathToken) !== state.token) return fail(401, 'Unauthorized');
  const params = await readParams(req);
  if (params === null) return fail(400, 'body must be a JSON object');
  state.calls.push({ method, params });
  const scripted = state.scripts.get(method)?.shift();
  if (scripted) return scripted;
  const handler = handlers[method];
  return handler ? handler(params, res) : fail(404, 'Not Found');
}

function botHandlers(state: State): Record<string, Handler> {
  return {
    getMe: () => {
      const id = state.token.split(':')[0] ?? state.token;
      return ok({ id, account_name: 'bot.FakeZalo', account_type: 'BASIC', can_join_groups: true });
    },
    // While a webhook is set the live API delivers nothing to pollers: they just time out.
    getUpdates: (params, res) => {
      if (state.webhook === null && state.updates.length > 0) return ok(state.updates.shift());
      return longPoll(state.pollers, pollSeconds(params.timeout), res);
    },
  };
}

function messageHandlers(state: State): Record<string, Handler> {
  return {
    sendMessage: async ({ chat_id, text }) => {
      if (typeof chat_id !== 'string' || chat_id === '') return fail(400, 'chat_id is required');
      if (state.removed.has(chat_id)) return fail(403, 'Bot is not a member of this chat');
      await state.held.get(chat_id);
      if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) {
        return fail(400, `text must be 1-${MAX_TEXT} characters`);
      }
      state.sent.push({ chat_id, text });
      for (const listener of state.sentListeners) listener();
      return ok({ message_id: randomBytes(10).toString('hex'), date: Date.now() });
    },
    sendChatAction: ({ chat_id, action }) => {
      if (typeof chat_id !== 'string' || chat_id === '') return fail(400, 'chat_id is required');
      if (action !== 'typing') return fail(400, 'action must be "typing"');
      state.actions.push({ chat_id, action });
      return ok();
    },
  };
}

function webhookHandlers(state: State): Record<string, Handler> {
  return {
    setWebhook: ({ url, secret_token }) => {
      if (typeof url !== 'string' || !url.startsWith('https://')) {
        return fail(400, 'url must be an HTTPS URL');
      }
      if (typeof secret_token !== 'string' || secret_token.length < 8 || secret_token.length > 256) {
        return fail(400, 'secret_token must be 8-256 characters');
      }
      state.webhook = { url, secret: secret_token };
      return ok({ url, updated_at: Date.now() });
    },
    deleteWebhook: () => {
      state.webhook = null;
      return ok({ url: '', updated_at: Date.now() });
    },
    getWebhookInfo: () => ok({ url: state.webhook?.url ?? '', updated_at: Date.now() }),
  };
}

/** Waits up to `seconds` for queueUpdate; a client that hangs up gives its turn back (no update is lost). */
function longPoll(pollers: Poller[], seconds: number, res: ServerResponse): Promise<ScriptedResponse> {
  return new Promise((resolve) => {
    const finish = (reply: ScriptedResponse) => {
      clearTimeout(timer);
      res.off('close', onClose);
      const index = pollers.indexOf(poller);
      if (index >= 0) pollers.splice(index, 1);
      resolve(reply);
    };
    const poller: Poller = {
      deliver: (update) => finish(ok(update)),
      expire: () => finish(fail(408, 'Request timeout')),
    };
    const timer = setTimeout(poller.expire, seconds * 1000);
    const onClose = () => {
      if (!res.writableEnded) finish(fail(408, 'Request timeout'));
    };
    res.on('close', onClose);
    pollers.push(poller);
  });
}

function pollSeconds(raw: unknown): number {
  const seconds = raw === undefined ? 30 : Number(raw);
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), MAX_POLL_SECONDS) : 30;
}

async function readParams(req: IncomingMessage): Promise<Params | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : null;
  } catch {
    return null;
  }
}

function respond(res: ServerResponse, { status, body }: ScriptedResponse): void {
  if (res.destroyed) return;
  const raw = typeof body === 'string';
  res.writeHead(status, { 'content-type': raw ? 'text/html' : 'application/json' });
  res.end(raw ? body : JSON.stringify(body));
}

async function closeServer(server: Server, pollers: Poller[]): Promise<void> {
  for (const poller of [...pollers]) poller.expire();
  await new Promise((resolve) => setImmediate(resolve)); // let the expired polls answer before hanging up
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** A private text message as Zalo delivers it (webhook body or one getUpdates result). */
export function privateUpdate(chatId: string, messageId: string, text: string) {
  return {
    event_name: 'message.text.received',
    message: {
      message_id: messageId,
      date: 1_795_300_000_000,
      text,
      from: { id: chatId, display_name: 'Nguyễn Văn A', is_bot: false },
      chat: { id: chatId, chat_type: 'PRIVATE' },
    },
  };
}
