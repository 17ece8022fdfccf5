import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface ProgressReport {
  taskId: string;
  unitId: number;
  status: ProgressStatus;
  percent: number | null;
  actual: number | null;
  note: string | null;
  /** Who reported: the person's own unit, or an admin reporting on behalf of `unitId`. */
  userId: number;
  /** True when `userId` is not of `unitId`: an admin reported for that unit ("báo cáo thay"). */
  onBehalf: boolean;
  channel: string;
  text: string;
  reportedAt: string;
}

/** Appends a report: earlier ones stay as the audit trail; the latest per (task, unit) counts. */
export function insertProgress(db: Db, report: ProgressReport): number {
  // SQLite binds no booleans: `on_behalf` is 0/1.
  return Number(
    prepared(
      db,
      `INSERT INTO progress_reports (task_id, unit_id, status, percent, actual, note, user_id, on_behalf, channel,
           text, reported_at) VALUES (@taskId, @unitId, @status, @percent, @actual, @note, @userId, @onBehalf,
           @channel, @text, @reportedAt)`,
    ).run({ ...report, onBehalf: report.onBehalf ? 1 : 0 }).lastInsertRowid,
  );
}

interface LatestRow {
  task_id: string;
  unit_id: number;
  status: ProgressStatus;
  percent: number | null;
  actual: number | null;
  reported_at: string;
  user_id: number;
  on_behalf: number;
}

export interface LatestProgress {
  taskId: string;
  unitId: number;
  status: ProgressStatus;
  percent: number | null;
  actual: number | null;
  reportedAt: string;
  /** Who made the report, and whether it was made for the unit by someone outside it. */
  userId: number;
  onBehalf: boolean;
}

/** The latest report of each (task, unit) among the given tasks. */
export function findLatestProgress(db: Db, taskIds: readonly string[]): LatestProgress[] {
  if (taskIds.length === 0) return [];
  return prepared<[string], LatestRow>(
    db,
    `SELECT p.task_id, p.unit_id, p.status, p.percent, p.actual, p.reported_at, p.user_id, p.on_behalf
       FROM progress_reports p
       WHERE p.task_id IN (SELECT value FROM json_each(?))
         AND p.id = (SELECT max(id) FROM progress_reports q WHERE q.task_id = p.task_id AND q.unit_id = p.unit_id)`,
  )
    .all(JSON.stringify(taskIds))
    .map(toLatest);
}

/** findLatestProgress grouped by task: a task with no report has no entry. */
export function findLatestProgressByTask(db: Db, taskIds: readonly string[]): Map<string, LatestProgress[]> {
  const byTask = new Map<string, LatestProgress[]>();
  for (const p of findLatestProgress(db, taskIds)) {
    const list = byTask.get(p.taskId);
    if (list) list.push(p);
    else byTask.set(p.taskId, [p]);
  }
  return byTask;
}

const toLatest = (r: LatestRow): LatestProgress => ({
  taskId: r.task_id,
  unitId: r.unit_id,
  status: r.status,
  percent: r.percent,
  actual: r.actual,
  reportedAt: r.reported_at,
  userId: r.user_id,
  onBehalf: r.on_behalf === 1,
});

export interface RecentReport extends LatestProgress {
  userName: string | null;
}

/** Reports on these tasks since `sinceIso`, newest first, with the reporter's display name when known. */
export function findReportsSince(db: Db, taskIds: readonly string[], sinceIso: string): RecentReport[] {
  if (taskIds.length === 0) return [];
  return prepared<[string, string], LatestRow & { display_name: string | null }>(
    db,
    `SELECT p.task_id, p.unit_id, p.status, p.percent, p.actual, p.reported_at, p.user_id, p.on_behalf,
       u.display_name FROM progress_reports p LEFT JOIN users u ON u.id = p.user_id
       WHERE p.task_id IN (SELECT value FROM json_each(?)) AND p.reported_at >= ?
       ORDER BY p.reported_at DESC, p.id DESC`,
  )
    .all(JSON.stringify(taskIds), sinceIso)
    .map((r) => ({ ...toLatest(r), userName: r.display_name }));
}
