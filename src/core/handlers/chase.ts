import { collectDigest } from '../../digest/collect.ts';
import { enqueue } from '../../kb/outbox-repo.ts';
import type { UnitNode } from '../../kb/unit-tree.ts';
import { listUnitStaff } from '../../kb/users-repo.ts';
import { type Block, doc, gap, group, subBullet, text } from '../../reply/doc.ts';
import { taskCitation, taskNumber, toDisplayDate } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { toPayload } from '../../schedule/payload.ts';
import { privateRoute } from '../../schedule/routes.ts';
import { toAnswerTasks } from '../answer-tasks.ts';
import { findResponsibleTasks } from '../responsibility.ts';
import { type Actor, authorize, REACH } from '../rights.ts';
import { findReferencedTasks, refText } from '../task-lookup.ts';
import type { HandlerResult, Turn } from '../types.ts';

const C = MESSAGES.chase;
/** Units listed in one chase list, and tasks shown per section of a unit. */
const MAX_UNITS = 12;
const ITEMS = 3;

function actorOf(turn: Turn): Actor {
  return { kind: 'user', user: turn.user };
}

/** Before a unit is named: whether the asker's role may chase anywhere, to ask "which unit?" or say who may. */
function canChaseAtAll(turn: Turn): boolean {
  return REACH.remind_unit[turn.user.role] !== 'none';
}

function namedUnit(turn: Turn): UnitNode | null {
  return turn.units.find((u) => u.candidates.length === 1)?.candidates[0] ?? null;
}

/** The units a lead chases: the one named, else every unit of the lead's organisation. */
function unitsToChase(turn: Turn): UnitNode[] {
  const named = namedUnit(turn);
  if (named) return [named];
  const org = turn.org;
  if (!org) return turn.unit ? [turn.unit] : [];
  const units = turn.k.tree.children(org.id).filter((u) => u.kind === 'unit');
  return units.length > 0 ? units : [org];
}

/**
 * "danh sách cần đôn đốc", "nhắc việc phòng X": for leads and admins, per unit, what is overdue, what falls due in
 * 14 days and what has had no progress report for 30 days (the same figures as the weekly digest).
 */
export function answerChaseList(turn: Turn): HandlerResult {
  const result = (said: string | Block[]): HandlerResult => ({
    intent: 'chase_list',
    entities: {},
    tasks: [],
    doc: doc(said),
  });
  // Chasing a unit is what the list prepares: the same right decides both (src/core/rights.ts).
  const subject = namedUnit(turn) ?? turn.org ?? turn.unit;
  if (!subject) return result(canChaseAtAll(turn) ? MESSAGES.needRegistration : C.leadsOnly);
  const decision = authorize(actorOf(turn), { kind: 'remind_unit', unit: subject }, turn.k);
  if (!decision.ok) return result(decision.reason);
  const units = unitsToChase(turn);
  const lines: Block[] = [text(C.title(toDisplayDate(turn.today)), 'title')];
  let quiet = 0;
  for (const unit of units.slice(0, MAX_UNITS)) {
    const digest = collectDigest({ db: turn.db, k: turn.k }, unit.id, turn.today, turn.now);
    if (!digest) continue;
    const count = (key: string) => digest.sections.find((s) => s.key === key)?.count ?? 0;
    const [overdue, soon, silent] = [count('overdue'), count('dueSoon'), count('silent')];
    if (overdue + soon + silent === 0) {
      quiet++;
      continue;
    }
    lines.push(gap, group(`${unit.name}: ${C.counts(overdue, soon, silent)}`));
    for (const section of digest.sections.filter((s) => s.key === 'overdue' || s.key === 'dueSoon')) {
      for (const item of section.items.slice(0, ITEMS))
        lines.push(subBullet(`${item.citation}: ${item.content} (${item.facts[0] ?? ''})`));
    }
  }
  // With no unit listed, "N đơn vị khác" would point at a list that is not there.
  if (quiet > 0) lines.push(gap, text(lines.length === 1 ? C.allQuiet(quiet) : C.quiet(quiet)));
  if (units.length > MAX_UNITS) lines.push(text(C.moreUnits(units.length - MAX_UNITS)));
  lines.push(gap, text(C.howToPing, 'note'));
  return result(lines);
}

/**
 * "nhắc phòng X nhiệm vụ III.7": a private reminder to every registered, approved member of unit X, queued in the
 * outbox (the server sends it). Once per unit, task and day, however often it is asked.
 */
export function answerRemindUnit(turn: Turn): HandlerResult {
  const ref = turn.refs[0];
  const result = (reply: string): HandlerResult => ({
    intent: 'remind_unit',
    entities: ref ? { taskRef: refText(ref) } : {},
    tasks: [],
    doc: doc(reply),
  });
  const unit = namedUnit(turn);
  if (!unit) return result(canChaseAtAll(turn) ? C.whichUnit : C.leadsOnly);
  if (!ref) return result(C.whichTask);
  const decision = authorize(actorOf(turn), { kind: 'remind_unit', unit }, turn.k);
  if (!decision.ok) return result(decision.reason);
  const mine = new Set(
    findResponsibleTasks(
      turn.k.mentions,
      turn.k.tree,
      unit.id,
      turn.k.plans.map((p) => p.id),
      'both',
    ).map((p) => p.taskId),
  );
  const ids = findReferencedTasks(turn, ref);
  const theirs = ids.filter((id) => mine.has(id));
  const [taskId] = theirs.length > 0 ? theirs : ids;
  const task = taskId ? toAnswerTasks(turn, [taskId], unit.id)[0] : undefined;
  if (!task) return result(MESSAGES.taskNotFound(refText(ref)));
  const citation = taskCitation(task, turn.k.plansById.get(task.planId));
  const staff = listUnitStaff(turn.db, unit.id).filter((u) => u.id !== turn.user.id);
  const payload = toPayload(C.pingText(turn.user.displayName, citation, task.content, taskNumber(task)));
  let reached = 0;
  for (const person of staff) {
    const route = privateRoute(turn.db, person);
    if (!route) continue;
    const key = `ping|${person.id}|${task.id}|${turn.today}`;
    enqueue(turn.db, { key, kind: 'ping', ...route, payload, notBefore: turn.now }, turn.now);
    reached++;
  }
  if (reached === 0) return result(C.nobody(unit.name));
  return { ...result(C.pinged(reached, unit.name, citation)), tasks: [task] };
}
