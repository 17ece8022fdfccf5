import type { Logger } from 'pino';
import type { Db } from '../src/kb/open.ts';
import type { ActiveDuties } from './active-duties.ts';
import type { LeaseKeeper } from './lease.ts';
import type { ZaloWiring } from './zalo/wiring.ts';

/** How long a stop waits for the work in hand (answers being sent, a digest pass) before cutting it off. */
export const STOP_BOUND_MS = 10_000;
/** A stop that has not finished this long after the signal (a hung close) ends the process anyway. */
const BACKSTOP_MS = STOP_BOUND_MS + 5_000;
/** After a cut-off, how long the connections to Zalo get to close. */
const CLOSE_AFTER_CUT_OFF_MS = 500;
/** One Ctrl-C reaches npm and node (and npm forwards it again); systemd signals the whole cgroup. */
const SAME_REQUEST_MS = 1_000;

export interface StopParts {
  db: Db;
  logger: Logger;
  keeper: LeaseKeeper;
  duties: ActiveDuties;
  /** Stops listening, then resolves once the requests in progress are answered. */
  closeHttp(): Promise<void>;
  zalo: ZaloWiring | null;
  boundMs?: number;
}

/** Resolves true when `work` settled within `ms`, false when the time ran out first. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = work.then(
    () => true,
    () => true, // a part that failed has stopped too; it logged why
  );
  const finished = await Promise.race([done, timeout]);
  clearTimeout(timer);
  return finished;
}

/**
 * The graceful stop: no new work (poller, scheduler, backups and the HTTP listener stop at once), the work in hand
 * is finished within the bound, then the lease is freed, the WAL folded into the database and the file closed.
 * What the bound cuts off is logged; it is not lost: unanswered updates are answered by the next active server
 * and a send under way is settled as "unknown" (never sent twice).
 */
export async function stopGracefully(parts: StopParts): Promise<void> {
  const { logger, zalo } = parts;
  const started = Date.now();
  logger.info('Đang dừng: không nhận việc mới, hoàn tất việc đang làm…');
  await parts.keeper.freeze();
  let httpOpen = true;
  const http = parts.closeHttp().finally(() => {
    httpOpen = false;
  });
  const finished = await within(
    Promise.all([parts.duties.stop(), http.then(() => zalo?.adapter.idle())]),
    parts.boundMs ?? STOP_BOUND_MS,
  );
  if (!finished) logCutOff(parts, httpOpen);
  // Closing the connections waits for their requests: after a cut-off those may never end.
  if (zalo) await within(zalo.close(), finished ? STOP_BOUND_MS : CLOSE_AFTER_CUT_OFF_MS);
  parts.keeper.release();
  const wal = checkpointAndClose(parts.db);
  logger.info(
    { ms: Date.now() - started, finished, wal },
    finished ? 'nhiemvu đã dừng hẳn' : 'nhiemvu đã dừng (có việc bị cắt ngang, xem dòng trên)',
  );
}

function logCutOff(parts: StopParts, httpOpen: boolean): void {
  const bound = (parts.boundMs ?? STOP_BOUND_MS) / 1000;
  parts.logger.warn(
    {
      zaloUpdatesInHand: parts.zalo?.adapter.inHand() ?? 0,
      schedulerPassRunning: parts.duties.scheduler()?.busy() ?? false,
      httpRequestsOpen: httpOpen,
    },
    `Quá ${bound} giây: dừng ngang việc chưa xong. Tin chưa trả lời sẽ được máy chủ chính kế tiếp trả lời; ` +
      'tin bản tin/nhắc việc đang gửi được ghi "unknown" và không gửi lại.',
  );
}

/** Folds the WAL into the database file and closes it: nothing left beside the file for a backup to miss. */
function checkpointAndClose(db: Db): { busy: number; log: number } | string {
  try {
    const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    db.close();
    return row ? { busy: row.busy, log: row.log } : 'no result';
  } catch (error) {
    if (db.open) db.close();
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Resolves on the first SIGTERM or SIGINT (installed before the bot starts, so a signal during start-up is not
 * lost). The same signal again within a second is the same request; a signal after that, or a stop still running
 * past the backstop, ends the process at once.
 */
export function whenStopRequested(logger: Logger, exit: (code: number) => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let first: { signal: NodeJS.Signals; at: number } | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (!first) {
        first = { signal, at: Date.now() };
        logger.info({ signal }, `Nhận ${signal}: dừng có trật tự (tối đa ${STOP_BOUND_MS / 1000} giây)`);
        setTimeout(() => {
          logger.error('Dừng quá lâu: thoát ngay');
          exit(1);
        }, BACKSTOP_MS).unref();
        resolve(signal);
      } else if (Date.now() - first.at > SAME_REQUEST_MS) {
        logger.warn({ signal }, `Nhận ${signal} lần nữa: thoát ngay, không chờ việc đang làm`);
        exit(1);
      }
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
