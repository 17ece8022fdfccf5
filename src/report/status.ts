import type { TaskStatus } from './types.ts';

/**
 * The one place a task's status is computed (trackers that compute "quá hạn" in two places disagree with
 * themselves). For one lead unit, as of a day: its latest report up to that day against the task's deadline, the
 * due day itself counting as on time.
 */
export interface UnitReport {
  status: 'not_started' | 'in_progress' | 'done';
  /** The report's day (ISO, Asia/Ho_Chi_Minh). */
  day: string;
}

export function unitStatus(
  deadline: { kind: string; due: string | null },
  report: UnitReport | null,
  asOf: string,
): TaskStatus {
  const { due } = deadline;
  if (report?.status === 'done') return due === null || report.day <= due ? 'done_on_time' : 'done_late';
  // The plan itself records the task as done ("Đã hoàn thành" in the deadline column).
  if (deadline.kind === 'done' && !report) return 'done_on_time';
  if (due === null) return 'ongoing';
  if (due < asOf) return 'overdue';
  return report ? 'in_progress' : 'no_report';
}

/** Worst first: a task is done only when every lead unit is, and then late if any was late. */
const SEVERITY: TaskStatus[] = [
  'overdue',
  'no_report',
  'in_progress',
  'ongoing',
  'done_late',
  'done_on_time',
];

export function worstStatus(statuses: readonly TaskStatus[]): TaskStatus {
  if (statuses.length === 0) return 'no_report';
  return SEVERITY.find((s) => statuses.includes(s)) ?? 'no_report';
}
