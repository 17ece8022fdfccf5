import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/** A chat (a Zalo group, a Teams channel, or one person) that receives the weekly digest of a unit. */
export interface Subscription {
  channel: string;
  chatId: string;
  unitId: number;
  /** 1 = Monday … 7 = Sunday (Asia/Ho_Chi_Minh). */
  weekday: number;
  time: string;
}

export function subscribe(
  db: Db,
  s: Omit<Subscription, 'weekday' | 'time'>,
  userId: number,
  now: Date,
): void {
  prepared(
    db,
    `INSERT INTO digest_subscriptions (channel, chat_id, unit_id, created_by, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (channel, chat_id, unit_id) DO NOTHING`,
  ).run(s.channel, s.chatId, s.unitId, userId, now.toISOString());
}

export function unsubscribe(db: Db, channel: string, chatId: string, unitId: number | null): number {
  return prepared(
    db,
    'DELETE FROM digest_subscriptions WHERE channel = ? AND chat_id = ? AND (? IS NULL OR unit_id = ?)',
  ).run(channel, chatId, unitId, unitId).changes;
}

export function listSubscriptions(db: Db, channel: string, chatId: string): Subscription[] {
  return prepared<[string, string], Subscription>(
    db,
    `SELECT channel, chat_id AS chatId, unit_id AS unitId, weekday, time FROM digest_subscriptions
     WHERE channel = ? AND chat_id = ? ORDER BY created_at`,
  ).all(channel, chatId);
}

export interface ScheduledSubscription extends Subscription {
  createdAt: string;
}

/** Every subscription, for the scheduler. */
export function listAllSubscriptions(db: Db): ScheduledSubscription[] {
  return prepared<[], ScheduledSubscription>(
    db,
    `SELECT channel, chat_id AS chatId, unit_id AS unitId, weekday, time, created_at AS createdAt
       FROM digest_subscriptions ORDER BY channel, chat_id, unit_id`,
  ).all();
}

/** "@Bot bản tin vào thứ sáu 16:00": every subscription of the chat moves to that day and time. */
export function setSchedule(db: Db, channel: string, chatId: string, weekday: number, time: string): number {
  return prepared(
    db,
    'UPDATE digest_subscriptions SET weekday = ?, time = ? WHERE channel = ? AND chat_id = ?',
  ).run(weekday, time, channel, chatId).changes;
}
