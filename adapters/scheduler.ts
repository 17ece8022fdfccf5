import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Knowledge } from '../src/core/knowledge.ts';
import type { Db } from '../src/kb/open.ts';
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
  /** No new pass, no new send; resolves once the sends under way are done. */
  stop(): Promise<void>;
  /** Whether a pass is under way (what a stop cut short, if it had to). */
  busy(): boolean;
}

/**
 * The chasing side of the bot: every minute (croner, Asia/Ho_Chi_Minh) it puts due digests and reminders into
 * the outbox and drains it. Schedules live in SQLite (subscriptions' weekday and time), so nothing is lost on a
 * restart; a pass runs at once at start, which catches up a run missed while the server was down. Only the
 * active instance runs it; sends cut off by the last holder's stop are settled before (adapters/active-duties.ts).
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  let running: Promise<RunSummary> | null = null;
  const stopping = new AbortController();
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
      signal: stopping.signal,
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
      stopping.abort();
      await running?.catch(() => undefined); // a failed pass was logged by whoever started it
    },
    busy: () => running !== null,
  };
}

/** Starts the minute tick (and a first pass at once). */
export function startScheduler(deps: SchedulerDeps): Scheduler {
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
    busy: scheduler.busy,
  };
}
