import { answerTasksFor } from '../core/answer-tasks.ts';
import { daysBetween } from '../core/handlers/unit-tasks.ts';
import type { Knowledge } from '../core/knowledge.ts';
import { findResponsibleTasks, type ResponsibleTask } from '../core/responsibility.ts';
import { choosePlans, visiblePlans } from '../core/scope.ts';
import type { Db } from '../kb/open.ts';
import { findLatestProgress, findReportsSince } from '../kb/progress-repo.ts';
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
  const all = k.tree.all();
  const under = all.filter((u) => u.id !== unit.id && k.tree.lineage(u.id).some((a) => a.id === unit.id));
  return [unit, ...under.filter((u) => u.kind !== 'collective')];
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
  const scope = choosePlans({
    candidates: visiblePlans(ctx.k.plans, ctx.k.tree, org?.id ?? unit.id),
    year: null,
    planNumber: null,
    appendix: null,
    today,
  });
  const units = coveredUnits(ctx.k, unit);
  const parts = responsibleTasks(ctx, units, scope.planIds);
  const ids = parts.map((p) => p.taskId);
  const single = units.length === 1 ? unit.id : null;
  const tasks = answerTasksFor(ctx.db, ctx.k, ids, single, parts);
  const latest = findLatestProgress(ctx.db, ids);
  const lastReport = new Map<string, string>();
  for (const p of latest)
    if ((lastReport.get(p.taskId) ?? '') < p.reportedAt) lastReport.set(p.taskId, p.reportedAt);
  const silentSince = new Date(now.getTime() - SILENT_DAYS * 86_400_000).toISOString();
  const weekStart = mondayOf(today);
  const reports = findReportsSince(ctx.db, ids, new Date(`${weekStart}T00:00:00+07:00`).toISOString());
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const soonEnd = addDays(today, DUE_SOON_DAYS);

  const overdue = tasks
    .filter(
      (t) => t.deadline.kind === 'date' && t.deadline.due !== null && t.deadline.due < today && isOpen(t),
    )
    .sort((a, b) => (a.deadline.due ?? '').localeCompare(b.deadline.due ?? ''));
  const dueSoon = tasks
    .filter(
      (t) => t.deadline.due !== null && t.deadline.due >= today && t.deadline.due <= soonEnd && isOpen(t),
    )
    .sort((a, b) => (a.deadline.due ?? '').localeCompare(b.deadline.due ?? ''));
  const silent = tasks.filter((t) => isOpen(t) && (lastReport.get(t.id) ?? '') < silentSince);
  const kpiShort = tasks.filter((t) => kpiShortfall(t, latest));

  const line = (t: AnswerTask, extra: string[] = []) => {
    const parts = taskLineParts(0, t, ctx.k.plansById.get(t.planId));
    const content =
      parts.content.length > CONTENT_CHARS
        ? `${parts.content.slice(0, CONTENT_CHARS - 1).trimEnd()}…`
        : parts.content;
    return { ...parts, content, facts: [...extra, ...parts.facts] };
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
      const what = r.percent !== null ? `${r.percent}%` : MESSAGES.labels.status[r.status];
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
        D.kpiActual(kpiActual(t, latest) ?? 0, t.kpis[0]?.unit ?? '', t.kpis[0]?.text ?? ''),
      ]),
    ],
    total: tasks.length,
    plans: scope.planIds.map((id) => planLabel(ctx.k.plansById.get(id))),
  };
}

function kpiActual(task: AnswerTask, latest: ReturnType<typeof findLatestProgress>): number | null {
  const withActual = latest.filter((p) => p.taskId === task.id && p.actual !== null);
  withActual.sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  return withActual[0]?.actual ?? null;
}

/** The latest reported value falls short of the task's first target (≥/> want more, ≤/< want less). */
function kpiShortfall(task: AnswerTask, latest: ReturnType<typeof findLatestProgress>): boolean {
  const target = task.kpis[0];
  const actual = kpiActual(task, latest);
  if (!target || actual === null) return false;
  if (target.op === '>=' || target.op === '>' || target.op === '=') return actual < target.value;
  if (target.op === '<=' || target.op === '<') return actual > target.value;
  return false;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the ISO week of `iso`. */
export function mondayOf(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}
