import { findOnBehalf } from '../../intent/entities/on-behalf.ts';
import { findProgress, type ProgressStatement } from '../../intent/entities/progress.ts';
import { insertProgress, type ProgressStatus } from '../../kb/progress-repo.ts';
import type { UnitNode } from '../../kb/unit-tree.ts';
import { type AnswerTask, taskCitation, taskNumber } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { toAnswerTasks } from '../answer-tasks.ts';
import { authorize, placeName } from '../rights.ts';
import type { Entities, HandlerResult, Turn } from '../types.ts';
import { chooseTask, findReferencedTasks, refText } from './search.ts';

const R = MESSAGES.report;
/** Places listed when a unit named for "báo cáo thay" exists in several organisations. */
const MAX_PLACES = 6;

function refuse(entities: Entities, reply: string, tasks: AnswerTask[] = []): HandlerResult {
  return { intent: 'report_progress', entities, tasks, reply };
}

function statusOf(p: ProgressStatement): ProgressStatus {
  if (p.status) return p.status;
  if (p.percent === 100) return 'done';
  return 'in_progress';
}

function summaryOf(status: ProgressStatus, p: ProgressStatement): string {
  const parts: string[] = [MESSAGES.labels.status[status]];
  if (p.percent !== null && p.percent !== 100) parts.push(`${p.percent}%`);
  if (p.actual !== null) parts.push(`kết quả thực tế ${String(p.actual).replace('.', ',')}%`);
  return parts.join(', ');
}

function entitiesOf(turn: Turn, progress: ProgressStatement): Entities {
  const ref = turn.refs[0];
  return {
    ...(ref ? { taskRef: refText(ref) } : {}),
    ...(progress.percent !== null ? { percent: progress.percent } : {}),
    ...(progress.actual !== null ? { actual: progress.actual } : {}),
    ...(progress.status ? { status: progress.status } : {}),
  };
}

/**
 * The unit the report is for: the one named after "báo cáo thay", else the asker's own (null when unregistered).
 * A report writes, so a name that is unknown, only close to a unit's name, or shared by several organisations is
 * asked about rather than guessed. `lookup` is the turn to find the task number with: for a report on behalf, as
 * if that unit's own staff had asked (the plans of its organisation and those above it).
 */
function reportingUnit(turn: Turn): { unit: UnitNode | null; lookup: Turn } | { refusal: string } {
  const onBehalf = findOnBehalf(turn.msg.folded);
  if (!onBehalf) return { unit: turn.unit, lookup: turn };
  const match = turn.k.units
    .find(onBehalf.unitTokens, turn.org?.id ?? null)
    .find((m) => m.candidates.length > 0);
  if (!match) return { refusal: R.onBehalfWhichUnit };
  const places = match.candidates.slice(0, MAX_PLACES).map((u) => placeName(turn.k.tree, u));
  const [only, ...others] = match.candidates;
  if (!only || others.length > 0) return { refusal: R.onBehalfAmbiguous(places) };
  if (!match.exact) return { refusal: R.onBehalfDidYouMean(places[0] ?? only.name) };
  const org = turn.k.tree.orgOf(only.id) ?? only;
  return { unit: only, lookup: { ...turn, unit: only, org, units: [] } };
}

/**
 * report_progress: validates everything first (who, for which unit, which task, what), then writes one row.
 * Whether the asker may report for that unit on that task is decided by src/core/rights.ts. A report that fails
 * any check writes nothing and says why.
 */
export function answerReport(turn: Turn, chosenTaskId?: string): HandlerResult {
  const progress = findProgress(turn.msg.folded);
  const ref = turn.refs[0];
  const entities = entitiesOf(turn, progress);
  if (!chosenTaskId && !ref) return refuse(entities, progress.invalid ? R.overHundred : R.needTask);
  const target = reportingUnit(turn);
  if ('refusal' in target) return refuse(entities, target.refusal);
  const { unit, lookup } = target;
  if (unit && unit.id !== turn.unit?.id) entities.unit = unit.name;
  const ids = chosenTaskId ? [chosenTaskId] : ref ? findReferencedTasks(lookup, ref) : [];
  if (ids.length === 0) return refuse(entities, MESSAGES.taskNotFound(ref ? refText(ref) : ''));
  if (ids.length > 1) return chooseTask(lookup, 'report_progress', entities, ids, turn.msg.text);
  const taskId = ids[0] ?? '';
  // Every check below names the task the report was about, so the asker sees what was understood.
  const found = toAnswerTasks(turn, [taskId], unit?.id ?? null);
  const task = found[0];
  if (!task) return refuse(entities, MESSAGES.taskNotFound(taskId));
  if (progress.invalid) return refuse(entities, R.overHundred, found);
  if (!unit) return refuse(entities, R.notRegistered, found);
  if (progress.status === null && progress.percent === null && progress.actual === null) {
    return refuse(entities, R.needWhat, found);
  }
  const decision = authorize(
    { kind: 'user', user: turn.user },
    { kind: 'report', unit, task: { id: taskId, planId: task.planId, number: taskNumber(task) } },
    turn.k,
  );
  if (!decision.ok) return refuse(entities, decision.reason, found);
  return record(turn, entities, unit, task, progress);
}

function record(
  turn: Turn,
  entities: Entities,
  unit: UnitNode,
  task: AnswerTask,
  progress: ProgressStatement,
): HandlerResult {
  const status = statusOf(progress);
  const onBehalf = unit.id !== turn.unit?.id;
  insertProgress(turn.db, {
    taskId: task.id,
    unitId: unit.id,
    status,
    percent: progress.percent,
    actual: progress.actual,
    note: null,
    userId: turn.user.id,
    onBehalf,
    channel: turn.user.channel,
    text: turn.msg.text,
    reportedAt: turn.now.toISOString(),
  });
  const [saved] = toAnswerTasks(turn, [task.id], unit.id);
  const label = taskCitation(task, turn.k.plansById.get(task.planId));
  const summary = summaryOf(status, progress);
  return {
    intent: 'report_progress',
    entities,
    tasks: saved ? [saved] : [],
    reply: onBehalf ? R.savedOnBehalf(unit.name, label, summary) : R.saved(label, summary),
  };
}
