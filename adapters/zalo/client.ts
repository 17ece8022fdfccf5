import { Agent, type Dispatcher, request as httpRequest } from 'undici';
import { z } from 'zod';
import { jitteredBackoff } from '../backoff.ts';
import { ZaloApiError, ZaloNetworkError } from './errors.ts';
import { splitForZalo, ZALO_TEXT_LIMIT } from './split-text.ts';

export { splitForZalo, ZALO_TEXT_LIMIT, ZaloApiError, ZaloNetworkError };

/**
 * A small client for the Zalo Bot API (`POST ${baseUrl}/bot${token}/${method}`, JSON in, `{ok, result}` out).
 * The token sits in the URL, so no URL and no raw fetch error leaves this file: every message and log line is
 * redacted. sendMessage is never re-sent after an ambiguous failure, so a reply never reaches a user twice.
 */

const DEFAULT_MAX_RETRIES = 4;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const REQUEST_TIMEOUT_MS = 30_000;
const POLL_TIMEOUT_MARGIN_MS = 10_000;
/**
 * Kept-alive connections to the Bot API. One request per connection at a time, so this bounds replies in flight:
 * at 100 ms a round trip, 64 would cap the bot near 640 replies a second whatever its CPU could do.
 */
const MAX_CONNECTIONS = 256;

type ZaloMethod = 'getMe' | 'getUpdates' | 'setWebhook' | 'deleteWebhook' | 'sendMessage' | 'sendChatAction';

/**
 * `repeatable`: repeating the call changes nothing a user can see, so network errors and 5xx are retried too.
 * `refusal-only`: only a 429 (refused, nothing sent) is retried; after a timeout or 5xx the message may be out.
 */
const RETRY_POLICY: Record<ZaloMethod, 'repeatable' | 'refusal-only'> = {
  getMe: 'repeatable',
  getUpdates: 'repeatable',
  setWebhook: 'repeatable',
  deleteWebhook: 'repeatable',
  sendChatAction: 'repeatable',
  sendMessage: 'refusal-only',
};

export interface ZaloLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ZaloClientOptions {
  token: string;
  baseUrl: string;
  /** undici's request, not fetch: fetch's web streams cost more CPU than the bot's own answer. */
  dispatcher?: Dispatcher;
  logger?: ZaloLogger;
  sleep?: (ms: number) => Promise<void>;
  /** Retries after the first attempt; default 4. */
  maxRetries?: number;
}

export type ZaloBotInfo = z.infer<typeof botInfoSchema>;

export interface ZaloClient {
  getMe(): Promise<ZaloBotInfo>;
  /** One raw update (for the shared inbound normaliser), or null when none came before the timeout (408). */
  getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<unknown | null>;
  setWebhook(url: string, secretToken: string): Promise<void>;
  deleteWebhook(): Promise<void>;
  /** `text` must be 1..2000 UTF-16 units; use sendText for anything longer. */
  sendMessage(chatId: string, text: string): Promise<{ message_id: string; date: number }>;
  sendChatAction(chatId: string, action: 'typing'): Promise<void>;
  /** Splits with splitForZalo and sends the pieces one after another, in order. */
  sendText(chatId: string, text: string): Promise<void>;
  /** Closes the kept-alive connections (graceful shutdown). */
  close(): Promise<void>;
}

const envelopeSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});
const idSchema = z.union([z.string(), z.number()]).transform(String);
const botInfoSchema = z.object({
  id: idSchema,
  account_name: z.string(),
  account_type: z.string(),
  can_join_groups: z.boolean(),
});
const sentSchema = z.object({ message_id: idSchema, date: z.number() });
const anything = z.unknown();

interface Transport {
  url: (method: ZaloMethod) => string;
  dispatcher: Dispatcher;
  logger: ZaloLogger | undefined;
  sleep: (ms: number) => Promise<void>;
  maxRetries: number;
  redact: (text: string) => string;
}

interface Call<T> {
  method: ZaloMethod;
  params: object;
  schema: z.ZodType<T>;
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
}

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const t = createTransport(options);
  const sendMessage = async (chatId: string, text: string) => {
    requireChatId(chatId);
    if (text.length < 1 || text.length > ZALO_TEXT_LIMIT) {
      throw new RangeError(`sendMessage text must be 1..${ZALO_TEXT_LIMIT} UTF-16 units, got ${text.length}`);
    }
    return call(t, { method: 'sendMessage', params: { chat_id: chatId, text }, schema: sentSchema });
  };
  return {
    getMe: () => call(t, { method: 'getMe', params: {}, schema: botInfoSchema }),
    getUpdates: (timeoutSeconds, signal) => getUpdates(t, timeoutSeconds, signal),
    async setWebhook(url, secretToken) {
      if (secretToken.length < 8 || secretToken.length > 256) {
        throw new RangeError('setWebhook secret_token must be 8..256 characters');
      }
      await call(t, { method: 'setWebhook', params: { url, secret_token: secretToken }, schema: anything });
    },
    async deleteWebhook() {
      await call(t, { method: 'deleteWebhook', params: {}, schema: anything });
    },
    sendMessage,
    async sendChatAction(chatId, action) {
      requireChatId(chatId);
      await call(t, { method: 'sendChatAction', params: { chat_id: chatId, action }, schema: anything });
    },
    async sendText(chatId, text) {
      for (const piece of splitForZalo(text)) await sendMessage(chatId, piece);
    },
    async close() {
      if (!options.dispatcher) await t.dispatcher.close();
    },
  };
}

function createTransport(options: ZaloClientOptions): Transport {
  const { token } = options;
  if (token.trim() === '') throw new Error('Zalo bot token is empty');
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError('maxRetries must be an integer ≥ 0');
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  const secrets = [...new Set([token, encodeURIComponent(token)])];
  return {
    url: (method) => `${base}/bot${token}/${method}`,
    dispatcher: options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: MAX_CONNECTIONS }),
    logger: options.logger,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    maxRetries,
    redact: (text) =>
      secrets.reduce(
        (out, secret) => out.replaceAll(`bot${secret}`, 'bot***').replaceAll(secret, '***'),
        text,
      ),
  };
}

function requireChatId(chatId: string): void {
  if (chatId === '') throw new RangeError('chat_id is empty');
}

async function getUpdates(
  t: Transport,
  timeoutSeconds: number,
  signal?: AbortSignal,
): Promise<unknown | null> {
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) {
    throw new RangeError('timeout must be ≥ 0 seconds');
  }
  const timeoutMs = timeoutSeconds * 1000 + POLL_TIMEOUT_MARGIN_MS;
  const params = { timeout: timeoutSeconds };
  try {
    const result = await call(t, { method: 'getUpdates', params, schema: anything, timeoutMs, signal });
    return isEmpty(result) ? null : result;
  } catch (error) {
    if (error instanceof ZaloApiError && error.errorCode === 408) return null;
    throw error;
  }
}

function isEmpty(result: unknown): boolean {
  if (result === null || result === undefined) return true;
  if (Array.isArray(result)) return result.length === 0;
  return typeof result === 'object' && Object.keys(result).length === 0;
}

/** One call with bounded, jittered exponential back-off where the retry policy allows it. */
async function call<T>(t: Transport, request: Call<T>): Promise<T> {
  const { method, signal } = request;
  for (let attempt = 0; ; attempt++) {
    try {
      return await callOnce(t, request);
    } catch (error) {
      const verdict = classify(error);
      const retryable =
        verdict === 'refused' || (verdict === 'ambiguous' && RETRY_POLICY[method] === 'repeatable');
      const summary = {
        method,
        attempt: attempt + 1,
        error: error instanceof Error ? error.message : 'unknown',
      };
      if (!retryable || attempt >= t.maxRetries || signal?.aborted) {
        if (verdict !== 'fatal' && !signal?.aborted) {
          const why = retryable ? 'retries exhausted' : 'not retried: it may have been delivered';
          t.logger?.error(summary, `zalo: ${method} failed (${why})`);
        }
        throw error;
      }
      const delayMs = jitteredBackoff(attempt, BASE_DELAY_MS, MAX_DELAY_MS);
      t.logger?.warn({ ...summary, delayMs }, `zalo: ${method} failed, retrying`);
      await t.sleep(delayMs);
      if (signal?.aborted) throw signal.reason;
    }
  }
}

/** `refused`: 429, nothing happened. `ambiguous`: no answer or 5xx. `fatal`: anything else (401, 400, abort…). */
export function classify(error: unknown): 'refused' | 'ambiguous' | 'fatal' {
  if (error instanceof ZaloNetworkError) return 'ambiguous';
  if (!(error instanceof ZaloApiError)) return 'fatal';
  if (error.errorCode === 429 || error.httpStatus === 429) return 'refused';
  if (error.errorCode >= 500 || error.httpStatus >= 500) return 'ambiguous';
  return 'fatal';
}

async function callOnce<T>(t: Transport, request: Call<T>): Promise<T> {
  const { method, params, timeoutMs = REQUEST_TIMEOUT_MS, signal: outer } = request;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
  const url = t.url(method);
  let status: number;
  let body: string;
  try {
    const response = await httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      signal,
      dispatcher: t.dispatcher,
    });
    status = response.statusCode;
    body = await response.body.text();
  } catch (error) {
    if (outer?.aborted) throw outer.reason;
    const detail = `POST ${url}: ${describe(error)}`;
    throw new ZaloNetworkError(method, timeout.aborted ? 'timeout' : 'network', t.redact(detail));
  }
  return parseResponse(t, request, status, body);
}

/** Reads the envelope whatever the HTTP status: `ok` decides, not the status. */
function parseResponse<T>(t: Transport, { method, schema }: Call<T>, status: number, body: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ZaloApiError(method, status, `non-JSON response (HTTP ${status})`, status);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new ZaloApiError(method, status, `unexpected response (HTTP ${status})`, status);
  }
  const { ok, result, error_code, description } = envelope.data;
  if (!ok) {
    throw new ZaloApiError(method, error_code ?? status, t.redact(description ?? 'no description'), status);
  }
  const parsed = schema.safeParse(result);
  if (!parsed.success) throw new ZaloApiError(method, status, `unexpected result (HTTP ${status})`, status);
  return parsed.data;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
