import type { PlanRecord, TaskRecord } from '../ingest/build-plan.ts';
import { type ExportedTask, exportTasks } from '../kb/export.ts';
import type { Db } from '../kb/open.ts';
import { findPlanTaskIds } from '../kb/task-queries.ts';

/** What a re-uploaded plan changes in the tasks the knowledge base holds for it (headings left aside). */
export const TASK_FIELDS = [
  'section',
  'content',
  'lead',
  'coordinate',
  'deadline',
  'product',
  'kpis',
] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

export interface TaskChange {
  task: TaskRecord;
  before: ExportedTask;
  fields: TaskField[];
}

export interface PlanDiff {
  added: TaskRecord[];
  changed: TaskChange[];
  retired: ExportedTask[];
  unchanged: number;
}

/** Each field as one comparable string, from the stored task and from the newly read one. */
function fieldsOfStored(t: ExportedTask): Record<TaskField, string> {
  return {
    section: t.section.code,
    content: t.content,
    lead: t.lead.map((r) => r.raw).join('|'),
    coordinate: t.coordinate.map((r) => r.raw).join('|'),
    deadline: t.deadline.raw,
    product: t.product,
    kpis: t.kpis.map((k) => k.text).join('|'),
  };
}

function fieldsOfRead(t: TaskRecord): Record<TaskField, string> {
  return {
    section: t.sectionCode,
    content: t.content,
    lead: t.lead.map((r) => r.raw).join('|'),
    coordinate: t.coordinate.map((r) => r.raw).join('|'),
    deadline: t.deadline.raw,
    product: t.product,
    kpis: t.kpis.map((k) => k.text).join('|'),
  };
}

/** Null when the knowledge base has no plan with this id (a new plan: everything is added). */
export function diffPlan(db: Db, plan: PlanRecord): PlanDiff | null {
  const known = db.prepare<[string], { id: string }>('SELECT id FROM plans WHERE id = ?').get(plan.id);
  if (!known) return null;
  const stored = exportTasks(db, findPlanTaskIds(db, [plan.id])).filter((t) => !t.isHeading);
  const byId = new Map(stored.map((t) => [t.id, t]));
  const read = plan.tasks.filter((t) => !t.isHeading);
  const readIds = new Set(read.map((t) => t.id));
  const diff: PlanDiff = { added: [], changed: [], retired: [], unchanged: 0 };
  for (const task of read) {
    const before = byId.get(task.id);
    if (!before) {
      diff.added.push(task);
      continue;
    }
    const now = fieldsOfRead(task);
    const then = fieldsOfStored(before);
    const fields = TASK_FIELDS.filter((f) => now[f] !== then[f]);
    if (fields.length > 0) diff.changed.push({ task, before, fields });
    else diff.unchanged += 1;
  }
  diff.retired = stored.filter((t) => !readIds.has(t.id));
  return diff;
}
