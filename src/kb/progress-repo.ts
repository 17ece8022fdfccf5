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

/** The latest report of each (task, unit) among the given tasks; a retracted report never counts. */
export function findLatestProgress(db: Db, taskIds: readonly string[]): LatestProgress[] {
  if (taskIds.length === 0) return [];
  return prepared<[string], LatestRow>(
    db,
    `SELECT p.task_id, p.unit_id, p.status, p.percent, p.actual, p.reported_at, p.user_id, p.on_behalf
       FROM progress_reports p
       WHERE p.task_id IN (SELECT value FROM json_each(?))
         AND p.id = (SELECT max(id) FROM progress_reports q
                      WHERE q.task_id = p.task_id AND q.unit_id = p.unit_id AND q.retracted_at IS NULL)`,
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
       WHERE p.task_id IN (SELECT value FROM json_each(?)) AND p.reported_at >= ? AND p.retracted_at IS NULL
       ORDER BY p.reported_at DESC, p.id DESC`,
  )
    .all(JSON.stringify(taskIds), sinceIso)
    .map((r) => ({ ...toLatest(r), userName: r.display_name }));
}

export interface OwnReport {
  id: number;
  taskId: string;
  unitId: number;
  reportedAt: string;
}

/** The person's latest report still standing (not retracted), or null. */
export function findLastOwnReport(db: Db, userId: number): OwnReport | null {
  const row = prepared<[number], { id: number; task_id: string; unit_id: number; reported_at: string }>(
    db,
    `SELECT id, task_id, unit_id, reported_at FROM progress_reports
       WHERE user_id = ? AND retracted_at IS NULL ORDER BY id DESC LIMIT 1`,
  ).get(userId);
  return row ? { id: row.id, taskId: row.task_id, unitId: row.unit_id, reportedAt: row.reported_at } : null;
}

/** Marks a report as taken back; the row stays for the audit trail. True when a standing report was marked. */
export function retractProgress(db: Db, id: number, userId: number, atIso: string): boolean {
  return (
    prepared(
      db,
      'UPDATE progress_reports SET retracted_at = ?, retracted_by = ? WHERE id = ? AND retracted_at IS NULL',
    ).run(atIso, userId, id).changes === 1
  );
}

/** A report with its author's name, as the periodic report lists them. */
export interface AuthoredReport {
  taskId: string;
  unitId: number;
  status: ProgressStatus;
  percent: number | null;
  actual: number | null;
  note: string | null;
  reportedAt: string;
  userId: number;
  /** The author's display name, when the platform gave one. */
  userName: string | null;
}

/** Every report on these tasks that was not taken back, oldest first: the caller picks the latest up to a day. */
export function findAuthoredReports(db: Db, taskIds: readonly string[]): AuthoredReport[] {
  if (taskIds.length === 0) return [];
  return prepared<[string], AuthoredReport>(
    db,
    `SELECT p.task_id AS taskId, p.unit_id AS unitId, p.status, p.percent, p.actual, p.note,
            p.reported_at AS reportedAt, p.user_id AS userId, u.display_name AS userName
       FROM progress_reports p LEFT JOIN users u ON u.id = p.user_id
      WHERE p.retracted_at IS NULL AND p.task_id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
  ).all(JSON.stringify(taskIds));
}
