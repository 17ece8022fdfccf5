import type { Digest } from '../digest/types.ts';
import type { Block } from '../reply/doc.ts';
import { toPlainText } from '../reply/plain-text.ts';

/**
 * What an outbox row carries: the plain text every channel can send, and for channels that lay it out, the same
 * message as blocks (src/reply/doc.ts) or the digest. Rows queued before blocks existed have the text alone.
 */
export interface OutboxPayload {
  text: string;
  doc?: Block[];
  digest?: Digest;
}

/** A message for the outbox: its blocks, and their plain text made once, here. */
export function toPayload(said: Block[]): OutboxPayload {
  return { text: toPlainText(said), doc: said };
}

export function isOutboxPayload(value: unknown): value is OutboxPayload {
  return (
    typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'
  );
}
