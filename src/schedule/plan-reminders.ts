import { answerTasksFor } from '../core/answer-tasks.ts';
import { findResponsibleTasks } from '../core/responsibility.ts';
import { defaultScope } from '../core/scope.ts';
import { enqueue } from '../kb/outbox-repo.ts';
import { listReminderRecipients } from '../kb/users-repo.ts';
import { doc, text } from '../reply/doc.ts';
import { type AnswerTask, taskLineParts, taskNumber, toDisplayDate } from '../reply/format-task.ts';
import { MESSAGES } from '../reply/messages.ts';
import type { WorkingCalendar } from '../vi/working-calendar.ts';
import { type OutboxPayload, toPayload } from './payload.ts';
import type { PlanContext } from './plan-digests.ts';
import { privateRoute } from './routes.ts';
import { minutesOf, vnClock, vnInstant } from './vn-time.ts';

export interface ReminderOptions {
  /** Working days before the due date, e.g. [5, 1]. */
  days: readonly number[];
  /** Local time of day reminders go out, "08:00". */
  time: string;
}

export const DEFAULT_REMINDERS: ReminderOptions = { days: [5, 1], time: '08:00' };

const R = MESSAGES.reminder;

/**
 * Deadline reminders, in private, to the approved staff of each responsible unit who did not turn them off. A
 * reminder is due on the working day N working days before the due date (weekends and public holidays are not
 * counted). Reminders go out on working days only, from `time`; one missed while the server was down is sent
 * once when it comes back (the nearest one, if two are due), as long as the due date has not passed.
 */
/** The Vietnamese day reminders are due on at `now` (a working day, at or after `time`), else null. */
export function reminderDay(
  calendar: WorkingCalendar,
  now: Date,
  options = DEFAULT_REMINDERS,
): string | null {
  const clock = vnClock(now);
  return calendar.isWorkingDay(clock.date) && clock.minutes >= minutesOf(options.time) ? clock.date : null;
}

export function planReminders(
  ctx: PlanContext,
  calendar: WorkingCalendar,
  now: Date,
  options = DEFAULT_REMINDERS,
): number {
  const today = reminderDay(calendar, now, options);
  if (today === null) return 0;
  const days = [...options.days].sort((a, b) => a - b);
  // Colleagues share their unit's tasks: work them out once per unit.
  const tasksOf = new Map<number, AnswerTask[]>();
  const unitTasks = (unitId: number): AnswerTask[] => {
    const known = tasksOf.get(unitId);
    if (known) return known;
    const scope = defaultScope(ctx.k.plans, ctx.k.tree, unitId, today);
    const parts = findResponsibleTasks(ctx.k.mentions, ctx.k.tree, unitId, scope.planIds, 'both');
    const tasks = answerTasksFor(
      ctx.db,
      ctx.k,
      parts.map((p) => p.taskId),
      unitId,
      parts,
    );
    tasksOf.set(unitId, tasks);
    return tasks;
  };
  let added = 0;
  for (const user of listReminderRecipients(ctx.db)) {
    const unit = user.unitId === null ? undefined : ctx.k.tree.get(user.unitId);
    const route = unit ? privateRoute(ctx.db, user) : null;
    if (!unit || !route) continue;
    const tasks = unitTasks(unit.id);
    for (const task of tasks) {
      const due = task.deadline.due;
      if (task.deadline.kind !== 'date' || due === null || due < today || task.status === 'done') continue;
      // The nearest reminder whose day has come (1 before 5): one message, even after days of downtime.
      const n = days.find((d) => calendar.workingDaysBefore(due, d) <= today);
      if (n === undefined) continue;
      const line = taskLineParts(1, task, ctx.k.plansById.get(task.planId));
      const left = calendar.workingDaysBetween(today, due);
      const payload: OutboxPayload = toPayload(
        doc(
          text(R.title(left, toDisplayDate(due)), 'title'),
          `${line.citation} — ${line.content}`,
          `↳ ${line.facts.join(' · ')}`,
          text(R.howToReport(taskNumber(task)), 'note'),
          text(R.howToStop, 'note'),
        ),
      );
      const entry = {
        key: `reminder|${user.id}|${task.id}|${due}|${n}`,
        kind: 'reminder' as const,
        channel: route.channel,
        chatId: route.chatId,
        payload,
        notBefore: vnInstant(today, options.time),
      };
      if (enqueue(ctx.db, entry, now)) added++;
    }
  }
  return added;
}
