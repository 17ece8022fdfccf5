import type { Digest } from '../digest/types.ts';

/** What an outbox row carries: the text every channel can send, and the digest for channels that lay it out. */
export interface OutboxPayload {
  text: string;
  digest?: Digest;
}

export function isOutboxPayload(value: unknown): value is OutboxPayload {
  return (
    typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'
  );
}
