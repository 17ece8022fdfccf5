import type { Logger } from 'pino';
import type { Db } from '../src/kb/open.ts';
import { settleInterrupted } from '../src/kb/outbox-repo.ts';
import type { Scheduler } from './scheduler.ts';
import type { ZaloWiring } from './zalo/wiring.ts';

/** Something only the active instance runs, started on becoming active and stopped on losing it. */
export interface Duty {
  stop(): Promise<void>;
}

export interface ActiveDutiesDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  zalo: ZaloWiring | null;
  /** Teams activities a dead server left unanswered (adapters/teams/replay.ts). */
  replayTeamsOrphans: (() => Promise<unknown>) | null;
  /** Null with SCHEDULER=off. */
  startScheduler: (() => Scheduler) | null;
  /** Daily backups (adapters/backups.ts); null without BACKUP_DIR. */
  startBackups: (() => Duty) | null;
}

export interface ActiveDuties {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every lease tick while active: updates left by a server that died since are answered. */
  tick(): void;
  scheduler(): Scheduler | null;
}

/**
 * What runs once per database, on the instance holding the lease: the Zalo poller (or the webhook registration),
 * the scheduler, the daily backups, and the replay of what a dead server left half done.
 */
export function createActiveDuties(deps: ActiveDutiesDeps): ActiveDuties {
  let scheduler: Scheduler | null = null;
  let backups: Duty | null = null;
  return {
    async start() {
      // Only now: a standby starting beside a running active instance must not settle that one's sends.
      const interrupted = settleInterrupted(deps.db, deps.clock());
      if (interrupted > 0)
        deps.logger.warn(
          { interrupted },
          'outbox: tin đang gửi khi máy chủ trước dừng được ghi "unknown" và không gửi lại',
        );
      scheduler ??= deps.startScheduler?.() ?? null;
      void deps.replayTeamsOrphans?.();
      await deps.zalo?.activate();
      backups ??= deps.startBackups?.() ?? null;
    },
    async stop() {
      const running = [scheduler, backups];
      scheduler = null;
      backups = null;
      await Promise.all([deps.zalo?.deactivate(), ...running.map((duty) => duty?.stop())]);
    },
    tick() {
      deps.zalo?.adapter.replayOrphans();
    },
    scheduler: () => scheduler,
  };
}
