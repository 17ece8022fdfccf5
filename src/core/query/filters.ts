import type { QueryFrame } from '../../intent/frame/frame.ts';
import type { AnswerTask } from '../../reply/format-task.ts';

/** Days from `from` to `to` (ISO dates), for "trễ N ngày". */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Past a dated deadline and not reported done. Ongoing and conditional work is never overdue. */
export function isOverdue(task: AnswerTask, today: string): boolean {
  return (
    task.deadline.kind === 'date' &&
    task.deadline.due !== null &&
    task.deadline.due < today &&
    task.status !== 'done'
  );
}

export function isOpenOngoing(task: AnswerTask): boolean {
  return ['ongoing', 'conditional'].includes(task.deadline.kind) && task.status !== 'done';
}

/** The period a deadline question covers: the one named, else from today on ("thời gian tới"). */
export interface Period {
  from: string;
  to: string;
  label: string;
}

/**
 * Step 3 of a question: every condition of the frame, together. `period` is null when no date narrows the list
 * ("việc công bố chỉ số CCHC hạn khi nào" asks the date, it does not filter by one).
 */
export function applyFilters(
  tasks: AnswerTask[],
  frame: QueryFrame,
  today: string,
  period: Period | null,
  topicIds: ReadonlySet<string> | null,
): AnswerTask[] {
  return tasks.filter((t) => {
    if (topicIds && !topicIds.has(t.id)) return false;
    if (!statusHolds(t, frame, today)) return false;
    if (period) {
      const due = t.deadline.due;
      if (due === null || due < period.from || due > period.to || t.status === 'done') return false;
    }
    if (frame.percentOnly) return t.kpis.some((k) => k.unit === '%');
    if (frame.kpiOnly) return t.kpis.length > 0;
    return true;
  });
}

function statusHolds(t: AnswerTask, frame: QueryFrame, today: string): boolean {
  switch (frame.status) {
    case 'overdue':
      return isOverdue(t, today);
    case 'ongoing':
      return t.deadline.kind === 'ongoing';
    case 'done':
      return t.status === 'done';
    case 'not_done':
      return t.status !== 'done';
    case 'not_reported':
      return t.status === null;
    default:
      return true;
  }
}

/** Step 4: by due date when dates were asked about, else as selected (own tasks first, plan order). */
export function sortTasks(tasks: AnswerTask[], byDue: boolean): AnswerTask[] {
  if (!byDue) return tasks;
  return [...tasks].sort((a, b) => (a.deadline.due ?? '9999').localeCompare(b.deadline.due ?? '9999'));
}
