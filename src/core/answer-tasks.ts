import type { Asked } from '../intent/frame/frame.ts';
import type { Intent } from '../intent/intents.ts';
import type { ExportedTask } from '../kb/export.ts';
import type { Db } from '../kb/open.ts';
import { findLatestProgressByTask, type LatestProgress } from '../kb/progress-repo.ts';
import { findPlansMentioning, type PlanInfo } from '../kb/task-queries.ts';
import type { UnitNode } from '../kb/unit-tree.ts';
import { type Block, doc, task, text } from '../reply/doc.ts';
import { type AnswerTask, taskLineParts } from '../reply/format-task.ts';
import { MESSAGES } from '../reply/messages.ts';
import { unitStatus } from '../report/status.ts';
import type { TaskStatus } from '../report/types.ts';
import { todayIn } from './clock.ts';
import type { Knowledge } from './knowledge.ts';
import type { ResponsibleTask } from './responsibility.ts';
import { choosePlans, type PlanScope, visiblePlans } from './scope.ts';
import type { ConversationState, Entities, HandlerResult, Turn } from './types.ts';

export const PAGE_SIZE = 8;

/** The plans among `candidates` that the question's year, plan number and appendix (or the default year) pick. */
export function scopeAmong(turn: Turn, candidates: PlanInfo[]): PlanScope {
  const { year, planNumber, appendix, today } = turn;
  return choosePlans({ candidates, year, planNumber, appendix, today });
}

/** Plans for a question about the asker (their organisation and those above it). */
export function askerScope(turn: Turn): PlanScope {
  return scopeAmong(turn, visiblePlans(turn.k.plans, turn.k.tree, turn.org?.id ?? null));
}

/** Plans for a question about a named unit: those that name it or a collective covering it. */
export function unitScope(turn: Turn, unit: UnitNode): PlanScope {
  const ids = new Set(
    findPlansMentioning(turn.db, [unit.id, ...turn.k.tree.coveringCollectives(unit.id).map((c) => c.id)]),
  );
  return scopeAmong(
    turn,
    turn.k.plans.filter((p) => ids.has(p.id) || p.issuerUnitId === unit.id),
  );
}

/** Loads tasks in the given order, with the unit's part and latest status. */
export function toAnswerTasks(
  turn: Turn,
  ids: string[],
  unitId: number | null,
  parts?: ResponsibleTask[],
): AnswerTask[] {
  return answerTasksFor(turn.db, turn.k, ids, unitId, parts, turn.today);
}

/** toAnswerTasks outside a conversation (digests, reminders). */
export function answerTasksFor(
  db: Db,
  k: Knowledge,
  ids: string[],
  unitId: number | null,
  parts?: ResponsibleTask[],
  /** With a day, a reported task also carries its tracker status as of that day (src/report/status.ts). */
  today?: string,
): AnswerTask[] {
  const byId = k.tasks(ids);
  const partOf = new Map((parts ?? []).map((p) => [p.taskId, p]));
  const latest = findLatestProgressByTask(db, ids);
  const out: AnswerTask[] = [];
  for (const id of ids) {
    const task = byId.get(id);
    if (!task) continue;
    const part = partOf.get(id);
    const reports = latest.get(id);
    const status = reports ? statusOf(task, reports, unitId) : null;
    const tracker =
      status !== null && today && reports ? trackerOf(task, reports, unitId, status, today) : null;
    // The part comes from a collective when the unit is not named, or is named for the other part.
    const fromCollective = part !== undefined && part.namedAs !== part.responsibility;
    // Built field by field, not spread: this runs for every task of every list answer.
    const answer: AnswerTask = {
      id: task.id,
      planId: task.planId,
      section: task.section,
      stt: task.stt,
      isHeading: task.isHeading,
      parentId: task.parentId,
      content: task.content,
      lead: task.lead,
      coordinate: task.coordinate,
      deadline: task.deadline,
      product: task.product,
      kpis: task.kpis,
      responsibility: part?.responsibility ?? null,
      status,
    };
    if (tracker) answer.tracker = tracker;
    if (fromCollective) {
      const via = viaOf(part.responsibility === 'lead' ? task.lead : task.coordinate);
      if (via) answer.via = via;
      if (part.namedAs) answer.namedAs = part.namedAs;
    }
    out.push(answer);
  }
  return out;
}

/** The unit's latest status; for no unit (some report exists), "done" once every lead unit reported it done. */
function statusOf(
  task: ExportedTask,
  reports: LatestProgress[],
  unitId: number | null,
): AnswerTask['status'] {
  if (unitId !== null) return reports.find((p) => p.unitId === unitId)?.status ?? null;
  const allLeadsDone = task.lead.every((u) =>
    reports.some((p) => p.unitId === u.unitId && p.status === 'done'),
  );
  return allLeadsDone ? 'done' : 'in_progress';
}

/**
 * The status words of the report and the digest, for a task someone reported on: the unit's latest report against
 * the deadline (for no unit, the latest of the lead units' reports), counted by the report's own function.
 */
function trackerOf(
  task: ExportedTask,
  reports: LatestProgress[],
  unitId: number | null,
  status: NonNullable<AnswerTask['status']>,
  today: string,
): TaskStatus {
  const own = unitId !== null ? reports.filter((p) => p.unitId === unitId) : reports;
  let latest: LatestProgress | undefined;
  for (const p of own) if (!latest || p.reportedAt > latest.reportedAt) latest = p;
  const day = latest ? todayIn(new Date(latest.reportedAt)) : today;
  return unitStatus(task.deadline, { status, day }, today);
}

/** The collective through which the unit has its part (lead or coordinate), with that collective's condition. */
function viaOf(refs: AnswerTask['lead']): AnswerTask['via'] {
  return refs
    .filter((r) => r.collective)
    .slice(0, 1)
    .map((c) => ({ collective: c.name, condition: c.condition }));
}

/** The line saying which year's plans were read, when it is not the one asked for; empty otherwise. */
export function yearNote(scope: PlanScope): Block[] {
  if (!scope.fellBack || scope.year === null) return [];
  return doc(
    text(
      scope.latestFor
        ? MESSAGES.yearLatestFor(scope.year, scope.latestFor)
        : MESSAGES.yearFallback(scope.year),
      'note',
    ),
  );
}

/** A list answer: the first page now, the rest kept for "xem tiếp". */
export function listAnswer(
  turn: Turn,
  intent: Intent,
  entities: Entities,
  header: string,
  tasks: AnswerTask[],
  offset = 0,
  asked: Asked = 'list',
): HandlerResult {
  const page = tasks.slice(offset, offset + PAGE_SIZE);
  const items = page.map((t, i) =>
    taskLineParts(offset + i + 1, t, turn.k.plansById.get(t.planId), undefined, asked),
  );
  const left = tasks.length - offset - page.length;
  const state: ConversationState | null =
    left > 0
      ? {
          kind: 'page',
          intent,
          entities,
          header,
          taskIds: tasks.map((t) => t.id),
          offset: offset + PAGE_SIZE,
          ...(asked !== 'list' ? { asked } : {}),
          unitId: turn.unit?.id ?? null,
          parts: tasks.map((t) => ({
            id: t.id,
            responsibility: t.responsibility,
            ...(t.via ? { via: t.via } : {}),
          })),
        }
      : null;
  const body = doc(text(header, 'title'), items.map(task), left > 0 && text(MESSAGES.more(left), 'note'));
  return { intent, entities, tasks, doc: body, state };
}

/** The rest of a list kept for "xem tiếp", with each task's part as it was on the first page. */
export function nextPage(turn: Turn, state: Extract<ConversationState, { kind: 'page' }>): HandlerResult {
  const parts = new Map(state.parts.map((p) => [p.id, p]));
  const tasks = toAnswerTasks(turn, state.taskIds, state.unitId).map((t) => {
    const part = parts.get(t.id);
    if (!part) return t;
    return {
      ...t,
      responsibility: part.responsibility,
      ...(part.via ? { via: part.via } : {}),
      ...(part.namedAs ? { namedAs: part.namedAs } : {}),
    };
  });
  const answer = listAnswer(
    turn,
    state.intent,
    state.entities,
    state.header,
    tasks,
    state.offset,
    state.asked,
  );
  // The question stays the one a follow-up builds on, page after page.
  if (state.last && answer.state?.kind === 'page') answer.state.last = state.last;
  return state.last && !answer.state ? { ...answer, state: { kind: 'last', last: state.last } } : answer;
}
