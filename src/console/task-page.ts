/**
 * One task in the console: its plan row, the units (each lead with its status as of today), and every progress
 * report ever made on it — taken back ones included, marked — newest first, so an admin sees the whole audit trail.
 */
import { exportTasks } from '../kb/export.ts';
import type { Db } from '../kb/open.ts';
import { findTaskHistory, type ProgressEntry } from '../kb/progress-history.ts';
import { listPlans } from '../kb/task-queries.ts';
import type { UnitNode } from '../kb/unit-tree.ts';
import { loadUnitTree } from '../kb/unit-tree.ts';
import { deadlineText, planLabel, taskNumber } from '../reply/format-task.ts';
import { targetWords } from '../reply/kpi-words.ts';
import { involves, latestReports, leadUnits } from '../report/build.ts';
import { unitStatus, worstStatus } from '../report/status.ts';
import type { TaskStatus } from '../report/types.ts';
import { scopeParts, specificUnits } from './scope-tasks.ts';

export interface TaskPage {
  taskId: string;
  planId: string;
  plan: string;
  planTitle: string;
  year: number | null;
  number: string;
  section: { code: string; title: string };
  content: string;
  deadline: string;
  product: string;
  kpis: { text: string; target: string }[];
  /** Lead units with their status today; the task's status is the worst of them. */
  leads: { unitId: number; unit: string; status: TaskStatus }[];
  status: TaskStatus;
  /** Specific units that may report: the leads and the coordinating units (a collective counts as its units). */
  reportable: { unitId: number; unit: string }[];
  coordinate: string[];
  /** As the plan names them (a collective by its own name). */
  leadNames: string[];
  history: ProgressEntry[];
}

/** The task if the scope sees it (a plan of the scope's organisation; for a lead, one naming their unit), else null. */
export function findTaskPage(db: Db, scope: UnitNode, taskId: string, today: string): TaskPage | null {
  const task = exportTasks(db, [taskId])[0];
  if (!task || task.isHeading) return null;
  const tree = loadUnitTree(db);
  const { org, unit } = scopeParts(tree, scope);
  const plan = listPlans(db).find((p) => p.id === task.planId);
  if (!plan || plan.issuerUnitId !== org.id) return null;
  if (unit && !involves(tree, task, unit.id)) return null;
  const reports = latestReports(db, [task.id], today);
  const leads = leadUnits(tree, task).map((u) => {
    const r = reports.get(`${task.id}|${u.id}`);
    return {
      unitId: u.id,
      unit: u.name,
      status: unitStatus(task.deadline, r ? { status: r.status, day: r.day } : null, today),
    };
  });
  const reportable = new Map<number, string>(leads.map((l) => [l.unitId, l.unit]));
  for (const u of specificUnits(tree, task.coordinate)) reportable.set(u.id, u.name);
  return {
    taskId: task.id,
    planId: task.planId,
    plan: planLabel(plan),
    planTitle: plan.title,
    year: plan.year,
    number: taskNumber(task),
    section: task.section,
    content: task.content,
    deadline: deadlineText(task),
    product: task.product,
    kpis: task.kpis.map((k) => ({ text: k.text, target: targetWords(k) })),
    leads,
    status: worstStatus(leads.map((l) => l.status)),
    reportable: [...reportable.entries()].map(([unitId, name]) => ({ unitId, unit: name })),
    coordinate: task.coordinate.map((u) => u.name),
    leadNames: task.lead.map((u) => u.name),
    history: findTaskHistory(db, task.id),
  };
}
