import type { QueryFrame } from '../../intent/frame/frame.ts';
import { intentOf } from '../../intent/frame/intent-of.ts';
import type { Intent } from '../../intent/intents.ts';
import type { UnitNode } from '../../kb/unit-tree.ts';
import { doc, text } from '../../reply/doc.ts';
import type { AnswerTask } from '../../reply/format-task.ts';
import { toDisplayDate } from '../../reply/format-task.ts';
import { frameHeader, frameNone, type HeaderParts } from '../../reply/frame-header.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { listAnswer, toAnswerTasks, yearNote } from '../answer-tasks.ts';
import type { ResponsibleTask } from '../responsibility.ts';
import type { PlanScope } from '../scope.ts';
import { topicLabel } from '../topic-label.ts';
import { searchTopic } from '../topic-search.ts';
import type { Entities, HandlerResult, LastQuery, Turn } from '../types.ts';
import { applyFilters, isOpenOngoing, type Period, sortTasks } from './filters.ts';
import { operatorLines } from './operator.ts';
import {
  askerPlans,
  namedUnitScope,
  organisationUnits,
  plansOf,
  responsibleForAll,
  scopeAmong,
} from './scope.ts';
import { answerNamedTasks } from './task-answer.ts';

/**
 * The one executor of questions about tasks: scope (which plans) → responsibility (whose tasks, which part) →
 * filters (status, period, topic, targets) → sort → the answer to what was asked. Any combination of the
 * frame's slots goes through the same steps, so no condition of a sentence is dropped.
 */
export function executeQuery(turn: Turn, frame: QueryFrame): HandlerResult {
  const intent = intentOf(frame);
  if (frame.subject.kind === 'task') return answerNamedTasks(turn, frame, intent);
  if (frame.subject.kind === 'none') return answerTopic(turn, frame, intent);
  return answerSubject(turn, frame, intent);
}

/** Whose tasks: the units asked about, the name said in the reply, and the plans in scope. */
interface Whose {
  units: UnitNode[];
  who: string;
  /** The unit whose part and status each line shows; null for a whole organisation (lines name the leads). */
  partOf: number | null;
  scope: PlanScope;
  isAsker: boolean;
}

function whose(turn: Turn, frame: QueryFrame): Whose | string {
  const { subject } = frame;
  const own = () => scopeAmong(turn, frame, askerPlans(turn));
  // An organisation's admin asking what is overdue asks for the whole organisation.
  const wholeOrg =
    subject.kind === 'organisation' ||
    (subject.kind === 'me' && frame.status === 'overdue' && turn.user.role === 'admin' && turn.org !== null);
  if (wholeOrg) {
    if (!turn.org) return MESSAGES.needRegistration;
    return {
      units: organisationUnits(turn, turn.org),
      who: turn.org.name,
      partOf: null,
      scope: own(),
      isAsker: true,
    };
  }
  if (subject.kind === 'unit') {
    const unit = turn.k.tree.get(subject.unitId);
    if (!unit) return MESSAGES.unitNotFound(subject.name);
    const isAsker = unit.id === turn.unit?.id;
    const scope = isAsker ? own() : namedUnitScope(turn, frame, unit);
    return { units: [unit], who: unit.name, partOf: unit.id, scope, isAsker };
  }
  if (!turn.unit) return frame.asked === 'kpi' ? MESSAGES.kpiNeedsUnit : MESSAGES.needRegistration;
  return { units: [turn.unit], who: turn.unit.name, partOf: turn.unit.id, scope: own(), isAsker: true };
}

function periodOf(frame: QueryFrame, today: string): Period | null {
  if (frame.timeRange) return frame.timeRange;
  // "phòng tôi có việc gì phải xong": what falls due from today. A named task or topic asks its date instead.
  if (frame.asked === 'deadline' && frame.topic.length === 0)
    return { from: today, to: '9999-12-31', label: 'thời gian tới' };
  return null;
}

function entitiesOf(frame: QueryFrame, scope: PlanScope, extra: Entities): Entities {
  const entities: Entities = {
    ...extra,
    responsibility: frame.responsibility,
    scope: { planIds: scope.planIds, year: scope.year },
    frame,
  };
  if (frame.timeRange) entities.timeRange = frame.timeRange;
  if (frame.topic.length > 0) entities.topic = frame.topic.join(' ');
  return entities;
}

/** The answer's state: the page kept for "xem tiếp" and the question kept for a follow-up. */
function withLast(result: HandlerResult, frame: QueryFrame, tasks: AnswerTask[]): HandlerResult {
  const last: LastQuery = { frame, focus: tasks.length === 1 ? (tasks[0]?.id ?? null) : null };
  if (result.state?.kind === 'page') return { ...result, state: { ...result.state, last } };
  return { ...result, state: { kind: 'last', last } };
}

/**
 * The topic narrowing someone's tasks. A short word the plans never use ("gif" for "gì") is a typo of a question
 * word, not a topic: it is left out rather than emptying the list.
 */
function topicOf(
  turn: Turn,
  frame: QueryFrame,
  planIds: string[],
): { words: string[]; ids: Set<string> | null } {
  const index = turn.k.topics(planIds);
  const words = frame.topic.filter((w) => w.length > 3 || index.vocabulary.has(w));
  if (words.length === 0) return { words, ids: null };
  return { words, ids: new Set(searchTopic(words, index).map((r) => r.id)) };
}

function answerSubject(turn: Turn, frame: QueryFrame, intent: Intent): HandlerResult {
  const w = whose(turn, frame);
  if (typeof w === 'string') return { intent, entities: { frame }, tasks: [], doc: doc(w), state: null };
  const { scope } = w;
  if (scope.planIds.length === 0 && frame.year !== null && w.isAsker) return noPlans(turn, frame, intent);
  const parts: ResponsibleTask[] = responsibleForAll(turn, w.units, scope.planIds, frame);
  const all = toAnswerTasks(
    turn,
    parts.map((p) => p.taskId),
    w.partOf,
    // A whole organisation has no one part in a task: its lines name the lead units instead.
    w.partOf === null ? undefined : parts,
  );
  const kpiOnly = frame.kpiOnly || frame.asked === 'kpi';
  const period = periodOf(frame, turn.today);
  const topic = topicOf(turn, frame, scope.planIds);
  const found = applyFilters(all, { ...frame, kpiOnly }, turn.today, period, topic.ids);
  const tasks =
    w.partOf === null && frame.status === 'overdue'
      ? [...found].sort((a, b) => (a.lead[0]?.name ?? '').localeCompare(b.lead[0]?.name ?? '', 'vi'))
      : sortTasks(found, period !== null);
  const entities = entitiesOf(frame, scope, { unit: w.who });
  const header: HeaderParts = {
    who: w.who,
    responsibility: frame.responsibility,
    status: frame.status,
    topic: topic.words.length > 0 ? topicLabel(turn, topic.words) : null,
    kpiOnly,
    percentOnly: frame.percentOnly,
    period: period?.label ?? null,
    today: toDisplayDate(turn.today),
    year: scope.year,
    yearAsked: frame.year !== null,
  };
  // Ongoing and conditional work is never overdue; a lead still wants to know how much of it is open.
  const open = all.filter(isOpenOngoing).length;
  const openNote =
    frame.status === 'overdue' && turn.user.role !== 'staff' && open > 0
      ? text(
          MESSAGES.openWork(open, w.partOf === null ? MESSAGES.wholeOrganisation : w.isAsker ? null : w.who),
          'note',
        )
      : null;
  if (tasks.length === 0) {
    const next = MESSAGES.none.next(nextQuestions(intent, frame, w.isAsker ? null : w.who));
    const said = doc(frameNone(header), openNote, yearNote(scope), text(next, 'note'));
    return withLast({ intent, entities, tasks, doc: said }, frame, tasks);
  }
  const answer = listAnswer(turn, intent, entities, frameHeader(header, tasks.length), tasks, 0, frame.asked);
  const operators = frame.operatorQuestion ? operatorLines(turn.msg.folded, tasks) : [];
  return withLast({ ...answer, doc: doc(...operators, answer.doc, openNote, yearNote(scope)) }, frame, tasks);
}

/** "năm ngoái thì sao?" where no plan of that year exists: say so, not "không có nhiệm vụ nào". */
function noPlans(turn: Turn, frame: QueryFrame, intent: Intent): HandlerResult {
  const plans = askerPlans(turn);
  const years = [...new Set(plans.map((p) => p.year).filter((y): y is number => y !== null))].sort();
  const said = doc(MESSAGES.noPlansForYear(frame.year ?? 0, years));
  return withLast({ intent, entities: { frame }, tasks: [], doc: said }, frame, []);
}

/** What to ask after an empty answer: the neighbouring question about the same unit (null: the asker's own). */
function nextQuestions(intent: Intent, frame: QueryFrame, unit: string | null): string[] {
  const ask = MESSAGES.none.ask;
  switch (intent) {
    case 'overdue':
      return [ask.dueSoon(unit)];
    case 'deadlines':
      return [ask.overdue(unit), ask.all(unit)];
    case 'kpi':
      return [ask.dueSoon(unit), ask.all(unit)];
    default:
      // Nothing led: what it coordinates is the neighbouring question.
      return frame.responsibility === 'lead' ? [ask.coordinate(unit)] : [ask.topic()];
  }
}

/** A topic across the plans in scope: who leads it, when it is due, its targets, or just the tasks. */
function answerTopic(turn: Turn, frame: QueryFrame, intent: Intent): HandlerResult {
  // A place named ("ở Sở Nội vụ"): the plans that name it or that it issued. A plan named by its number is public:
  // look it up among all plans.
  const place = frame.place ? turn.k.tree.get(frame.place.unitId) : undefined;
  const candidates = place
    ? plansOf(turn, place)
    : turn.org && !frame.planNumber
      ? askerPlans(turn)
      : turn.k.plans;
  const scope = scopeAmong(turn, frame, candidates);
  const topic = topicLabel(turn, frame.topic);
  const entities = entitiesOf(frame, scope, {});
  if (scope.planIds.length === 0 && frame.year !== null && !place) return noPlans(turn, frame, intent);
  if (frame.topic.length === 0)
    return { intent, entities, tasks: [], doc: doc(MESSAGES.topicMissing), state: null };
  const hits = searchTopic(frame.topic, turn.k.topics(scope.planIds));
  const matched = toAnswerTasks(
    turn,
    hits.map((h) => h.id),
    null,
  );
  // "tỷ lệ hồ sơ đúng hạn phải đạt bao nhiêu": the matching tasks that carry a target, if any do.
  const withTargets = matched.filter((t) => t.kpis.length > 0);
  const pool = frame.asked === 'kpi' && !frame.kpiOnly && withTargets.length > 0 ? withTargets : matched;
  const period = frame.timeRange;
  const tasks = sortTasks(applyFilters(pool, frame, turn.today, period, null), period !== null);
  const parts: HeaderParts = {
    who: null,
    responsibility: 'both',
    status: frame.status,
    topic,
    kpiOnly: frame.kpiOnly,
    percentOnly: frame.percentOnly,
    period: period?.label ?? null,
    today: toDisplayDate(turn.today),
  };
  if (tasks.length === 0) {
    const onlyTopic = frame.status === null && !period && !frame.kpiOnly;
    const none = onlyTopic ? MESSAGES.topicNotFound(topic) : frameNone(parts);
    return withLast({ intent, entities, tasks, doc: doc(none, yearNote(scope)) }, frame, tasks);
  }
  const header =
    intent === 'who_is_responsible' ? MESSAGES.headers.who(tasks.length) : frameHeader(parts, tasks.length);
  const answer = listAnswer(turn, intent, entities, header, tasks, 0, frame.asked);
  const operators = frame.operatorQuestion ? operatorLines(turn.msg.folded, tasks) : [];
  return withLast({ ...answer, doc: doc(...operators, answer.doc, yearNote(scope)) }, frame, tasks);
}
