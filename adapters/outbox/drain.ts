import type { Logger } from 'pino';
import type { Db } from '../../src/kb/open.ts';
import { findDue, markDone, markSending, type OutboxRow } from '../../src/kb/outbox-repo.ts';
import { unsubscribe } from '../../src/kb/subscriptions-repo.ts';
import { isOutboxPayload } from '../../src/schedule/payload.ts';
import { type Deliverer, DeliveryError } from './deliverer.ts';

export interface DrainDeps {
  db: Db;
  deliverers: Deliverer[];
  logger: Logger;
  clock: () => Date;
  /** Chats served at once (each chat's rows go one after another). */
  concurrency?: number;
  /** A stop: no new send starts (the ones under way finish); what is left stays pending for the next run. */
  signal?: AbortSignal;
}

export interface DrainResult {
  sent: number;
  failed: number;
  gone: number;
  unknown: number;
}

/**
 * Sends what the outbox holds, chat by chat: rows of one chat in order, chats side by side. Every row is marked
 * before and after its send. A chat that fails (or left) never holds up the others.
 */
export async function drainOutbox(deps: DrainDeps): Promise<DrainResult> {
  const byChannel = new Map(deps.deliverers.map((d) => [d.channel, d]));
  const rows = findDue(deps.db, [...byChannel.keys()], deps.clock());
  const chats = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.chatId}`;
    chats.set(key, [...(chats.get(key) ?? []), row]);
  }
  const result: DrainResult = { sent: 0, failed: 0, gone: 0, unknown: 0 };
  // One pool of workers per platform: Teams' rate limits must not keep Zalo groups waiting, nor the reverse.
  const pools = [...byChannel.keys()].map(async (channel) => {
    const queue = [...chats.values()].filter((rows) => rows[0]?.channel === channel);
    const worker = async () => {
      for (let chat = queue.shift(); chat && !deps.signal?.aborted; chat = queue.shift())
        await drainChat(deps, byChannel, chat, result);
    };
    await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 16) }, worker));
  });
  await Promise.all(pools);
  return result;
}

async function drainChat(
  deps: DrainDeps,
  byChannel: Map<string, Deliverer>,
  rows: OutboxRow[],
  result: DrainResult,
): Promise<void> {
  for (const [i, row] of rows.entries()) {
    if (deps.signal?.aborted) return;
    const deliverer = byChannel.get(row.channel);
    if (!deliverer || !isOutboxPayload(row.payload)) {
      markDone(deps.db, row.id, 'failed', deps.clock(), 'no deliverer or unreadable payload');
      result.failed++;
      continue;
    }
    if (!markSending(deps.db, row.id, deps.clock())) continue;
    try {
      await deliverer.deliver(row.chatId, row.payload);
      markDone(deps.db, row.id, 'sent', deps.clock());
      result.sent++;
    } catch (error) {
      const kind = error instanceof DeliveryError ? error.kind : 'retry';
      const message = error instanceof Error ? error.message : String(error);
      const log = { channel: row.channel, chatId: row.chatId, kind: row.kind, key: row.key, error: message };
      if (kind === 'gone') {
        // The bot is no longer there: stop the digests, and give up the chat's other rows.
        const unsubscribed = unsubscribe(deps.db, row.channel, row.chatId, null);
        for (const rest of rows.slice(i)) markDone(deps.db, rest.id, 'gone', deps.clock(), message);
        result.gone += rows.length - i;
        deps.logger.warn({ ...log, unsubscribed }, 'outbox: the bot left this chat; unsubscribed');
        return;
      }
      markDone(deps.db, row.id, kind === 'ambiguous' ? 'unknown' : 'failed', deps.clock(), message);
      if (kind === 'ambiguous') result.unknown++;
      else result.failed++;
      deps.logger.error(
        log,
        kind === 'ambiguous'
          ? 'outbox: send may not have arrived; not repeated'
          : 'outbox: send failed; retried on a later run',
      );
    }
  }
}
