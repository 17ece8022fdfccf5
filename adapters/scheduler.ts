import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Knowledge } from '../src/core/knowledge.ts';
import type { Db } from '../src/kb/open.ts';
import { settleInterrupted } from '../src/kb/outbox-repo.ts';
import { planDigests } from '../src/schedule/plan-digests.ts';
import {
  DEFAULT_REMINDERS,
  planReminders,
  type ReminderOptions,
  reminderDay,
} from '../src/schedule/plan-reminders.ts';
import type { WorkingCalendar } from '../src/vi/working-calendar.ts';
import type { Deliverer } from './outbox/deliverer.ts';
import { type DrainResult, drainOutbox } from './outbox/drain.ts';

export interface SchedulerDeps {
  db: Db;
  knowledge: () => Knowledge;
  calendar: WorkingCalendar;
  deliverers: Deliverer[];
  logger: Logger;
  clock: () => Date;
  reminders?: ReminderOptions;
}

export interface RunSummary extends DrainResult {
  digests: number;
  reminders: number;
}

export interface Scheduler {
  /** One pass: plan what is due at the clock's time, then send it. Passes never overlap. */
  runOnce(): Promise<RunSummary>;
  stop(): Promise<void>;
}

/**
 * The chasing side of the bot: every minute (croner, Asia/Ho_Chi_Minh) it puts due digests and reminders into
 * the outbox and drains it. Schedules live in SQLite (subscriptions' weekday and time), so nothing is lost on a
 * restart; at start, sends cut off by the last stop are settled as "unknown" (never repeated) and a pass runs at
 * once, which catches up a run missed while the server was down.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  let running: Promise<RunSummary> | null = null;
  // Reminders are worked out once a day (the minute tick would redo every person's tasks each minute); a restart
  // works them out again, and the outbox keys keep that from sending anything twice.
  let remindersPlannedOn: string | null = null;
  const pass = async (): Promise<RunSummary> => {
    const now = deps.clock();
    const ctx = { db: deps.db, k: deps.knowledge() };
    const digests = planDigests(ctx, now);
    const options = deps.reminders ?? DEFAULT_REMINDERS;
    const day = reminderDay(deps.calendar, now, options);
    const reminders =
      day !== null && day !== remindersPlannedOn ? planReminders(ctx, deps.calendar, now, options) : 0;
    if (day !== null) remindersPlannedOn = day;
    const drained = await drainOutbox({
      db: deps.db,
      deliverers: deps.deliverers,
      logger: deps.logger,
      clock: deps.clock,
    });
    const summary = { digests, reminders, ...drained };
    if (digests + reminders + drained.sent + drained.failed + drained.gone + drained.unknown > 0)
      deps.logger.info(summary, 'scheduler: pass done');
    return summary;
  };
  const runOnce = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    runOnce,
    async stop() {
      await running;
    },
  };
}

/** Starts the minute tick (and a first pass at once). */
export function startScheduler(deps: SchedulerDeps): Scheduler {
  const interrupted = settleInterrupted(deps.db, deps.clock());
  if (interrupted > 0)
    deps.logger.warn({ interrupted }, 'scheduler: sends cut off by the last stop are not repeated');
  const scheduler = createScheduler(deps);
  const tick = () =>
    void scheduler
      .runOnce()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'scheduler: pass failed'));
  const job = new Cron('* * * * *', { timezone: 'Asia/Ho_Chi_Minh', protect: true }, tick);
  tick();
  return {
    runOnce: scheduler.runOnce,
    async stop() {
      job.stop();
      await scheduler.stop();
    },
  };
}
