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
  userId: number;
  channel: string;
  text: string;
  reportedAt: string;
}

/** Appends a report: earlier ones stay as the audit trail; the latest per (task, unit) counts. */
export function insertProgress(db: Db, report: ProgressReport): number {
  return Number(
    prepared(
      db,
      `INSERT INTO progress_reports (task_id, unit_id, status, percent, actual, note, user_id, channel, text,
           reported_at) VALUES (@taskId, @unitId, @status, @percent, @actual, @note, @userId, @channel, @text,
           @reportedAt)`,
    ).run(report).lastInsertRowid,
  );
}

interface LatestRow {
  task_id: string;
  unit_id: number;
  status: ProgressStatus;
  percent: number | null;
  actual: number | null;
  reported_at: string;
}

export interface LatestProgress {
  taskId: string;
  unitId: number;
  status: ProgressStatus;
  percent: number | null;
  actual: number | null;
  reportedAt: string;
}

/** The latest report of each (task, unit) among the given tasks. */
export function findLatestProgress(db: Db, taskIds: readonly string[]): LatestProgress[] {
  if (taskIds.length === 0) return [];
  return prepared<[string], LatestRow>(
    db,
    `SELECT p.task_id, p.unit_id, p.status, p.percent, p.actual, p.reported_at FROM progress_reports p
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
});

export interface RecentReport extends LatestProgress {
  userName: string | null;
}

/** Reports on these tasks since `sinceIso`, newest first, with the reporter's display name when known. */
export function findReportsSince(db: Db, taskIds: readonly string[], sinceIso: string): RecentReport[] {
  if (taskIds.length === 0) return [];
  return prepared<[string, string], LatestRow & { display_name: string | null }>(
    db,
    `SELECT p.task_id, p.unit_id, p.status, p.percent, p.actual, p.reported_at, u.display_name
       FROM progress_reports p LEFT JOIN users u ON u.id = p.user_id
       WHERE p.task_id IN (SELECT value FROM json_each(?)) AND p.reported_at >= ?
       ORDER BY p.reported_at DESC, p.id DESC`,
  )
    .all(JSON.stringify(taskIds), sinceIso)
    .map((r) => ({ ...toLatest(r), userName: r.display_name }));
}
