/**
 * A progress report recorded from the console on a unit's behalf. It goes through the same gate as a chat report
 * (`authorize({kind:'report'})` in src/core/rights.ts: the admin's reach, a specific unit responsible for the task)
 * and the same write (`insertProgress`), with channel 'console' and the admin as author: the audit trail then says
 * who recorded it, where, and that it was on the unit's behalf. Refused: nothing is written.
 */
import { reportInstant } from '../core/clock.ts';
import { authorize, type RightsContext } from '../core/rights.ts';
import { exportTasks } from '../kb/export.ts';
import type { Db } from '../kb/open.ts';
import { insertProgress, type ProgressStatus } from '../kb/progress-repo.ts';
import type { User } from '../kb/users-repo.ts';
import { taskNumber } from '../reply/format-task.ts';

export const CONSOLE_CHANNEL = 'console';

export interface ConsoleReportInput {
  taskId: string;
  unitId: number;
  status: ProgressStatus;
  percent: number | null;
  actual: number | null;
  /** What the admin wrote: kept as the report's text and its note (the periodic report's "Kết quả"). */
  text: string;
}

export type ConsoleReportResult =
  | { ok: true; id: number; unit: string; number: string }
  /** `reason` is set when the rights gate gave the sentence itself. */
  | { ok: false; code: 'admins_only' | 'no_task' | 'no_unit' | 'refused'; reason?: string };

/**
 * Only an admin records for a unit from the console: a lead or staff reports in chat, where the bot knows their
 * unit. The caller's `rights` is the knowledge the gate reads (`runtime.knowledge()`).
 */
export function recordConsoleReport(
  db: Db,
  rights: RightsContext,
  user: User,
  input: ConsoleReportInput,
  now: Date,
  today: string,
): ConsoleReportResult {
  if (user.role !== 'admin') return { ok: false, code: 'admins_only' };
  const task = exportTasks(db, [input.taskId])[0];
  if (!task || task.isHeading) return { ok: false, code: 'no_task' };
  const unit = rights.tree.get(input.unitId);
  if (!unit) return { ok: false, code: 'no_unit' };
  const number = taskNumber(task);
  const decision = authorize(
    { kind: 'user', user },
    { kind: 'report', unit, task: { id: task.id, planId: task.planId, number } },
    rights,
  );
  if (!decision.ok) return { ok: false, code: 'refused', reason: decision.reason };
  const text = input.text.trim();
  const id = insertProgress(db, {
    taskId: task.id,
    unitId: unit.id,
    status: input.status,
    percent: input.percent,
    actual: input.actual,
    note: text === '' ? null : text,
    userId: user.id,
    onBehalf: unit.id !== user.unitId,
    channel: CONSOLE_CHANNEL,
    text,
    reportedAt: reportInstant(now, today),
  });
  return { ok: true, id, unit: unit.name, number };
}
