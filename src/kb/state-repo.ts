import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/** Short-lived conversation state per user (a pending numbered choice, the rest of a long list), stored as JSON. */
export function loadState(db: Db, userId: number, now: Date): unknown {
  const row = prepared<[number, string], { state: string }>(
    db,
    'SELECT state FROM conversation_state WHERE user_id = ? AND expires_at > ?',
  ).get(userId, now.toISOString());
  return row ? JSON.parse(row.state) : null;
}

export function saveState(db: Db, userId: number, state: unknown, expiresAt: Date): void {
  prepared(
    db,
    `INSERT INTO conversation_state (user_id, state, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
  ).run(userId, JSON.stringify(state), expiresAt.toISOString());
}

export function clearState(db: Db, userId: number): void {
  prepared(db, 'DELETE FROM conversation_state WHERE user_id = ?').run(userId);
}
