import { findLastOwnReport, retractProgress } from '../../kb/progress-repo.ts';
import { doc } from '../../reply/doc.ts';
import { taskCitation } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { toAnswerTasks } from '../answer-tasks.ts';
import { reportInstant, TIME_ZONE } from '../clock.ts';
import type { HandlerResult, Turn } from '../types.ts';

const R = MESSAGES.report;
/** A report can be taken back this long after it was made; later, a new report corrects it. */
export const UNDO_WINDOW_MS = 30 * 60 * 1000;

/**
 * "hủy báo cáo vừa rồi": the person's own latest report, if made within the window, is marked retracted (by whom,
 * when). The row is kept for the audit trail; every read of the latest progress skips it.
 */
export function answerUndoReport(turn: Turn): HandlerResult {
  const last = findLastOwnReport(turn.db, turn.user.id);
  if (!last) return reply(R.undoNothing);
  const [task] = toAnswerTasks(turn, [last.taskId], last.unitId);
  const label = task ? taskCitation(task, turn.k.plansById.get(task.planId)) : last.taskId;
  const now = reportInstant(turn.now, turn.today);
  if (Date.parse(now) - Date.parse(last.reportedAt) > UNDO_WINDOW_MS)
    return reply(R.undoTooLate(label, toClockTime(last.reportedAt)), task);
  retractProgress(turn.db, last.id, turn.user.id, now);
  const unit = turn.k.tree.get(last.unitId)?.name ?? '';
  const [after] = toAnswerTasks(turn, [last.taskId], last.unitId);
  return reply(R.undone(unit, label), after);
}

function reply(text: string, task?: HandlerResult['tasks'][number]): HandlerResult {
  return { intent: 'report_progress', entities: {}, tasks: task ? [task] : [], doc: doc(text) };
}

/** "14:05 22/11/2026" in Vietnam's time. */
function toClockTime(iso: string): string {
  const format = new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour12: false,
  });
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}
