import { VOCABULARY } from '../../intent/vocabulary.ts';
import { setReminders } from '../../kb/users-repo.ts';
import { doc } from '../../reply/doc.ts';
import { MESSAGES } from '../../reply/messages.ts';
import type { HandlerResult, Turn } from '../types.ts';

/** "tắt nhắc việc" / "bật nhắc việc": each person chooses whether deadline reminders come to them. */
export function answerReminderSettings(turn: Turn): HandlerResult {
  const off = VOCABULARY.remindersOff.test(turn.msg.folded);
  const result = (reply: string): HandlerResult => ({
    intent: 'reminder_settings',
    entities: {},
    tasks: [],
    doc: doc(reply),
  });
  if (!off && !turn.unit) return result(MESSAGES.reminder.needUnit);
  setReminders(turn.db, turn.user.id, !off, turn.now);
  return result(off ? MESSAGES.reminder.off : MESSAGES.reminder.on);
}
