/**
 * Drives the webhook: autocannon posts a distinct update per request (a fresh body from `setupRequest`) and
 * notes which message ids the webhook accepted; `postAll` sends a fixed list with plain fetch (registrations).
 */
import autocannon, { type RawRequest, type RequestContext, type Result } from 'autocannon';
import type { OutgoingUpdate } from './webhook-traffic.ts';

export const WEBHOOK_PATH = '/api/zalo/webhook';

export interface LoadRun {
  result: Result;
  /** Every message id handed to autocannon, with its chat (a request built as the run stopped may not be sent). */
  posted: Map<string, string>;
  /** Ids built more than once: always 0 unless the stream repeats itself. */
  postedTwice: number;
  /** Message ids the webhook answered 200. */
  acknowledged: Set<string>;
  /** performance.now() of the first request built and of the last answer read. */
  startedAt: number;
  lastAnswerAt: number;
}

export interface LoadOptions {
  url: string;
  secret: string;
  connections: number;
  seconds: number;
  next: () => OutgoingUpdate;
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const posted = new Map<string, string>();
  const acknowledged = new Set<string>();
  let postedTwice = 0;
  let lastAnswerAt = 0;
  const setupRequest = (request: RawRequest, context: RequestContext): RawRequest => {
    const update = options.next();
    if (posted.has(update.messageId)) postedTwice++;
    posted.set(update.messageId, update.chatId);
    context.messageId = update.messageId;
    return { ...request, body: update.body };
  };
  const onResponse = (status: number, _body: string, context: RequestContext) => {
    lastAnswerAt = performance.now();
    if (status === 200 && typeof context.messageId === 'string') acknowledged.add(context.messageId);
  };
  const startedAt = performance.now();
  const result = await autocannon({
    url: `${options.url}${WEBHOOK_PATH}`,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': options.secret },
    requests: [{ setupRequest, onResponse }],
  });
  return { result, posted, postedTwice, acknowledged, startedAt, lastAnswerAt };
}

/** Posts every update, `concurrency` at a time; throws on any status but 200. */
export async function postAll(
  url: string,
  secret: string,
  updates: readonly OutgoingUpdate[],
  concurrency: number,
): Promise<void> {
  let index = 0;
  const worker = async (): Promise<void> => {
    for (let update = updates[index++]; update; update = updates[index++]) {
      const response = await fetch(`${url}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': secret },
        body: update.body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`webhook answered ${response.status} to a registration`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
