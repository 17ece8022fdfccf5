import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/**
 * The channel-neutral outbox. A row is written before a message goes out ('pending'), marked 'sending' just
 * before the platform is called and 'sent' (or 'failed'/'gone') after. A row found 'sending' when an instance
 * takes the outbox over may or may not have reached the chat: it is marked 'unknown' and never sent again, so
 * nobody gets a digest twice.
 */
export const OUTBOX_KINDS = ['digest', 'reminder', 'ping'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'gone' | 'unknown';

/** Transient failures are tried again on later runs, up to this many attempts in all. */
export const MAX_ATTEMPTS = 3;

export interface OutboxEntry {
  key: string;
  kind: OutboxKind;
  channel: string;
  chatId: string;
  payload: unknown;
  notBefore: Date;
}

export interface OutboxRow extends Omit<OutboxEntry, 'notBefore'> {
  id: number;
  status: OutboxStatus;
  attempts: number;
}

interface Row {
  id: number;
  key: string;
  kind: OutboxKind;
  channel: string;
  chat_id: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
}

const toRow = (r: Row): OutboxRow => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  channel: r.channel,
  chatId: r.chat_id,
  payload: JSON.parse(r.payload),
  status: r.status,
  attempts: r.attempts,
});

/** Adds the entry unless one with the same key exists (sent or not): returns whether it was added. */
export function enqueue(db: Db, entry: OutboxEntry, now: Date): boolean {
  return (
    prepared(
      db,
      `INSERT INTO outbox (key, kind, channel, chat_id, payload, created_at, not_before) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO NOTHING`,
    ).run(
      entry.key,
      entry.kind,
      entry.channel,
      entry.chatId,
      JSON.stringify(entry.payload),
      now.toISOString(),
      entry.notBefore.toISOString(),
    ).changes === 1
  );
}

export function hasKey(db: Db, key: string): boolean {
  return (
    prepared<[string], { n: number }>(db, 'SELECT 1 AS n FROM outbox WHERE key = ?').get(key) !== undefined
  );
}

/** Rows ready to go for these channels, oldest first. */
export function findDue(db: Db, channels: readonly string[], now: Date, limit = 10_000): OutboxRow[] {
  return prepared<[number, string, string, number], Row>(
    db,
    `SELECT * FROM outbox WHERE status IN ('pending', 'failed') AND attempts < ? AND not_before <= ?
       AND channel IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?`,
  )
    .all(MAX_ATTEMPTS, now.toISOString(), JSON.stringify(channels), limit)
    .map(toRow);
}

/**
 * Takes the row for sending: false when another process (the server, and `cli digest --send-now` beside it)
 * took it first, so a row is never sent by two at once.
 */
export function markSending(db: Db, id: number, now: Date): boolean {
  return (
    prepared(
      db,
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, started_at = ?
         WHERE id = ? AND status IN ('pending', 'failed')`,
    ).run(now.toISOString(), id).changes === 1
  );
}

export function markDone(
  db: Db,
  id: number,
  status: Exclude<OutboxStatus, 'pending' | 'sending'>,
  now: Date,
  error: string | null = null,
): void {
  prepared(db, 'UPDATE outbox SET status = ?, finished_at = ?, error = ? WHERE id = ?').run(
    status,
    now.toISOString(),
    error,
    id,
  );
}

/**
 * When an instance becomes the active one (the only one that drains the outbox): sends cut off by the previous
 * holder's stop may have gone out; they are never repeated. Not at every start: a standby starting beside a
 * running active one would mark that one's sends in flight. Returns how many.
 */
export function settleInterrupted(db: Db, now: Date): number {
  return prepared(
    db,
    "UPDATE outbox SET status = 'unknown', finished_at = ?, error = 'interrupted by a restart' WHERE status = 'sending'",
  ).run(now.toISOString()).changes;
}

export function outboxCounts(db: Db): Record<OutboxStatus, number> {
  const counts: Record<OutboxStatus, number> = {
    pending: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    gone: 0,
    unknown: 0,
  };
  for (const r of prepared<[], { status: OutboxStatus; n: number }>(
    db,
    'SELECT status, count(*) AS n FROM outbox GROUP BY status',
  ).all())
    counts[r.status] = r.n;
  return counts;
}
