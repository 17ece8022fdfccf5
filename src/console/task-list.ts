/**
 * Nhiệm vụ (the console's task list): the scope's tasks of a year, narrowed by unit, status, section, words and
 * "due soon". Words are matched folded (no diacritics, đ→d), as chat matches them, so "cong bo chi so" finds
 * "Công bố Chỉ số". With a unit, the status is that unit's own (what the dashboard's bar segment of the unit
 * counted); without, the task's worst.
 */
import type { Db } from '../kb/open.ts';
import type { UnitNode } from '../kb/unit-tree.ts';
import { deadlineText } from '../reply/format-task.ts';
import type { KpiVerdict, TaskStatus } from '../report/types.ts';
import { foldWords } from '../vi/fold.ts';
import {
  isDueSoon,
  loadScopedTasks,
  type ScopedTask,
  type ScopedTasks,
  type TaskSource,
  taskKpis,
} from './scope-tasks.ts';

export interface TaskFilters {
  unitId?: number;
  status?: TaskStatus;
  /** A section code of the plans ("VI"). */
  section?: string;
  year?: number;
  words?: string;
  /** Not done and due within the dashboard's window. */
  dueSoon?: boolean;
  /** Tasks with a target of this verdict (the dashboard's KPI counts). */
  kpi?: KpiVerdict;
}

export interface ConsoleTaskRow {
  taskId: string;
  number: string;
  plan: string;
  section: string;
  content: string;
  lead: string[];
  coordinate: string[];
  deadline: string;
  due: string | null;
  /** The filtered unit's own status when it leads the task, else the task's worst. */
  status: TaskStatus;
}

export interface ConsoleTaskList {
  year: number;
  asOf: string;
  rows: ConsoleTaskRow[];
  /** What the filter form offers: the units named in the year's tasks, and the sections. */
  units: { id: number; name: string }[];
  sections: { code: string; title: string }[];
}

function statusFor(task: ScopedTask, unitId: number | undefined): TaskStatus | null {
  if (unitId === undefined) return task.status;
  return task.leads.find((l) => l.unit.id === unitId)?.status ?? null;
}

function namesUnit(scoped: ScopedTasks, task: ScopedTask, unitId: number): boolean {
  if ([...task.leads.map((l) => l.unit), ...task.coordinates].some((u) => u.id === unitId)) return true;
  // A unit may be named through a collective that covers it ("Các phòng thuộc Sở").
  const covering = scoped.tree.coveringCollectives(unitId).map((c) => c.id);
  return [...task.task.lead, ...task.task.coordinate].some((r) => covering.includes(r.unitId));
}

function filterOptions(scoped: ScopedTasks): Pick<ConsoleTaskList, 'units' | 'sections'> {
  const units = new Map<number, string>();
  const sections = new Map<string, string>();
  for (const t of scoped.tasks) {
    for (const u of [...t.leads.map((l) => l.unit), ...t.coordinates]) units.set(u.id, u.name);
    if (t.task.section.code && !sections.has(t.task.section.code))
      sections.set(t.task.section.code, t.task.section.title);
  }
  return {
    units: [...units.entries()]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    sections: [...sections.entries()].map(([code, title]) => ({ code, title })),
  };
}

/** The scope's tasks matching every filter given, in plan order. */
export function listConsoleTasks(
  db: Db,
  scope: UnitNode,
  filters: TaskFilters,
  today: string,
  source?: TaskSource,
): ConsoleTaskList {
  const scoped = loadScopedTasks(db, scope, today, filters.year, source);
  const words = filters.words ? foldWords(filters.words) : '';
  const rows: ConsoleTaskRow[] = [];
  for (const t of scoped.tasks) {
    if (filters.unitId !== undefined && !namesUnit(scoped, t, filters.unitId)) continue;
    const status = statusFor(t, filters.unitId);
    if (filters.status && status !== filters.status) continue;
    if (filters.section && t.task.section.code !== filters.section) continue;
    if (filters.dueSoon && !isDueSoon(t, today)) continue;
    if (filters.kpi && !taskKpis(t).some((k) => k.verdict === filters.kpi)) continue;
    if (words && !foldWords(`${t.number} ${t.task.content} ${t.task.product}`).includes(words)) continue;
    rows.push({
      taskId: t.task.id,
      number: t.number,
      plan: t.plan.label,
      section: t.task.section.title,
      content: t.task.content,
      lead: t.task.lead.map((u) => u.name),
      coordinate: t.task.coordinate.map((u) => u.name),
      deadline: deadlineText(t.task),
      due: t.task.deadline.due,
      status: status ?? t.status,
    });
  }
  return { year: scoped.year, asOf: today, rows, ...filterOptions(scoped) };
}
