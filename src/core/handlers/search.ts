import type { TaskRef } from '../../intent/entities/task-ref.ts';
import type { Intent } from '../../intent/intents.ts';
import { findLatestProgress } from '../../kb/progress-repo.ts';
import { findSectionTasks, findTasksByNumber } from '../../kb/task-queries.ts';
import { findUserById } from '../../kb/users-repo.ts';
import { formatTaskDetail, taskCitation, toDisplayDate } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { askerScope, listAnswer, scopeAmong, toAnswerTasks, unitScope, yearNote } from '../answer-tasks.ts';
import type { PlanScope } from '../scope.ts';
import { searchTopic, topicWordsOf } from '../topic-search.ts';
import type { Entities, HandlerResult, Turn } from '../types.ts';

function questionScope(turn: Turn): PlanScope {
  const named = turn.units.find((u) => u.candidates.length === 1)?.candidates[0];
  if (named) return unitScope(turn, named);
  // A plan named by its number is public: look it up among all plans.
  if (turn.org && !turn.planNumber) return askerScope(turn);
  return scopeAmong(turn, turn.k.plans);
}

/** The message's topic words: what is left once unit names and question words are taken out. */
export function topicWords(turn: Turn): string[] {
  const used = new Set(turn.units.flatMap((u) => range(u.start, u.end)));
  return topicWordsOf(turn.msg.tokens, used);
}

/**
 * who_is_responsible, topic_tasks and kpi-by-topic: the tasks of the plans in scope that match the topic words
 * (for kpi, those of them that carry a target).
 */
export function answerTopic(turn: Turn, intent: Intent): HandlerResult {
  const words = topicWords(turn);
  const scope = questionScope(turn);
  const topic = words.join(' ');
  const entities: Entities = { topic, scope: { planIds: scope.planIds, year: scope.year } };
  if (words.length === 0) return { intent, entities, tasks: [], reply: MESSAGES.topicMissing };
  const hits = searchTopic(words, turn.k.topics(scope.planIds));
  const found = toAnswerTasks(
    turn,
    hits.map((h) => h.id),
    null,
  );
  const withTargets = found.filter((t) => t.kpis.length > 0);
  const tasks = intent === 'kpi' && withTargets.length > 0 ? withTargets : found;
  if (tasks.length === 0)
    return { intent, entities, tasks, reply: `${MESSAGES.topicNotFound(topic)}${yearNote(scope)}` };
  const header =
    intent === 'who_is_responsible'
      ? MESSAGES.headers.who(tasks.length)
      : MESSAGES.headers.topic(topic, tasks.length);
  const answer = listAnswer(turn, intent, entities, header, tasks);
  return { ...answer, reply: `${answer.reply}${yearNote(scope)}` };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

export function refText(ref: TaskRef): string {
  if (ref.stt === '') return MESSAGES.sectionRef(ref.section ?? '');
  return ref.section ? `${ref.section}.${ref.stt}` : ref.stt;
}

/** Tasks a reference names: first in the default scope, then in any plan the asker can see. */
export function findReferencedTasks(turn: Turn, ref: TaskRef): string[] {
  const named = turn.units.find((u) => u.candidates.length === 1);
  // A near miss in a long note ("Phòng đã rà soát…") must not move the number into another Sở's plans.
  const first = named && !named.exact && turn.org ? askerScope(turn) : questionScope(turn);
  const scopes = [first.planIds, (turn.org ? askerScopeAllYears(turn) : turn.k.plans).map((p) => p.id)];
  for (const planIds of scopes) {
    const found =
      ref.stt === '' && ref.section
        ? findSectionTasks(turn.db, planIds, ref.section)
        : findTasksByNumber(turn.db, planIds, ref.section, ref.stt);
    if (found.length > 0) return found.map((t) => t.id);
  }
  return [];
}

function askerScopeAllYears(turn: Turn) {
  const lineage = new Set(turn.org ? turn.k.tree.lineage(turn.org.id).map((u) => u.id) : []);
  return turn.k.plans.filter((p) => lineage.has(p.issuerUnitId));
}

/** task_detail: one task in full, or a numbered list when the number exists in several plans. */
export function answerDetail(turn: Turn, ref: TaskRef): HandlerResult {
  const entities: Entities = { taskRef: refText(ref) };
  const ids = findReferencedTasks(turn, ref);
  if (ids.length === 0)
    return { intent: 'task_detail', entities, tasks: [], reply: MESSAGES.taskNotFound(refText(ref)) };
  const tasks = toAnswerTasks(turn, ids, turn.unit?.id ?? null);
  if (tasks.length === 1 && tasks[0]) {
    const reply = [
      formatTaskDetail(tasks[0], turn.k.plansById.get(tasks[0].planId)),
      ...progressLines(turn, ids),
    ].join('\n');
    return { intent: 'task_detail', entities, tasks, reply, state: null };
  }
  return chooseTask(turn, 'task_detail', entities, ids, turn.msg.text);
}

/**
 * The latest report of each unit on the task ("Phòng Công chức, viên chức: đang thực hiện, 60% (22/11/2026)"),
 * saying so when an admin made it for the unit ("(báo cáo thay, bởi Nguyễn Văn A)").
 */
export function progressLines(turn: Turn, taskIds: string[]): string[] {
  return findLatestProgress(turn.db, taskIds).map((p) => {
    const unit = turn.k.tree.get(p.unitId)?.name ?? '';
    const facts = [
      MESSAGES.labels.status[p.status],
      p.percent !== null ? MESSAGES.labels.percent(p.percent) : null,
    ].filter(Boolean);
    if (p.actual !== null) facts.push(MESSAGES.labels.actual(p.actual));
    const line = `Tiến độ — ${unit}: ${facts.join(', ')} (${toDisplayDate(p.reportedAt.slice(0, 10))})`;
    return p.onBehalf ? `${line} ${onBehalfNote(turn, p.userId)}` : line;
  });
}

function onBehalfNote(turn: Turn, userId: number): string {
  const reporter = findUserById(turn.db, userId);
  return MESSAGES.report.onBehalfNote(reporter?.displayName ?? MESSAGES.report.reporter(userId));
}

/** More candidates than this is no choice to offer: ask for the plan instead. */
const MAX_CHOICES = 9;

export function chooseTask(
  turn: Turn,
  intent: 'task_detail' | 'report_progress',
  entities: Entities,
  ids: string[],
  text: string,
  header: string = MESSAGES.taskAmbiguous,
): HandlerResult {
  if (ids.length > MAX_CHOICES) {
    return { intent, entities, tasks: [], reply: MESSAGES.tooManyTasks(ids.length), state: null };
  }
  const tasks = toAnswerTasks(turn, ids, turn.unit?.id ?? null);
  const lines = tasks.map(
    (t, i) => `${i + 1}. ${taskCitation(t, turn.k.plansById.get(t.planId))} — ${t.content.slice(0, 80)}`,
  );
  return {
    intent,
    entities,
    tasks,
    reply: [header, ...lines].join('\n'),
    state: { kind: 'choice', intent, taskIds: ids, text },
  };
}
