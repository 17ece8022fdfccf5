/**
 * The tasks a console session sees, with each lead unit's status: the dashboard, the task list and its filters all
 * start here, so a number on the dashboard and the list behind its link are counted the same way. The plans, the
 * lead units and the statuses are the progress report's own (src/report/build.ts, src/report/status.ts): the
 * dashboard of a year equals `report --year Y --period Y-01-01..<today>` of the same organisation.
 */
import { type ExportedTask, exportTasks } from '../kb/export.ts';
import type { Db } from '../kb/open.ts';
import { findLatestReportsAsOf, type StandingReport } from '../kb/progress-history.ts';
import { findPlanTaskIds } from '../kb/task-queries.ts';
import { loadUnitTree, type UnitNode, type UnitTree } from '../kb/unit-tree.ts';
import { taskNumber } from '../reply/format-task.ts';
import { distinctTargets, targetWords } from '../reply/kpi-words.ts';
import { involves, leadUnits, plansFor, verdict } from '../report/build.ts';
import { unitStatus, worstStatus } from '../report/status.ts';
import type { KpiVerdict, ReportPlan, TaskStatus } from '../report/types.ts';

export interface LeadState {
  unit: UnitNode;
  status: TaskStatus;
  /** The unit's latest report up to the day the statuses are taken on. */
  report: StandingReport | null;
}

export interface ScopedTask {
  task: ExportedTask;
  plan: ReportPlan;
  /** "VI.4", as people type it. */
  number: string;
  leads: LeadState[];
  /** Specific units named to coordinate (a collective counts as each unit it covers). */
  coordinates: UnitNode[];
  /** Standing reports of units that do not lead the task (coordinating units may report too). */
  others: { unit: UnitNode; report: StandingReport }[];
  /** The worst of the lead units' statuses (the report's "Tổng cộng"). */
  status: TaskStatus;
}

export interface ScopedTasks {
  org: UnitNode;
  /** Null when the scope is the whole organisation; else the one unit a lead sees. */
  unit: UnitNode | null;
  year: number;
  /** The day statuses are taken on (ISO). */
  asOf: string;
  plans: ReportPlan[];
  tasks: ScopedTask[];
  tree: UnitTree;
}

/** The organisation a scope's plans come from, and the unit it is narrowed to (null: the whole organisation). */
export function scopeParts(tree: UnitTree, scope: UnitNode): { org: UnitNode; unit: UnitNode | null } {
  const org = tree.orgOf(scope.id) ?? scope;
  return { org, unit: org.id === scope.id ? null : scope };
}

/** The specific units a cell names: a collective counts as each unit it covers. */
export function specificUnits(tree: UnitTree, refs: ExportedTask['coordinate']): UnitNode[] {
  const out = new Map<number, UnitNode>();
  for (const ref of refs) {
    const node = tree.get(ref.unitId);
    if (!node) continue;
    for (const u of node.kind === 'collective' ? tree.coveredBy(node.id) : [node]) out.set(u.id, u);
  }
  return [...out.values()];
}

/** Tasks by id in the export shape: `Knowledge.tasks` keeps them between imports; by default read afresh. */
export type TaskSource = (ids: readonly string[]) => Map<string, ExportedTask>;

export const readTasks =
  (db: Db): TaskSource =>
  (ids) =>
    new Map(exportTasks(db, ids).map((t) => [t.id, t]));

/**
 * The scope's tasks of a year, statuses as of `asOf`. The year defaults to `asOf`'s. Headings are not tasks.
 * `plansFor` is given a period ending on `asOf` only so that its default year is the same as ours. The server
 * passes its knowledge cache as `source`: plan rows change only on import, reports on every view.
 */
export function loadScopedTasks(
  db: Db,
  scope: UnitNode,
  asOf: string,
  year?: number,
  source: TaskSource = readTasks(db),
): ScopedTasks {
  const tree = loadUnitTree(db);
  const { org, unit } = scopeParts(tree, scope);
  const theYear = year ?? Number(asOf.slice(0, 4));
  const period = { key: 'custom' as const, label: '', from: `${theYear}-01-01`, to: asOf };
  const plans = plansFor(db, { org, unit, planId: null, year: theYear, period, today: asOf });
  const planById = new Map(plans.map((p) => [p.id, p]));
  const order = new Map(plans.map((p, i) => [p.id, i]));
  const ids = findPlanTaskIds(db, [...planById.keys()]);
  const byId = source(ids);
  // In the plans' order: a memo returns what it held first.
  const exported = ids
    .flatMap((id) => byId.get(id) ?? [])
    .filter((t) => !t.isHeading)
    .filter((t) => unit === null || involves(tree, t, unit.id))
    .sort((a, b) => (order.get(a.planId) ?? 0) - (order.get(b.planId) ?? 0));
  const reports = findLatestReportsAsOf(
    db,
    exported.map((t) => t.id),
    asOf,
  );
  const tasks = exported.flatMap((task): ScopedTask[] => {
    const plan = planById.get(task.planId);
    if (!plan) return [];
    const leads = leadUnits(tree, task).map((u): LeadState => {
      const report = reports.get(`${task.id}|${u.id}`) ?? null;
      const status = unitStatus(
        task.deadline,
        report ? { status: report.status, day: report.day } : null,
        asOf,
      );
      return { unit: u, status, report };
    });
    const coordinates = specificUnits(tree, task.coordinate);
    const others = coordinates.flatMap((unit) => {
      const report = leads.some((l) => l.unit.id === unit.id)
        ? undefined
        : reports.get(`${task.id}|${unit.id}`);
      return report ? [{ unit, report }] : [];
    });
    const status = worstStatus(leads.map((l) => l.status));
    return [{ task, plan, number: taskNumber(task), leads, coordinates, others, status }];
  });
  return { org, unit, year: theYear, asOf, plans, tasks, tree };
}

/** The lead states the scope counts: every lead unit for an organisation, the one unit for a lead's scope. */
export function countedLeads(scoped: Pick<ScopedTasks, 'unit'>, task: ScopedTask): LeadState[] {
  const { unit } = scoped;
  return unit === null ? task.leads : task.leads.filter((l) => l.unit.id === unit.id);
}

const DAY_MS = 86_400_000;

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many days ahead "due soon" looks. */
export const DUE_SOON_DAYS = 14;

/** Not done, and due between today and DUE_SOON_DAYS from today (both days counted). */
export function isDueSoon(task: ScopedTask, asOf: string): boolean {
  const due = task.task.deadline.due;
  if (due === null || task.status === 'done_on_time' || task.status === 'done_late') return false;
  return due >= asOf && due <= addDays(asOf, DUE_SOON_DAYS);
}

export interface TaskKpi {
  text: string;
  /** In words ("từ 80% trở lên"), and the value itself. */
  target: string;
  value: number;
  actual: number | null;
  verdict: KpiVerdict;
}

/** The report's Part 3 for one task: each distinct target against the latest actual any lead unit reported. */
export function taskKpis(t: ScopedTask): TaskKpi[] {
  const withActual = t.leads
    .flatMap((l) => (l.report && l.report.actual !== null ? [l.report] : []))
    .sort((a, b) => b.day.localeCompare(a.day));
  const actual = withActual[0]?.actual ?? null;
  return distinctTargets(t.task.kpis).map((k) => ({
    text: k.text,
    target: targetWords(k),
    value: k.value,
    actual,
    verdict: verdict(k.op, k.value, actual),
  }));
}
