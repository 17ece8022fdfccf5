import { todayIn } from '../core/clock.ts';
import { type ExportedTask, exportTasks } from '../kb/export.ts';
import type { Db } from '../kb/open.ts';
import { type AuthoredReport, findAuthoredReports } from '../kb/progress-repo.ts';
import { findPlanTaskIds, listPlans } from '../kb/task-queries.ts';
import { loadUnitTree, type UnitNode, type UnitTree } from '../kb/unit-tree.ts';
import { deadlineText, planLabel, taskNumber } from '../reply/format-task.ts';
import { distinctTargets, targetWords } from '../reply/kpi-words.ts';
import { MESSAGES } from '../reply/messages.ts';
import { formatPercent } from '../reply/numbers.ts';
import { unitStatus, worstStatus } from './status.ts';
import {
  type KpiRow,
  type ProgressReportData,
  type ReportPeriod,
  type ReportPlan,
  type SummaryRow,
  TASK_STATUSES,
  type TaskRow,
  type TaskStatus,
  type UnitResult,
} from './types.ts';

export interface ReportRequest {
  org: UnitNode;
  unit: UnitNode | null;
  planId: string | null;
  /** The plans' year; by default the period's. */
  year: number | null;
  period: ReportPeriod;
  today: string;
}

/** Why no report could be built, said to the person who asked. */
export type ReportProblem = { kind: 'no_plans'; year: number | null; planId: string | null };

/** The plans the report covers: the organisation's own, of the year (or the one named). */
export function plansFor(db: Db, request: ReportRequest): ReportPlan[] {
  const year = request.year ?? Number(request.period.to.slice(0, 4));
  return listPlans(db)
    .filter((p) => p.issuerUnitId === request.org.id)
    .filter((p) => (request.planId ? p.id === request.planId : p.year === year))
    .map((p) => ({ id: p.id, label: planLabel(p), title: p.title, date: p.date, year: p.year }));
}

/** Every specific unit a task's lead cell names: a collective counts as each unit it covers. */
export function leadUnits(tree: UnitTree, task: ExportedTask): UnitNode[] {
  const out = new Map<number, UnitNode>();
  for (const ref of task.lead) {
    const node = tree.get(ref.unitId);
    if (!node) continue;
    const units = node.kind === 'collective' ? tree.coveredBy(node.id) : [node];
    for (const u of units) out.set(u.id, u);
  }
  return [...out.values()];
}

export function involves(tree: UnitTree, task: ExportedTask, unitId: number): boolean {
  const covered = [unitId, ...tree.coveringCollectives(unitId).map((c) => c.id)];
  return [...task.lead, ...task.coordinate].some((r) => covered.includes(r.unitId));
}

export type DatedReport = AuthoredReport & { day: string };

/** The latest report of each (task, unit) made on or before the cut-off day; a retracted one never counts. */
export function latestReports(db: Db, taskIds: string[], cutoff: string): Map<string, DatedReport> {
  const latest = new Map<string, DatedReport>();
  for (const report of findAuthoredReports(db, taskIds)) {
    const day = todayIn(new Date(report.reportedAt));
    if (day <= cutoff) latest.set(`${report.taskId}|${report.unitId}`, { ...report, day });
  }
  return latest;
}

function resultText(row: AuthoredReport | undefined): string {
  if (!row) return '';
  const facts: string[] = [MESSAGES.labels.status[row.status]];
  if (row.percent !== null) facts.push(formatPercent(row.percent));
  if (row.actual !== null) facts.push(MESSAGES.labels.actual(row.actual));
  const said = facts.join(', ');
  const text = `${said.charAt(0).toUpperCase()}${said.slice(1)}`;
  return row.note ? `${text} — ${row.note}` : text;
}

const rate = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);

function summaryRow(unit: string, statuses: TaskStatus[], isTotal: boolean): SummaryRow {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const s of statuses) counts[s] += 1;
  return {
    unit,
    total: statuses.length,
    counts,
    onTimeRate: rate(counts.done_on_time, statuses.length),
    overdueRate: rate(counts.overdue, statuses.length),
    isTotal,
  };
}

export function verdict(op: string, value: number, actual: number | null): KpiRow['verdict'] {
  if (actual === null) return 'no_data';
  const met =
    op === '>'
      ? actual > value
      : op === '<'
        ? actual < value
        : op === '<='
          ? actual <= value
          : actual >= value;
  return met ? 'met' : 'not_met';
}

/** Builds the report's content, or says why there is none. Reads the knowledge base only. */
export function buildProgressReport(db: Db, request: ReportRequest): ProgressReportData | ReportProblem {
  const plans = plansFor(db, request);
  if (plans.length === 0) return { kind: 'no_plans', year: request.year, planId: request.planId };
  const tree = loadUnitTree(db);
  const planIds = plans.map((p) => p.id);
  const ids = findPlanTaskIds(db, planIds);
  const order = new Map(planIds.map((id, i) => [id, i]));
  const tasks = exportTasks(db, ids)
    .filter((t) => !t.isHeading)
    .filter((t) => request.unit === null || involves(tree, t, request.unit.id))
    .sort((a, b) => (order.get(a.planId) ?? 0) - (order.get(b.planId) ?? 0));
  const cutoff = request.period.to;
  const reports = latestReports(
    db,
    tasks.map((t) => t.id),
    cutoff,
  );
  const rows: TaskRow[] = [];
  const kpis: KpiRow[] = [];
  const byUnit = new Map<string, TaskStatus[]>();
  const taskStatuses: TaskStatus[] = [];
  let section = '';
  for (const task of tasks) {
    const sectionKey = `${task.planId}|${task.section.code}`;
    if (sectionKey !== section && task.section.title) {
      rows.push({ kind: 'section', planId: task.planId, code: task.section.code, title: task.section.title });
      section = sectionKey;
    }
    const leads = leadUnits(tree, task);
    const results: UnitResult[] = leads.map((unit) => {
      const row = reports.get(`${task.id}|${unit.id}`);
      return {
        unit: unit.name,
        status: unitStatus(task.deadline, row ? { status: row.status, day: row.day } : null, cutoff),
        text: resultText(row),
        percent: row?.percent ?? null,
        actual: row?.actual ?? null,
        reportedOn: row?.day ?? null,
        reporter: row ? (row.userName ?? MESSAGES.report.reporter(row.userId)) : null,
      };
    });
    const status = worstStatus(results.map((r) => r.status));
    taskStatuses.push(status);
    for (const r of results) {
      if (request.unit && r.unit !== request.unit.name) continue;
      byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r.status]);
    }
    rows.push({
      kind: 'task',
      planId: task.planId,
      taskId: task.id,
      stt: taskNumber(task),
      content: task.content,
      lead: task.lead.map((u) => u.name),
      coordinate: task.coordinate.map((u) => u.name),
      deadline: deadlineText(task),
      product: task.product,
      results,
      status,
    });
    const actuals = results.filter((r) => r.actual !== null && r.reportedOn !== null);
    const latestActual = actuals.sort((a, b) => (b.reportedOn ?? '').localeCompare(a.reportedOn ?? ''))[0];
    for (const k of distinctTargets(task.kpis)) {
      const actual = latestActual?.actual ?? null;
      kpis.push({
        planId: task.planId,
        taskId: task.id,
        stt: taskNumber(task),
        text: k.text,
        target: targetWords(k),
        actual,
        verdict: verdict(k.op, k.value, actual),
      });
    }
  }
  const summary = [...byUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'vi'))
    .map(([unit, statuses]) => summaryRow(unit, statuses, false));
  summary.push(summaryRow(MESSAGES.reportFile.total, taskStatuses, true));
  return {
    title: MESSAGES.reportFile.title(request.period.label),
    organisation: request.org.name,
    unit: request.unit?.name ?? null,
    plans,
    period: request.period,
    madeOn: request.today,
    summary,
    tasks: rows,
    kpis,
  };
}
