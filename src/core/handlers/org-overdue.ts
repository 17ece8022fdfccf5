import { findSearchRows } from '../../kb/task-queries.ts';
import { toDisplayDate } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { askerScope, listAnswer, toAnswerTasks, yearNote } from '../answer-tasks.ts';
import type { HandlerResult, Turn } from '../types.ts';
import { isOverdue } from './unit-tasks.ts';

/**
 * overdue for an admin: every task of the organisation's plans that is past due and not done — done meaning every
 * lead unit has reported it done — ordered by lead unit, each line naming it.
 */
export function answerOrgOverdue(turn: Turn): HandlerResult {
  const scope = askerScope(turn);
  const ids = findSearchRows(turn.db, scope.planIds).map((r) => r.id);
  const overdue = toAnswerTasks(turn, ids, null).filter((t) => isOverdue(t, turn.today));
  const byLead = [...overdue].sort((a, b) =>
    (a.lead[0]?.name ?? '').localeCompare(b.lead[0]?.name ?? '', 'vi'),
  );
  const org = turn.org?.name ?? '';
  const header = MESSAGES.headers.overdueOrg(org, byLead.length, toDisplayDate(turn.today));
  const entities = { scope: { planIds: scope.planIds, year: scope.year } };
  if (byLead.length === 0) {
    const next = MESSAGES.none.next([MESSAGES.none.ask.dueSoon(null)]);
    return { intent: 'overdue', entities, tasks: [], reply: `${header}${yearNote(scope)}\n${next}` };
  }
  const answer = listAnswer(turn, 'overdue', entities, header, byLead);
  return { ...answer, reply: `${answer.reply}${yearNote(scope)}` };
}
