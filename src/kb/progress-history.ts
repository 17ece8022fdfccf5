import type { Db } from './open.ts';
import { prepared } from './prepared.ts';
import type { AuthoredReport, ProgressStatus } from './progress-repo.ts';

/** One progress report as the audit trail keeps it: who, for which unit, when, through which channel, what. */
export interface ProgressEntry {
  id: number;
  unitId: number;
  unitName: string;
  status: ProgressStatus;
  percent: number | null;
  actual: number | null;
  note: string | null;
  userId: number;
  userName: string | null;
  onBehalf: boolean;
  channel: string;
  text: string;
  reportedAt: string;
  /** Set when the reporter took it back; the row stays, and no longer counts. */
  retractedAt: string | null;
}

/** Every report ever made on a task, taken back or not, newest first (the console's task page). */
export function findTaskHistory(db: Db, taskId: string): ProgressEntry[] {
  return prepared<[string], Omit<ProgressEntry, 'onBehalf'> & { onBehalf: number }>(
    db,
    `SELECT p.id, p.unit_id AS unitId, un.name AS unitName, p.status, p.percent, p.actual, p.note,
            p.user_id AS userId, us.display_name AS userName, p.on_behalf AS onBehalf, p.channel, p.text,
            p.reported_at AS reportedAt, p.retracted_at AS retractedAt
       FROM progress_reports p JOIN units un ON un.id = p.unit_id LEFT JOIN users us ON us.id = p.user_id
      WHERE p.task_id = ? ORDER BY p.reported_at DESC, p.id DESC`,
  )
    .all(taskId)
    .map((r) => ({ ...r, onBehalf: r.onBehalf === 1 }));
}

/** A report standing as of a day, with its author's name and that day (ISO, Vietnam's calendar). */
export type StandingReport = AuthoredReport & { day: string };

/** Vietnam has kept UTC+7, without summer time, since 1975: a Vietnamese day ends at 17:00 UTC. */
const VN_OFFSET_MS = 7 * 3_600_000;
const dayEndUtc = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000 - VN_OFFSET_MS).toISOString();
const vnDayOf = (iso: string) => new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The latest report of each (task, unit) made on or before `cutoff` (a Vietnamese day), taken-back ones never
 * counting — what `latestReports` of src/report/build.ts picks, chosen by SQLite rather than in JavaScript (about
 * ten times faster on 10,000 reports): the console's dashboard asks it on every view. Report instants are stored
 * as UTC ISO strings (`reportInstant`), so they compare as text.
 */
export function findLatestReportsAsOf(
  db: Db,
  taskIds: readonly string[],
  cutoff: string,
): Map<string, StandingReport> {
  const latest = new Map<string, StandingReport>();
  if (taskIds.length === 0) return latest;
  const rows = prepared<[string, string], AuthoredReport>(
    db,
    `SELECT p.task_id AS taskId, p.unit_id AS unitId, p.status, p.percent, p.actual, p.note,
            p.reported_at AS reportedAt, p.user_id AS userId, u.display_name AS userName
       FROM progress_reports p LEFT JOIN users u ON u.id = p.user_id
      WHERE p.id IN (SELECT max(id) FROM progress_reports
                      WHERE retracted_at IS NULL AND reported_at < ? AND task_id IN (SELECT value FROM json_each(?))
                      GROUP BY task_id, unit_id)`,
  ).all(dayEndUtc(cutoff), JSON.stringify(taskIds));
  for (const r of rows) latest.set(`${r.taskId}|${r.unitId}`, { ...r, day: vnDayOf(r.reportedAt) });
  return latest;
}
