import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Logger } from 'pino';
import { todayIn } from '../src/core/clock.ts';
import {
  backupDatabase,
  datedBackupName,
  pruneDatedBackups,
  removeUnfinishedBackups,
} from '../src/kb/backup.ts';
import type { Db } from '../src/kb/open.ts';

export interface DailyBackupOptions {
  /** The server's own connection: its writes during a backup land in the copy, no restart needed. */
  db: Db;
  /** BACKUP_DIR. Never created here: a network share that is not mounted must not fill the local disk instead. */
  dir: string;
  /** BACKUP_KEEP: the newest this many dated backups are kept. */
  keep: number;
  clock: () => Date;
  logger: Logger;
  /** How often to look whether today's backup is due (default 5 minutes). */
  checkEveryMs?: number;
}

export interface DailyBackups {
  /** Writes today's backup unless it is there, then prunes. The file written, or null. Never rejects. */
  runDue(): Promise<string | null>;
  /** No new backup starts; one under way is finished first. */
  stop(): Promise<void>;
}

const CHECK_EVERY_MS = 5 * 60_000;
/** After a failure (full disk, share gone), one attempt an hour: enough to recover, not a log line a minute. */
const RETRY_AFTER_MS = 60 * 60_000;

/**
 * One backup per calendar day in Asia/Ho_Chi_Minh, `<db name>-YYYY-MM-DD.db` in `dir`: the first check of a day
 * writes it (so a day the server was down is caught up once, at start, not once per missed day). A failure is
 * logged and retried later; it never stops the bot. Only the active instance should run this.
 */
export function startDailyBackups(options: DailyBackupOptions): DailyBackups {
  const { db, dir, keep, clock, logger } = options;
  const prefix = basename(db.name).replace(/\.(db|sqlite3?)$/i, '') || 'nhiemvu';
  let running: Promise<string | null> | null = null;
  let stopped = false;
  let retryAt = 0;

  const attempt = async (): Promise<string | null> => {
    const now = clock();
    if (now.getTime() < retryAt) return null;
    const file = join(dir, datedBackupName(prefix, todayIn(now)));
    try {
      if (!existsSync(dir)) throw new Error(`BACKUP_DIR ${dir} does not exist`);
      if (existsSync(file)) return null;
      removeUnfinishedBackups(dir, prefix);
      const result = await backupDatabase(db, file);
      const removed = pruneDatedBackups(dir, prefix, keep);
      logger.info({ file, bytes: result.bytes, removed }, 'backup: daily backup written');
      return file;
    } catch (error) {
      retryAt = now.getTime() + RETRY_AFTER_MS;
      logger.error({ err: error, dir }, 'backup: daily backup failed; next attempt in an hour');
      return null;
    }
  };

  const runDue = (): Promise<string | null> => {
    if (stopped) return Promise.resolve(null);
    running ??= attempt().finally(() => {
      running = null;
    });
    return running;
  };

  logger.info({ dir, keep }, 'backup: daily backups on');
  const timer = setInterval(() => void runDue(), options.checkEveryMs ?? CHECK_EVERY_MS);
  timer.unref();
  void runDue();
  return {
    runDue,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
