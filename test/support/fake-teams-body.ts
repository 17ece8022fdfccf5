import type { IncomingMessage } from 'node:http';

/** The fake connector's request bodies: JSON up to 1 MB, as the Bot Connector service takes them. */
export const MAX_BODY_BYTES = 1024 * 1024;
// Symbols, not strings, so no JSON body can pass for them.
export const TOO_BIG = Symbol('too big');
export const BAD_JSON = Symbol('bad JSON');

/** Drains the whole body even when too big, so the client finishes writing and reads the 413. */
export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) return TOO_BIG;
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return BAD_JSON;
  }
}
