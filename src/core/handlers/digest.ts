import type { UnitNode } from '../../kb/unit-tree.ts';
import { bullet, doc, task, text } from '../../reply/doc.ts';
import { taskLineParts, toDisplayDate } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { askerScope, toAnswerTasks, yearNote } from '../answer-tasks.ts';
import { daysBetween, isOverdue } from '../query/filters.ts';
import { findResponsibleTasks } from '../responsibility.ts';
import type { HandlerResult, Turn } from '../types.ts';

/** The window of MESSAGES.digest.sections.dueSoon ("Đến hạn trong 14 ngày tới"). */
const SOON_DAYS = 14;
const D = MESSAGES.digest;

/** A short weekly summary for the asker's unit: overdue work and what falls due in the next two weeks. */
export function answerDigest(turn: Turn, unit: UnitNode): HandlerResult {
  const scope = askerScope(turn);
  const parts = findResponsibleTasks(turn.k.mentions, turn.k.tree, unit.id, scope.planIds, 'both');
  const all = toAnswerTasks(
    turn,
    parts.map((p) => p.taskId),
    unit.id,
    parts,
  );
  const overdue = all.filter((t) => isOverdue(t, turn.today));
  const soon = all.filter((t) => {
    const due = t.deadline.due;
    return (
      due !== null && due >= turn.today && daysBetween(turn.today, due) <= SOON_DAYS && t.status !== 'done'
    );
  });
  const line = (t: (typeof all)[number], i: number) =>
    task(taskLineParts(i + 1, t, turn.k.plansById.get(t.planId)));
  const said = doc(
    text(MESSAGES.headers.digest(unit.name, toDisplayDate(turn.today)), 'title'),
    bullet(D.sectionCount(D.sections.overdue, overdue.length)),
    overdue.slice(0, 5).map(line),
    bullet(D.sectionCount(D.sections.dueSoon, soon.length)),
    soon.slice(0, 5).map(line),
    bullet(D.total(all.length)),
    yearNote(scope),
  );
  return {
    intent: 'digest',
    entities: { unit: unit.name, scope: { planIds: scope.planIds, year: scope.year } },
    tasks: [...overdue, ...soon],
    doc: said,
  };
}
