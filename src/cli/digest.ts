import { findUnitByNames } from '../core/directory.ts';
import { collectDigest } from '../digest/collect.ts';
import { digestText } from '../digest/render-text.ts';
import type { Digest } from '../digest/types.ts';
import { listAllSubscriptions } from '../kb/subscriptions-repo.ts';
import { lastOccurrence, vnClock } from '../schedule/vn-time.ts';
import type { AskDeps } from './ask.ts';

/** One digest as it would go out: to which chat, about which unit, and its text. */
export interface DigestPreview {
  channel: string | null;
  chatId: string | null;
  unitId: number;
  unit: string;
  today: string;
  text: string;
  digest: Digest;
}

export interface PreviewRequest {
  group?: string;
  channel?: string;
  unit?: string;
  org?: string;
  today?: string;
}

/**
 * `cli digest --preview`: what the scheduler would send, built the same way, without sending. For a group, each
 * of its subscriptions as of its latest scheduled time (or --today); for --unit/--org, that unit's digest.
 */
export function previewDigests(deps: AskDeps, request: PreviewRequest): DigestPreview[] {
  const ctx = { db: deps.db, k: deps.knowledge() };
  const now = deps.clock();
  if (request.group) {
    const subs = listAllSubscriptions(deps.db).filter(
      (s) => s.chatId === request.group && (!request.channel || s.channel === request.channel),
    );
    if (subs.length === 0) throw new Error(`Nhóm “${request.group}” chưa đăng ký bản tin tuần nào.`);
    return subs.flatMap((s) => {
      const at = request.today
        ? new Date(`${request.today}T08:00:00+07:00`)
        : lastOccurrence(now, s.weekday, s.time);
      const today = request.today ?? vnClock(at).date;
      const digest = collectDigest(ctx, s.unitId, today, at);
      return digest ? [toPreview(s.channel, s.chatId, digest)] : [];
    });
  }
  if (!request.unit && !request.org) throw new Error('Cần --group, hoặc --unit/--org.');
  const unit = findUnitByNames(ctx.k, request.org ?? null, request.unit ?? null);
  if (!unit)
    throw new Error(`Không tìm thấy đơn vị “${[request.unit, request.org].filter(Boolean).join(', ')}”`);
  const today = request.today ?? vnClock(now).date;
  const at = request.today ? new Date(`${today}T08:00:00+07:00`) : now;
  const digest = collectDigest(ctx, unit.id, today, at);
  return digest ? [toPreview(null, null, digest)] : [];
}

function toPreview(channel: string | null, chatId: string | null, digest: Digest): DigestPreview {
  return {
    channel,
    chatId,
    unitId: digest.unitId,
    unit: digest.label,
    today: digest.today,
    text: digestText(digest),
    digest,
  };
}
