import type { Knowledge } from '../core/knowledge.ts';
import { collectDigest } from '../digest/collect.ts';
import { digestText } from '../digest/render-text.ts';
import type { Db } from '../kb/open.ts';
import { enqueue, hasKey, type OutboxEntry } from '../kb/outbox-repo.ts';
import { listAllSubscriptions, type Subscription } from '../kb/subscriptions-repo.ts';
import type { OutboxPayload } from './payload.ts';
import { lastOccurrence, vnClock } from './vn-time.ts';

export interface PlanContext {
  db: Db;
  k: Knowledge;
}

/**
 * Puts into the outbox every digest whose time has come: for each subscription, its latest scheduled time at or
 * before `now` (after the subscription was made). Only the latest one counts, so a server that was down for three
 * Mondays sends one digest when it comes back, not three; its key makes it once only. Returns how many were added.
 */
export function planDigests(ctx: PlanContext, now: Date): number {
  let added = 0;
  for (const sub of listAllSubscriptions(ctx.db)) {
    const due = lastOccurrence(now, sub.weekday, sub.time);
    if (due.getTime() < Date.parse(sub.createdAt)) continue;
    const key = `digest|${sub.channel}|${sub.chatId}|${sub.unitId}|${due.toISOString()}`;
    if (hasKey(ctx.db, key)) continue;
    const entry = digestEntry(ctx, sub, due, key);
    if (entry && enqueue(ctx.db, entry, now)) added++;
  }
  return added;
}

/** The outbox entry of one subscription's digest as of `at` (its text, and the digest for cards). */
export function digestEntry(
  ctx: PlanContext,
  sub: Pick<Subscription, 'channel' | 'chatId' | 'unitId'>,
  at: Date,
  key: string,
): OutboxEntry | null {
  const digest = collectDigest(ctx, sub.unitId, vnClock(at).date, at);
  if (!digest) return null;
  const payload: OutboxPayload = { text: digestText(digest), digest };
  return { key, kind: 'digest', channel: sub.channel, chatId: sub.chatId, payload, notBefore: at };
}
