/** Tasks named by their number ("nv IV 2", "mục 2.2.1 kế hoạch 126"), a numbered choice among them, their progress. */

import type { TaskRef } from '../intent/entities/task-ref.ts';
import { findLatestProgress } from '../kb/progress-repo.ts';
import { findSectionTasks, findTasksByNumber } from '../kb/task-queries.ts';
import { findUserById } from '../kb/users-repo.ts';
import { type Block, choice, doc, field } from '../reply/doc.ts';
import { taskCitation, toDisplayDate } from '../reply/format-task.ts';
import { MESSAGES } from '../reply/messages.ts';
import { askerScope, scopeAmong, toAnswerTasks, unitScope } from './answer-tasks.ts';
import type { PlanScope } from './scope.ts';
import type { Entities, HandlerResult, Turn } from './types.ts';

function questionScope(turn: Turn): PlanScope {
  const named = turn.units.find((u) => u.candidates.length === 1)?.candidates[0];
  if (named) return unitScope(turn, named);
  // A plan named by its number is public: look it up among all plans.
  if (turn.org && !turn.planNumber) return askerScope(turn);
  return scopeAmong(turn, turn.k.plans);
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

/**
 * The latest report of each unit on the task ("Phòng Công chức, viên chức: đang thực hiện, 60% (22/11/2026)"),
 * saying so when an admin made it for the unit ("(báo cáo thay, bởi Nguyễn Văn A)").
 */
export function progressLines(turn: Turn, taskIds: string[]): Block[] {
  return findLatestProgress(turn.db, taskIds).map((p) => {
    const unit = turn.k.tree.get(p.unitId)?.name ?? '';
    const facts = [
      MESSAGES.labels.status[p.status],
      p.percent !== null ? MESSAGES.labels.percent(p.percent) : null,
    ].filter(Boolean);
    if (p.actual !== null) facts.push(MESSAGES.labels.actual(p.actual));
    const value = `${facts.join(', ')} (${toDisplayDate(p.reportedAt.slice(0, 10))})`;
    return field(`Tiến độ — ${unit}`, p.onBehalf ? `${value} ${onBehalfNote(turn, p.userId)}` : value);
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
    return { intent, entities, tasks: [], doc: doc(MESSAGES.tooManyTasks(ids.length)), state: null };
  }
  const tasks = toAnswerTasks(turn, ids, turn.unit?.id ?? null);
  const choices = tasks.map((t, i) =>
    choice(i + 1, `${taskCitation(t, turn.k.plansById.get(t.planId))} — ${t.content.slice(0, 80)}`),
  );
  return {
    intent,
    entities,
    tasks,
    doc: doc(header, choices),
    state: { kind: 'choice', intent, taskIds: ids, text },
  };
}
