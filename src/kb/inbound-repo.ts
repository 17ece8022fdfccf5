import { LEASE_MS } from './instances-repo.ts';
import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/**
 * Chat platforms deliver at least once. An update is claimed by (channel, chat, message) before it is handled:
 * a second delivery finds the claim and is dropped, also after a restart.
 */
export function claimUpdate(
  db: Db,
  channel: string,
  chatId: string,
  messageId: string,
  payload: string,
  now: Date,
  claimedBy: string | null = null,
): boolean {
  const result = prepared(
    db,
    `INSERT INTO inbound_updates (channel, chat_id, message_id, payload, received_at, claimed_by)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(channel, chatId, messageId, payload, now.toISOString(), claimedBy);
  return result.changes === 1;
}

/** Claimed by an instance that is no longer running (or by none): nobody will answer it unless it is taken over. */
const ORPHANED = `handled_at IS NULL AND (claimed_by IS NULL OR claimed_by NOT IN
  (SELECT id FROM instances WHERE stopped_at IS NULL AND heartbeat_at > ?))`;

/**
 * A stored update that was never answered, claimed by a process that is gone (killed mid-answer): this instance
 * takes it over, in one statement, so of two instances seeing it only one answers. False when it was answered,
 * or when a running instance is still answering it — this one always counts as running, whatever its heartbeat
 * says (a test clock moved forward must not make it answer its own update twice).
 */
export function takeOverOrphan(
  db: Db,
  channel: string,
  chatId: string,
  messageId: string,
  me: string,
  now: Date,
  ttlMs = LEASE_MS,
): boolean {
  const since = new Date(now.getTime() - ttlMs).toISOString();
  return (
    prepared(
      db,
      `UPDATE inbound_updates SET claimed_by = ?
       WHERE channel = ? AND chat_id = ? AND message_id = ? AND claimed_by IS NOT ? AND ${ORPHANED}`,
    ).run(me, channel, chatId, messageId, me, since).changes === 1
  );
}

/** Unanswered updates whose claimer is gone, oldest first: what an instance answers when it takes over. */
export function findOrphans(
  db: Db,
  channel: string,
  now: Date,
  ttlMs = LEASE_MS,
): { chatId: string; messageId: string; payload: string }[] {
  const since = new Date(now.getTime() - ttlMs).toISOString();
  return prepared<[string, string], { chatId: string; messageId: string; payload: string }>(
    db,
    `SELECT chat_id AS chatId, message_id AS messageId, payload FROM inbound_updates
     WHERE channel = ? AND ${ORPHANED} ORDER BY received_at`,
  ).all(channel, since);
}

/** The answer computed for an update, stored in the transaction that computed it (see core/answer-once.ts). */
export function saveAnswer(db: Db, channel: string, chatId: string, messageId: string, answer: string): void {
  prepared(
    db,
    'UPDATE inbound_updates SET answer = ? WHERE channel = ? AND chat_id = ? AND message_id = ?',
  ).run(answer, channel, chatId, messageId);
}

export function findAnswer(db: Db, channel: string, chatId: string, messageId: string): string | null {
  return (
    prepared<[string, string, string], { answer: string | null }>(
      db,
      'SELECT answer FROM inbound_updates WHERE channel = ? AND chat_id = ? AND message_id = ?',
    ).get(channel, chatId, messageId)?.answer ?? null
  );
}

export function markHandled(db: Db, channel: string, chatId: string, messageId: string, now: Date): void {
  prepared(
    db,
    'UPDATE inbound_updates SET handled_at = ? WHERE channel = ? AND chat_id = ? AND message_id = ?',
  ).run(now.toISOString(), channel, chatId, messageId);
}

/** Updates claimed but never handled (the process stopped in between): handled again at start-up. */
export function findUnhandled(
  db: Db,
  channel: string,
): { chatId: string; messageId: string; payload: string }[] {
  return prepared<[string], { chatId: string; messageId: string; payload: string }>(
    db,
    `SELECT chat_id AS chatId, message_id AS messageId, payload FROM inbound_updates
     WHERE channel = ? AND handled_at IS NULL ORDER BY received_at`,
  ).all(channel);
}

/** Remembers a group chat the bot was mentioned in: the only way to learn its id. */
export function recordGroup(db: Db, channel: string, chatId: string, now: Date): void {
  prepared(
    db,
    `INSERT INTO chat_groups (channel, chat_id, first_seen, last_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT (channel, chat_id) DO UPDATE SET last_seen = excluded.last_seen`,
  ).run(channel, chatId, now.toISOString(), now.toISOString());
}

export function listGroups(db: Db, channel: string): string[] {
  return prepared<[string], { chat_id: string }>(
    db,
    'SELECT chat_id FROM chat_groups WHERE channel = ? ORDER BY first_seen',
  )
    .all(channel)
    .map((r) => r.chat_id);
}
