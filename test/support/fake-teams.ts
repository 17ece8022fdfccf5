import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { BAD_JSON, MAX_BODY_BYTES, readBody, TOO_BIG } from './fake-teams-body.ts';

export { textOf } from './teams-card-text.ts';

/**
 * A local Bot Framework connector service (what an incoming Teams activity's `serviceUrl` points at) for
 * end-to-end tests of the Teams bot with authentication disabled: botbuilder's CloudAdapter POSTs replies and
 * proactive sends here over real sockets, without an Authorization header, so none is checked. Errors use the
 * connector's `{error: {code, message}}` body, which botbuilder surfaces as RestError `.statusCode` / `.code`.
 */

/** An Activity as JSON on the wire; left untyped because the fake records whatever the bot sent. */
export type WireActivity = Record<string, unknown>;

export interface FakeTeamsCall {
  method: string;
  /** Below serviceUrl, ids decoded, query dropped: `v3/conversations/19:a@thread.tacv2/activities/1`. */
  path: string;
  /** From the path; for createConversation the target channel (`channelData.channel.id`), if any. */
  conversationId: string | null;
  activityId: string | null;
  /** performance.now() on arrival, to check per-conversation send rates. */
  received: number;
  /** Status answered; 0 while the request is still in flight. */
  status: number;
  /** Parsed JSON body (a PUT carries the updated activity); undefined when empty or unparseable. */
  body: unknown;
}

export interface PostedActivity {
  conversationId: string;
  /** The activity id in the reply URL (botbuilder's random continuation id on proactive sends), else null. */
  replyToId: string | null;
  activity: WireActivity;
  /** performance.now() on arrival, the clock of `calls[].received`. */
  at: number;
}

export interface ScriptedFailure {
  status: number;
  /** Bot Framework error code, e.g. `BotNotInConversationRoster`, `ConversationNotFound`, `Throttled`. */
  code: string;
  retryAfterSeconds?: number;
}

export interface FakeTeamsMember {
  id: string;
  name: string;
  aadObjectId: string;
  [key: string]: unknown;
}

export interface FakeTeamsConnector {
  /** `http://127.0.0.1:PORT/teams/`: a path prefix with a trailing slash, as Teams' service URLs have. */
  readonly serviceUrl: string;
  /** Every accepted send, in order; createConversation's initial activity included. */
  readonly posted: PostedActivity[];
  /** The ConversationParameters body of every accepted createConversation. */
  readonly created: WireActivity[];
  /** Every request, failures and 404s included, in arrival order. */
  readonly calls: FakeTeamsCall[];
  /** Answers for GET members; users not listed get a made-up but stable account. */
  readonly members: Map<string, FakeTeamsMember>;
  /**
   * The next sends to `conversationId` (any, with '*') get these errors, one each, then normal service. Sends
   * are activity POSTs and createConversation, which counts as a send to its channel.
   */
  failNext(conversationId: string | '*', responses: ScriptedFailure[]): void;
  /**
   * Activity POSTs to this conversation wait until release(). One whose caller hung up meanwhile (the bot was
   * killed mid-answer) was never accepted: it is dropped, not recorded in `posted`.
   */
  hold(conversationId: string): { release(): void };
  waitForPosted(count: number, timeoutMs?: number): Promise<void>;
  /** Forgets posted, created, calls and unused failNext scripts, so a shared fake starts each test clean. */
  reset(): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface State {
  posted: PostedActivity[];
  created: WireActivity[];
  calls: FakeTeamsCall[];
  members: Map<string, FakeTeamsMember>;
  scripts: Map<string, ScriptedFailure[]>;
  held: Map<string, Promise<void>>;
  postedListeners: Set<() => void>;
  lastId: number;
}

const PREFIX = '/teams/';

const ok = (body: unknown): Reply => ({ status: 200, body });
const fail = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } },
});
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export async function createFakeTeamsConnector(): Promise<FakeTeamsConnector> {
  const state: State = {
    posted: [],
    created: [],
    calls: [],
    members: new Map(),
    scripts: new Map(),
    held: new Map(),
    postedListeners: new Set(),
    lastId: Date.now(),
  };
  const server = createServer((req, res) => {
    const call: FakeTeamsCall = {
      method: req.method ?? 'GET',
      path: req.url ?? '',
      conversationId: null,
      activityId: null,
      received: performance.now(),
      status: 0,
      body: undefined,
    };
    state.calls.push(call);
    void handle(state, call, req, () => res.destroyed || req.socket.destroyed)
      .catch(() => fail(500, 'InternalServerError', 'fake Teams: handler failed'))
      .then((reply) => {
        call.status = reply.status;
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
        res.end(JSON.stringify(reply.body));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // a TCP listen always yields an AddressInfo
  return {
    serviceUrl: `http://127.0.0.1:${port}${PREFIX}`,
    posted: state.posted,
    created: state.created,
    calls: state.calls,
    members: state.members,
    failNext(conversationId, responses) {
      state.scripts.set(conversationId, [...(state.scripts.get(conversationId) ?? []), ...responses]);
    },
    hold(conversationId) {
      let release = () => {};
      state.held.set(conversationId, new Promise<void>((resolve) => (release = resolve)));
      return {
        release() {
          state.held.delete(conversationId);
          release();
        },
      };
    },
    waitForPosted: (count, timeoutMs = 5_000) => waitForPosted(state, count, timeoutMs),
    reset() {
      // In place: tests hold the arrays through the connector object.
      state.posted.length = 0;
      state.created.length = 0;
      state.calls.length = 0;
      state.scripts.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(
  state: State,
  call: FakeTeamsCall,
  req: IncomingMessage,
  callerGone: () => boolean,
): Promise<Reply> {
  const body = await readBody(req); // read before routing, so even a 404 leaves a clean connection
  const url = (req.url ?? '').split('?')[0] ?? '';
  if (!url.startsWith(PREFIX)) return notFound(call);
  let segments: string[];
  try {
    // Split before decoding: conversation ids are sent URL-encoded and may hold encoded slashes.
    segments = url.slice(PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return fail(400, 'BadArgument', 'fake Teams: malformed URL encoding');
  }
  call.path = segments.join('/');
  const [v3, conversations, conversationId = null, collection, itemId = null, ...rest] = segments;
  if (v3 !== 'v3' || conversations !== 'conversations' || rest.length > 0) return notFound(call);
  call.conversationId = conversationId;
  if (collection === 'activities') call.activityId = itemId;
  if (body === TOO_BIG) {
    return fail(413, 'MessageSizeTooBig', `fake Teams: body over ${MAX_BODY_BYTES} bytes`);
  }
  if (body === BAD_JSON) return fail(400, 'BadSyntax', 'fake Teams: body is not valid JSON');
  call.body = body;
  const route = `${call.method} ${collection ?? ''}${itemId === null ? '' : '/id'}`;
  if (route === 'POST ' && conversationId === null) return createConversation(state, call, body);
  if (route === 'POST activities' || route === 'POST activities/id') {
    await state.held.get(conversationId ?? '');
    if (callerGone()) return fail(499, 'ClientClosedRequest', 'fake Teams: the caller hung up; not accepted');
    return send(state, call, itemId);
  }
  if (route === 'PUT activities/id' || route === 'DELETE activities/id') return ok({});
  if (route === 'GET members/id' && itemId !== null) {
    return ok(state.members.get(itemId) ?? madeUpMember(itemId));
  }
  return notFound(call);
}

const notFound = (call: FakeTeamsCall): Reply =>
  fail(404, 'NotFound', `fake Teams: no route for ${call.method} ${call.path}`);

function send(state: State, call: FakeTeamsCall, replyToId: string | null): Reply {
  const { conversationId, body } = call;
  if (conversationId === null || !isObject(body)) {
    return fail(400, 'BadArgument', 'fake Teams: the activity must be a JSON object');
  }
  const scripted = nextScripted(state, conversationId);
  if (scripted) return scripted;
  record(state, { conversationId, replyToId, activity: body, at: call.received });
  return ok({ id: newId(state) });
}

/** Answers the shape Teams gives a new channel thread: the thread's id is the channel id + `;messageid=`. */
function createConversation(state: State, call: FakeTeamsCall, body: unknown): Reply {
  if (!isObject(body)) {
    return fail(400, 'BadArgument', 'fake Teams: ConversationParameters must be a JSON object');
  }
  const channelData = isObject(body.channelData) ? body.channelData : {};
  const channel = isObject(channelData.channel) ? channelData.channel : {};
  const channelId = typeof channel.id === 'string' ? channel.id : null;
  call.conversationId = channelId;
  const scripted = nextScripted(state, channelId);
  if (scripted) return scripted;
  const activityId = newId(state);
  // Without a channel (a 1:1 or group chat) Teams hands out an opaque `a:` id; any unique string will do.
  const id = channelId === null ? `a:fake-${activityId}` : `${channelId};messageid=${activityId}`;
  state.created.push(body);
  if (isObject(body.activity)) {
    record(state, { conversationId: id, replyToId: null, activity: body.activity, at: call.received });
  }
  return ok({ id, activityId });
}

/** A conversation's own script goes before the '*' one, so a test can fail one chat inside a broad outage. */
function nextScripted(state: State, conversationId: string | null): Reply | undefined {
  const own = conversationId === null ? undefined : state.scripts.get(conversationId)?.shift();
  const next = own ?? state.scripts.get('*')?.shift();
  if (!next) return undefined;
  const reply = fail(next.status, next.code, `fake Teams: scripted ${next.status} ${next.code}`);
  if (next.retryAfterSeconds !== undefined) reply.headers = { 'retry-after': String(next.retryAfterSeconds) };
  return reply;
}

function record(state: State, posted: PostedActivity): void {
  state.posted.push(posted);
  for (const listener of [...state.postedListeners]) listener();
}

/** Teams message ids are epoch milliseconds; counting up from now keeps them unique and realistic. */
function newId(state: State): string {
  state.lastId += 1;
  return String(state.lastId);
}

function madeUpMember(userId: string): FakeTeamsMember {
  const hex = createHash('sha1').update(userId).digest('hex');
  const aadObjectId = hex.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5');
  return { id: userId, name: `Fake User ${userId}`, aadObjectId };
}

function waitForPosted(state: State, count: number, timeoutMs: number): Promise<void> {
  if (state.posted.length >= count) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const listener = () => {
      if (state.posted.length < count) return;
      clearTimeout(timer);
      state.postedListeners.delete(listener);
      resolve();
    };
    const timer = setTimeout(() => {
      state.postedListeners.delete(listener);
      const have = state.posted.length;
      reject(new Error(`fake Teams: waited ${timeoutMs} ms for ${count} posted activities, got ${have}`));
    }, timeoutMs);
    state.postedListeners.add(listener);
  });
}
