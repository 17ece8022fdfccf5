import { findOnBehalf } from '../../intent/entities/on-behalf.ts';
import { findProgress, type ProgressStatement } from '../../intent/entities/progress.ts';
import { insertProgress, type ProgressStatus } from '../../kb/progress-repo.ts';
import type { UnitNode } from '../../kb/unit-tree.ts';
import { doc } from '../../reply/doc.ts';
import { type AnswerTask, taskCitation, taskNumber } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { toAnswerTasks } from '../answer-tasks.ts';
import { reportInstant } from '../clock.ts';
import { authorize, placeName } from '../rights.ts';
import { chooseTask, findReferencedTasks, refText } from '../task-lookup.ts';
import type { Entities, HandlerResult, Turn } from '../types.ts';
import { findTaskByWords } from './report-by-words.ts';

const R = MESSAGES.report;
/** Places listed when a unit named for "báo cáo thay" exists in several organisations. */
const MAX_PLACES = 6;
/** How much of a task's text the confirmation quotes when the report named the task by its words. */
const QUOTED_CONTENT = 90;

function refuse(entities: Entities, reply: string, tasks: AnswerTask[] = []): HandlerResult {
  return { intent: 'report_progress', entities, tasks, doc: doc(reply) };
}

function statusOf(p: ProgressStatement): ProgressStatus {
  if (p.status) return p.status;
  if (p.percent === 100) return 'done';
  return 'in_progress';
}

function summaryOf(status: ProgressStatus, p: ProgressStatement): string {
  const parts: string[] = [MESSAGES.labels.status[status]];
  if (p.percent !== null && p.percent !== 100) parts.push(MESSAGES.labels.percent(p.percent));
  if (p.actual !== null) parts.push(`kết quả ${MESSAGES.labels.actual(p.actual)}`);
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
  const saysNothing = progress.status === null && progress.percent === null && progress.actual === null;
  if (!chosenTaskId && !ref && (progress.invalid || saysNothing))
    return refuse(entities, progress.invalid ? R.overHundred : R.needTask);
  const target = reportingUnit(turn);
  if ('refusal' in target) return refuse(entities, target.refusal);
  const { unit, lookup } = target;
  if (unit && unit.id !== turn.unit?.id) entities.unit = unit.name;
  if (!chosenTaskId && !ref) {
    // Named by its words: matched among the tasks of the unit reported for, which therefore must be known.
    if (!unit) return refuse(entities, R.notRegistered);
    const byWords = findTaskByWords(turn, lookup, unit, entities, (reply) => refuse(entities, reply));
    return 'taskId' in byWords
      ? checkAndRecord(turn, entities, unit, byWords.taskId, progress, true)
      : byWords;
  }
  const ids = chosenTaskId ? [chosenTaskId] : ref ? findReferencedTasks(lookup, ref) : [];
  if (ids.length === 0) return refuse(entities, MESSAGES.taskNotFound(ref ? refText(ref) : ''));
  if (ids.length > 1) return chooseTask(lookup, 'report_progress', entities, ids, turn.msg.text);
  // A choice made among tasks matched by words is recorded as such: the confirmation quotes the task.
  return checkAndRecord(turn, entities, unit, ids[0] ?? '', progress, !ref);
}

/** Every check names the task the report was about, so the asker sees what was understood. */
function checkAndRecord(
  turn: Turn,
  entities: Entities,
  unit: UnitNode | null,
  taskId: string,
  progress: ProgressStatement,
  byWords: boolean,
): HandlerResult {
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
  return record(turn, entities, unit, task, progress, byWords);
}

function record(
  turn: Turn,
  entities: Entities,
  unit: UnitNode,
  task: AnswerTask,
  progress: ProgressStatement,
  byWords: boolean,
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
    reportedAt: reportInstant(turn.now, turn.today),
  });
  const [saved] = toAnswerTasks(turn, [task.id], unit.id);
  const citation = taskCitation(task, turn.k.plansById.get(task.planId));
  const label = byWords ? R.matchedTask(citation, shorten(task.content, QUOTED_CONTENT)) : citation;
  const summary = summaryOf(status, progress);
  const saidSaved = onBehalf ? R.savedOnBehalf(unit.name, label, summary) : R.saved(label, summary);
  return {
    intent: 'report_progress',
    entities,
    tasks: saved ? [saved] : [],
    doc: doc(`${saidSaved} ${R.undoHint}`),
  };
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
