/**
 * Tổng quan (the console's dashboard) as plain data: per lead unit the tasks by status, the overdue and the soon
 * due, KPI targets against their latest actual, who reported this week and who has been silent. No HTML here: the
 * console's page draws it (adapters/console/pages/dashboard.ts). Counts come from loadScopedTasks, so they equal
 * the progress report's for the same organisation, year and day.
 */
import type { Db } from '../kb/open.ts';
import type { UnitNode } from '../kb/unit-tree.ts';
import { type KpiVerdict, TASK_STATUSES, type TaskStatus } from '../report/types.ts';

/** Worst first, as the dashboard lists targets. */
export const KPI_VERDICTS: readonly KpiVerdict[] = ['not_met', 'no_data', 'met'];

import {
  addDays,
  countedLeads,
  DUE_SOON_DAYS,
  daysBetween,
  isDueSoon,
  loadScopedTasks,
  type ScopedTask,
  type ScopedTasks,
  type TaskSource,
  taskKpis,
} from './scope-tasks.ts';

/** A unit is silent after this many days without a report. */
export const SILENT_DAYS = 30;

export interface StatusCounts {
  total: number;
  counts: Record<TaskStatus, number>;
}

export interface DashboardUnit extends StatusCounts {
  unitId: number;
  unit: string;
}

export interface DashboardTask {
  taskId: string;
  number: string;
  plan: string;
  content: string;
  due: string;
  /** Days late (overdue list) or days left (due-soon list). */
  days: number;
  units: string[];
  status: TaskStatus;
}

export interface DashboardKpi {
  taskId: string;
  number: string;
  text: string;
  target: string;
  /** The target value itself, for the bullet bar. */
  value: number;
  actual: number | null;
  verdict: KpiVerdict;
}

export interface UnitActivity {
  unitId: number;
  unit: string;
  /** Tasks whose standing report from the unit was made this week; 0 for a silent unit. */
  reports: number;
  reporters: string[];
  /** Day of the unit's latest report up to today, if any. */
  lastDay: string | null;
}

export interface Dashboard {
  organisation: string;
  /** The one unit a lead's dashboard is about, or null for the whole organisation. */
  unit: { id: number; name: string } | null;
  year: number;
  asOf: string;
  plans: { id: string; label: string }[];
  units: DashboardUnit[];
  total: StatusCounts;
  overdue: DashboardTask[];
  dueSoon: DashboardTask[];
  dueSoonDays: number;
  kpis: DashboardKpi[];
  /** Per verdict: how many targets, and on how many tasks (what the task list's `kpi` filter shows). */
  kpiCounts: Record<KpiVerdict, { targets: number; tasks: number }>;
  week: { from: string; to: string };
  reportedThisWeek: UnitActivity[];
  silentDays: number;
  silent: UnitActivity[];
}

const emptyCounts = (): StatusCounts => ({
  total: 0,
  counts: Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>,
});

function count(into: StatusCounts, status: TaskStatus): void {
  into.total += 1;
  into.counts[status] += 1;
}

/** Per lead unit, sorted by name as the report's summary is; and the total of the tasks' worst statuses. */
function statusRows(scoped: ScopedTasks): { units: DashboardUnit[]; total: StatusCounts } {
  const byUnit = new Map<number, DashboardUnit>();
  const total = emptyCounts();
  for (const t of scoped.tasks) {
    count(total, t.status);
    for (const lead of countedLeads(scoped, t)) {
      let row = byUnit.get(lead.unit.id);
      if (!row) {
        row = { unitId: lead.unit.id, unit: lead.unit.name, ...emptyCounts() };
        byUnit.set(lead.unit.id, row);
      }
      count(row, lead.status);
    }
  }
  const units = [...byUnit.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'vi'));
  return { units, total };
}

function toDashboardTask(t: ScopedTask, days: number, units: string[]): DashboardTask {
  const due = t.task.deadline.due ?? '';
  return {
    taskId: t.task.id,
    number: t.number,
    plan: t.plan.label,
    content: t.task.content,
    due,
    days,
    units,
    status: t.status,
  };
}

function deadlines(scoped: ScopedTasks): Pick<Dashboard, 'overdue' | 'dueSoon'> {
  const { asOf } = scoped;
  const overdue = scoped.tasks
    .filter((t) => t.status === 'overdue' && t.task.deadline.due !== null)
    .map((t) => {
      const late = countedLeads(scoped, t).filter((l) => l.status === 'overdue');
      return toDashboardTask(
        t,
        daysBetween(t.task.deadline.due ?? asOf, asOf),
        late.map((l) => l.unit.name),
      );
    })
    .sort((a, b) => b.days - a.days || a.number.localeCompare(b.number));
  const dueSoon = scoped.tasks
    .filter((t) => isDueSoon(t, asOf))
    .map((t) =>
      toDashboardTask(
        t,
        daysBetween(asOf, t.task.deadline.due ?? asOf),
        countedLeads(scoped, t).map((l) => l.unit.name),
      ),
    )
    .sort((a, b) => a.days - b.days || a.number.localeCompare(b.number));
  return { overdue, dueSoon };
}

/** The report's Part 3: each distinct target, against the latest actual a lead unit reported. */
function kpiRows(scoped: ScopedTasks): DashboardKpi[] {
  return scoped.tasks.flatMap((t) => taskKpis(t).map((k) => ({ taskId: t.task.id, number: t.number, ...k })));
}

function kpiSummary(kpis: DashboardKpi[]): Pick<Dashboard, 'kpis' | 'kpiCounts'> {
  const kpiCounts = Object.fromEntries(
    KPI_VERDICTS.map((v) => {
      const of = kpis.filter((k) => k.verdict === v);
      return [v, { targets: of.length, tasks: new Set(of.map((k) => k.taskId)).size }];
    }),
  ) as Dashboard['kpiCounts'];
  return { kpis, kpiCounts };
}

/** Monday and Sunday of the week `day` falls in. */
export function weekOf(day: string): { from: string; to: string } {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const from = addDays(day, -((weekday + 6) % 7));
  return { from, to: addDays(from, 6) };
}

/**
 * Who reported in the week, and which of the scope's own units named in its tasks sent nothing for SILENT_DAYS. Both read the
 * standing reports (the latest per task and unit, as of today) already loaded for the statuses: a unit's latest
 * report on any task is the latest of those, and a task counts for the week when the unit's word on it standing
 * today was given this week. No second pass over the reports (the dashboard's cost is reading them).
 */
function activity(scoped: ScopedTasks): Pick<Dashboard, 'week' | 'reportedThisWeek' | 'silent'> {
  const { asOf } = scoped;
  const week = weekOf(asOf);
  const silentFrom = addDays(asOf, -SILENT_DAYS);
  const named = new Map<number, string>();
  const lastDay = new Map<number, string>();
  const thisWeek = new Map<number, UnitActivity>();
  // The organisation's own units (and those under it): a Sở's office does not chase the other Sở its plan names.
  const inScope = (id: number) =>
    scoped.unit === null
      ? scoped.tree.lineage(id).some((n) => n.id === scoped.org.id)
      : id === scoped.unit.id;
  for (const t of scoped.tasks) {
    for (const u of [...t.leads.map((l) => l.unit), ...t.coordinates])
      if (inScope(u.id)) named.set(u.id, u.name);
    for (const { unit, report } of [...t.leads, ...t.others]) {
      if (!report || !inScope(unit.id)) continue;
      if (report.day > (lastDay.get(unit.id) ?? '')) lastDay.set(unit.id, report.day);
      if (report.day < week.from) continue;
      const row = thisWeek.get(unit.id) ?? {
        unitId: unit.id,
        unit: unit.name,
        reports: 0,
        reporters: [],
        lastDay: null,
      };
      row.reports += 1;
      const who = report.userName ?? `#${report.userId}`;
      if (!row.reporters.includes(who)) row.reporters.push(who);
      if (report.day > (row.lastDay ?? '')) row.lastDay = report.day;
      thisWeek.set(unit.id, row);
    }
  }
  const byName = (a: UnitActivity, b: UnitActivity) => a.unit.localeCompare(b.unit, 'vi');
  const silent = [...named.entries()]
    .filter(([id]) => (lastDay.get(id) ?? '') < silentFrom)
    .map(([unitId, unit]) => ({
      unitId,
      unit,
      reports: 0,
      reporters: [],
      lastDay: lastDay.get(unitId) ?? null,
    }))
    .sort(byName);
  return { week, reportedThisWeek: [...thisWeek.values()].sort(byName), silent };
}

/** The dashboard of a scope (an admin's organisation, or a lead's unit) for a year, as of `today`. */
export function buildDashboard(
  db: Db,
  scope: UnitNode,
  today: string,
  year?: number,
  source?: TaskSource,
): Dashboard {
  const scoped = loadScopedTasks(db, scope, today, year, source);
  return {
    organisation: scoped.org.name,
    unit: scoped.unit ? { id: scoped.unit.id, name: scoped.unit.name } : null,
    year: scoped.year,
    asOf: today,
    plans: scoped.plans.map((p) => ({ id: p.id, label: p.label })),
    ...statusRows(scoped),
    ...deadlines(scoped),
    dueSoonDays: DUE_SOON_DAYS,
    ...kpiSummary(kpiRows(scoped)),
    ...activity(scoped),
    silentDays: SILENT_DAYS,
  };
}
