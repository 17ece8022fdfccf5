import { findTimeRange } from '../../intent/entities/time-range.ts';
import type { Intent } from '../../intent/intents.ts';
import type { UnitNode } from '../../kb/unit-tree.ts';
import type { AnswerTask } from '../../reply/format-task.ts';
import { toDisplayDate } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { askerScope, listAnswer, toAnswerTasks, unitScope, yearNote } from '../answer-tasks.ts';
import { findResponsibleTasks } from '../responsibility.ts';
import type { Entities, HandlerResult, Turn } from '../types.ts';

const H = MESSAGES.headers;

/** Days from `from` to `to` (ISO dates), for "trễ N ngày". */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isOverdue(task: AnswerTask, today: string): boolean {
  return (
    task.deadline.kind === 'date' &&
    task.deadline.due !== null &&
    task.deadline.due < today &&
    task.status !== 'done'
  );
}

/** my_tasks, unit_tasks, overdue, deadlines and kpi all start from "what is this unit responsible for". */
export function answerUnitTasks(
  turn: Turn,
  intent: Intent,
  subject: UnitNode,
  isAsker: boolean,
): HandlerResult {
  const scope = isAsker ? askerScope(turn) : unitScope(turn, subject);
  const which = intent === 'my_tasks' || intent === 'unit_tasks' ? turn.responsibility : 'both';
  const parts = findResponsibleTasks(turn.k.mentions, turn.k.tree, subject.id, scope.planIds, which);
  const all = toAnswerTasks(
    turn,
    parts.map((p) => p.taskId),
    subject.id,
    parts,
  );
  const entities: Entities = {
    unit: subject.name,
    responsibility: which,
    scope: { planIds: scope.planIds, year: scope.year },
  };
  const { tasks, header, none } = filterFor(turn, intent, subject, all, entities);
  if (tasks.length === 0) {
    const next = MESSAGES.none.next(nextQuestions(intent, isAsker ? null : subject.name));
    return { intent, entities, tasks, reply: `${none}${yearNote(scope)}\n${next}` };
  }
  const answer = listAnswer(turn, intent, entities, header, tasks);
  return { ...answer, reply: `${answer.reply}${yearNote(scope)}` };
}

/** What to ask after an empty answer: the neighbouring question about the same unit (null: the asker's own). */
function nextQuestions(intent: Intent, unit: string | null): string[] {
  const ask = MESSAGES.none.ask;
  switch (intent) {
    case 'overdue':
      return [ask.dueSoon(unit)];
    case 'deadlines':
      return [ask.overdue(unit), ask.all(unit)];
    case 'kpi':
      return [ask.dueSoon(unit), ask.all(unit)];
    default:
      return [ask.topic()];
  }
}

/** The tasks the question asks for, the list's header, and the one sentence said instead when there are none. */
function filterFor(
  turn: Turn,
  intent: Intent,
  subject: UnitNode,
  all: AnswerTask[],
  entities: Entities,
): { tasks: AnswerTask[]; header: string; none: string } {
  const name = subject.name;
  switch (intent) {
    case 'overdue': {
      const tasks = all.filter((t) => isOverdue(t, turn.today));
      const header = H.overdue(name, tasks.length, toDisplayDate(turn.today));
      // Ongoing and conditional work is never overdue; a lead still wants to know how much of it is open.
      const open = all.filter(
        (t) => ['ongoing', 'conditional'].includes(t.deadline.kind) && t.status !== 'done',
      );
      const note = turn.user.role !== 'staff' && open.length > 0 ? `\n${MESSAGES.openWork(open.length)}` : '';
      return { tasks, header: `${header}${note}`, none: `${header}${note}` };
    }
    case 'deadlines': {
      const range = findTimeRange(turn.msg.folded, turn.today);
      if (range) entities.timeRange = range;
      const from = range?.from ?? turn.today;
      const to = range?.to ?? '9999-12-31';
      const tasks = all
        .filter(
          (t) =>
            t.deadline.due !== null && t.deadline.due >= from && t.deadline.due <= to && t.status !== 'done',
        )
        .sort((a, b) => (a.deadline.due ?? '').localeCompare(b.deadline.due ?? ''));
      const label = range?.label ?? 'thời gian tới';
      return { tasks, header: H.deadlines(label, tasks.length), none: MESSAGES.none.deadlines(name, label) };
    }
    case 'kpi': {
      const tasks = all.filter((t) => t.kpis.length > 0);
      return { tasks, header: H.kpi(tasks.length), none: MESSAGES.none.kpi(name) };
    }
    default: {
      const header =
        turn.responsibility === 'lead'
          ? H.myLead(name, all.length)
          : turn.responsibility === 'coordinate'
            ? H.myCoordinate(name, all.length)
            : H.myTasks(name, all.length);
      return { tasks: all, header, none: MESSAGES.none.unitTasks(name, turn.responsibility) };
    }
  }
}
