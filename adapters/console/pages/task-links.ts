/**
 * Addresses of the task pages, shared by the dashboard (every number links to the tasks behind it) and the task
 * list (its filter form reads the same parameters back). Task ids contain '/', so a task is named in the query.
 */
import { z } from 'zod';
import { type KpiVerdict, TASK_STATUSES, type TaskStatus } from '../../../src/report/types.ts';

export const TASKS_PATH = '/admin/tasks';
export const TASK_PATH = '/admin/tasks/view';
export const REPORT_PATH = '/admin/tasks/report';

export interface TaskLinkFilters {
  unit?: number;
  status?: TaskStatus;
  section?: string;
  year?: number;
  q?: string;
  soon?: boolean;
  kpi?: KpiVerdict;
}

export function tasksHref(f: TaskLinkFilters): string {
  const params = new URLSearchParams();
  if (f.unit !== undefined) params.set('unit', String(f.unit));
  if (f.status) params.set('status', f.status);
  if (f.section) params.set('section', f.section);
  if (f.year !== undefined) params.set('year', String(f.year));
  if (f.q) params.set('q', f.q);
  if (f.soon) params.set('soon', '1');
  if (f.kpi) params.set('kpi', f.kpi);
  const query = params.toString();
  return query ? `${TASKS_PATH}?${query}` : TASKS_PATH;
}

export function taskHref(taskId: string, extra: Record<string, string> = {}): string {
  return `${TASK_PATH}?${new URLSearchParams({ id: taskId, ...extra }).toString()}`;
}

/** An empty field of a GET form means "any": it is dropped before validation. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The list's query as typed by the filter form or a dashboard link; anything malformed is simply not a filter. */
export const TaskQuery = z.object({
  unit: z.preprocess(blank, z.coerce.number().int().positive().optional()).catch(undefined),
  status: z.preprocess(blank, z.enum(TASK_STATUSES).optional()).catch(undefined),
  section: z.preprocess(blank, z.string().max(20).optional()).catch(undefined),
  year: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
  q: z.preprocess(blank, z.string().max(200).optional()).catch(undefined),
  soon: z.preprocess(blank, z.literal('1').optional()).catch(undefined),
  kpi: z.preprocess(blank, z.enum(['met', 'not_met', 'no_data']).optional()).catch(undefined),
});
export type TaskQuery = z.infer<typeof TaskQuery>;

/** Days as Vietnamese dates are written: dd/mm/yyyy. */
export function vnDay(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
