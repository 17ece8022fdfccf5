import { findWeeklyTime, WEEKDAY_NAMES } from '../../intent/entities/weekly-time.ts';
import { VOCABULARY } from '../../intent/vocabulary.ts';
import { listSubscriptions, setSchedule, subscribe, unsubscribe } from '../../kb/subscriptions-repo.ts';
import { doc } from '../../reply/doc.ts';
import { MESSAGES } from '../../reply/messages.ts';
import type { HandlerResult, Turn } from '../types.ts';

const S = MESSAGES.subscription;

/**
 * "@Bot đăng ký bản tin tuần Phòng Công chức, viên chức": the chat (a group, or a person) gets that unit's weekly
 * digest, Monday 08:00 by default. "hủy bản tin" stops it. The unit is the one named, else the asker's own.
 */
export function answerSubscription(turn: Turn): HandlerResult {
  const named = turn.units.find((u) => u.candidates.length === 1)?.candidates[0] ?? null;
  const unit = named ?? turn.unit;
  const where = turn.chat.isGroup ? S.thisGroup : S.you;
  const result = (reply: string): HandlerResult => ({
    intent: 'digest',
    entities: unit ? { unit: unit.name } : {},
    tasks: [],
    doc: doc(reply),
  });
  if (VOCABULARY.digestSchedule.test(turn.msg.folded) && !VOCABULARY.subscribeDigest.test(turn.msg.folded)) {
    const when = findWeeklyTime(turn.msg.folded);
    if (!when) return result(S.whichTime);
    const moved = setSchedule(turn.db, turn.user.channel, turn.chat.id, when.weekday, when.time);
    return result(
      moved > 0 ? S.scheduled(where, WEEKDAY_NAMES[when.weekday] ?? '', when.time) : S.noneToStop(where),
    );
  }
  if (VOCABULARY.unsubscribeDigest.test(turn.msg.folded)) {
    const removed = unsubscribe(turn.db, turn.user.channel, turn.chat.id, named?.id ?? null);
    return result(removed > 0 ? S.stopped(where) : S.noneToStop(where));
  }
  if (!unit) return result(S.whichUnit);
  subscribe(
    turn.db,
    { channel: turn.user.channel, chatId: turn.chat.id, unitId: unit.id },
    turn.user.id,
    turn.now,
  );
  const org = turn.k.tree.orgOf(unit.id);
  const label = org && org.id !== unit.id ? `${unit.name} (${org.name})` : unit.name;
  const count = listSubscriptions(turn.db, turn.user.channel, turn.chat.id).length;
  return result(S.started(where, label, count));
}
