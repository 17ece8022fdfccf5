import { answerTasksFor } from '../core/answer-tasks.ts';
import type { Knowledge } from '../core/knowledge.ts';
import { daysBetween, isOverdue } from '../core/query/filters.ts';
import { findResponsibleTasks, type ResponsibleTask } from '../core/responsibility.ts';
import { defaultScope } from '../core/scope.ts';
import { addDays, dayOf, mondayOf, toIso } from '../intent/entities/calendar.ts';
import type { Db } from '../kb/open.ts';
import { findLatestProgressByTask, findReportsSince, type LatestProgress } from '../kb/progress-repo.ts';
import type { UnitNode } from '../kb/unit-tree.ts';
import { type AnswerTask, planLabel, taskLineParts, toDisplayDate } from '../reply/format-task.ts';
import { MESSAGES } from '../reply/messages.ts';
import { fold } from '../vi/fold.ts';
import type { Digest, DigestSection, DigestSectionKey } from './types.ts';

/** How far ahead "due soon" looks, how long without a report counts as silence, items shown per section. */
export const DUE_SOON_DAYS = 14;
export const SILENT_DAYS = 30;
export const ITEMS_PER_SECTION = 3;
/** A digest is read on a phone: task content is cut shorter than in answers. */
const CONTENT_CHARS = 90;

const D = MESSAGES.digest;

export interface DigestContext {
  db: Db;
  k: Knowledge;
}

/** A unit and, for an organisation, every unit under it: the organisation's digest covers their work too. */
function coveredUnits(k: Knowledge, unit: UnitNode): UnitNode[] {
  if (unit.kind !== 'organisation') return [unit];
  const under = (id: number): UnitNode[] =>
    k.tree.children(id).flatMap((child) => (child.kind === 'collective' ? [] : [child, ...under(child.id)]));
  return [unit, ...under(unit.id)];
}

function responsibleTasks(ctx: DigestContext, units: UnitNode[], planIds: string[]): ResponsibleTask[] {
  const byTask = new Map<string, ResponsibleTask>();
  for (const unit of units) {
    for (const part of findResponsibleTasks(ctx.k.mentions, ctx.k.tree, unit.id, planIds, 'both')) {
      const seen = byTask.get(part.taskId);
      if (!seen || (seen.responsibility !== 'lead' && part.responsibility === 'lead'))
        byTask.set(part.taskId, part);
    }
  }
  return [...byTask.values()].sort((a, b) => a.planId.localeCompare(b.planId) || a.ord - b.ord);
}

/** Not reported done, and not marked done by the plan itself (a deadline cell reading "Đã hoàn thành"). */
function isOpen(task: AnswerTask): boolean {
  return task.status !== 'done' && !fold(task.deadline.raw).includes('da hoan thanh');
}

/** Builds the digest of `unitId` as of `today` (YYYY-MM-DD) and `now` (for "this week" and silence). */
export function collectDigest(ctx: DigestContext, unitId: number, today: string, now: Date): Digest | null {
  const unit = ctx.k.tree.get(unitId);
  if (!unit) return null;
  const org = ctx.k.tree.orgOf(unit.id);
  const label = org && org.id !== unit.id ? `${unit.name} (${org.name})` : unit.name;
  const scope = defaultScope(ctx.k.plans, ctx.k.tree, unit.id, today);
  const units = coveredUnits(ctx.k, unit);
  const parts = responsibleTasks(ctx, units, scope.planIds);
  const ids = parts.map((p) => p.taskId);
  const tasks = answerTasksFor(ctx.db, ctx.k, ids, units.length === 1 ? unit.id : null, parts, today);
  const reported = findLatestProgressByTask(ctx.db, ids);
  const silentSince = new Date(now.getTime() - SILENT_DAYS * 86_400_000).toISOString();
  const weekStart = toIso(mondayOf(dayOf(today)));
  const reports = findReportsSince(ctx.db, ids, new Date(`${weekStart}T00:00:00+07:00`).toISOString());
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const soonEnd = toIso(addDays(dayOf(today), DUE_SOON_DAYS));
  const byDue = (a: AnswerTask, b: AnswerTask) => (a.deadline.due ?? '').localeCompare(b.deadline.due ?? '');

  const open = tasks.filter(isOpen);
  const overdue = open.filter((t) => isOverdue(t, today)).sort(byDue);
  const dueSoon = open
    .filter((t) => t.deadline.due !== null && t.deadline.due >= today && t.deadline.due <= soonEnd)
    .sort(byDue);
  const silent = open.filter((t) => lastReportAt(reported.get(t.id)) < silentSince);
  const kpiShort = tasks.filter((t) => kpiShortfall(t, reported.get(t.id)));

  const line = (t: AnswerTask, extra: string[] = []) => {
    const parts = taskLineParts(0, t, ctx.k.plansById.get(t.planId), CONTENT_CHARS);
    return { ...parts, facts: [...extra, ...parts.facts] };
  };
  const section = (
    key: DigestSectionKey,
    list: AnswerTask[],
    extra: (t: AnswerTask) => string[] = () => [],
  ) => ({
    key,
    title: D.sections[key],
    count: list.length,
    items: list.slice(0, ITEMS_PER_SECTION).map((t, i) => ({ ...line(t, extra(t)), index: i + 1 })),
  });
  const reportedSection: DigestSection = {
    key: 'reported',
    title: D.sections.reported,
    count: reports.length,
    items: reports.slice(0, ITEMS_PER_SECTION).flatMap((r, i) => {
      const task = byId.get(r.taskId);
      if (!task) return [];
      const who = [r.userName ?? D.someone, ctx.k.tree.get(r.unitId)?.name].filter(Boolean).join(', ');
      const what = r.percent !== null ? MESSAGES.labels.percent(r.percent) : MESSAGES.labels.status[r.status];
      return [
        { ...line(task), index: i + 1, facts: [`${who}: ${what}`, toDisplayDate(r.reportedAt.slice(0, 10))] },
      ];
    }),
  };
  return {
    unitId: unit.id,
    label,
    today,
    title: D.title(label, toDisplayDate(today)),
    sections: [
      section('overdue', overdue, (t) => [D.late(daysBetween(t.deadline.due ?? today, today))]),
      section('dueSoon', dueSoon),
      section('silent', silent),
      reportedSection,
      section('kpiShort', kpiShort, (t) => [
        D.kpiActual(kpiActual(reported.get(t.id)) ?? 0, t.kpis[0]?.unit ?? '', t.kpis[0]?.text ?? ''),
      ]),
    ],
    total: tasks.length,
    plans: scope.planIds.map((id) => planLabel(ctx.k.plansById.get(id))),
  };
}

function lastReportAt(reports: LatestProgress[] | undefined): string {
  return (
    (reports ?? [])
      .map((p) => p.reportedAt)
      .sort()
      .at(-1) ?? ''
  );
}

/** The latest actual value any unit reported for the task. */
function kpiActual(reports: LatestProgress[] | undefined): number | null {
  const withActual = (reports ?? []).filter((p) => p.actual !== null);
  withActual.sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  return withActual[0]?.actual ?? null;
}

/** The latest reported value falls short of the task's first target (≥/> want more, ≤/< want less). */
function kpiShortfall(task: AnswerTask, reports: LatestProgress[] | undefined): boolean {
  const target = task.kpis[0];
  const actual = kpiActual(reports);
  if (!target || actual === null) return false;
  if (target.op === '>=' || target.op === '>' || target.op === '=') return actual < target.value;
  if (target.op === '<=' || target.op === '<') return actual > target.value;
  return false;
}
