import type { OutboxPayload } from '../../src/schedule/payload.ts';

/**
 * How a failed send is settled: `gone` (the bot was removed: unsubscribe), `retry` (refused, nothing sent: try on
 * a later run), `ambiguous` (no answer: it may have arrived, so it is never sent again).
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    readonly kind: 'gone' | 'retry' | 'ambiguous',
    message: string,
  ) {
    super(message);
  }
}

/** One platform's way to send an outbox row; sends to one chat are never called concurrently. */
export interface Deliverer {
  channel: string;
  deliver(chatId: string, payload: OutboxPayload): Promise<void>;
}
