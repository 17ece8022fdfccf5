import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { createRuntime, type Runtime } from '../src/compose/runtime.ts';
import { formatFileResult } from '../src/import/report.ts';
import { type InstanceInfo, markStopped, registerInstance } from '../src/kb/instances-repo.ts';
import { loadWorkingCalendar } from '../src/vi/working-calendar.ts';
import { type ActiveDuties, createActiveDuties } from './active-duties.ts';
import { startDailyBackups } from './backups.ts';
import { type Config, publicBaseUrlOf } from './config.ts';
import type { ConsoleDeps } from './console/context.ts';
import { createHttpServer } from './http.ts';
import { hostIdentity, type LeaseKeeper, type Role, startLeaseKeeper } from './lease.ts';
import type { Deliverer } from './outbox/deliverer.ts';
import { zaloDeliverer } from './outbox/zalo-deliverer.ts';
import { type Scheduler, startScheduler } from './scheduler.ts';
import { STOP_BOUND_MS, stopGracefully } from './shutdown.ts';
import { teamsDeliverer } from './teams/outbox-deliverer.ts';
import type { TeamsSender } from './teams/proactive.ts';
import { createTeams, type TeamsWiring } from './teams/wiring.ts';
import { wireZalo, type ZaloWiring } from './zalo/wiring.ts';

export interface RunningBot {
  url: string;
  /** This server's id in the `instances` table (claims and the lease name it). */
  instanceId: string;
  runtime: Runtime;
  /** Proactive sends to Teams (digests); without an app id only to conversations on this machine. */
  teams: TeamsSender | null;
  /** Digests and reminders while this server is the active one; null on standby or with SCHEDULER=off. */
  readonly scheduler: Scheduler | null;
  /** Whether this server holds the database's lease (poller, scheduler, backups) or stands by. */
  role(): Role;
  /**
   * Graceful stop: no new work, the work in hand finished (within a bound), the lease freed, the database
   * checkpointed and closed. Calling it again returns the same stop.
   */
  stop(): Promise<void>;
}

export function createLogger(config: Config): Logger {
  // JSON for log collectors in production; readable lines when someone runs the bot by hand.
  const readable = config.NODE_ENV !== 'production' && process.stdout.isTTY;
  return pino({
    level: config.LOG_LEVEL,
    // The Zalo token sits in request URLs: never let one reach a log line.
    redact: { paths: ['token', '*.token', 'url', '*.url'], censor: '***' },
    ...(readable ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}

export interface StartOptions {
  logger?: Logger;
  /** Tests pin the day; the server uses the real clock (heartbeats and the lease too). */
  clock?: () => Date;
  /** How long a stop waits for the work in hand (default STOP_BOUND_MS, 10 s); tests shorten it. */
  stopBoundMs?: number;
}

/**
 * Starts the whole bot: knowledge base, conversation core, HTTP server and the configured chat adapters; the
 * poller, the scheduler and the backups when this server takes the database's lease (adapters/lease.ts).
 */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config);
  const runtime = await createRuntime(
    config.DB_PATH,
    options.clock,
    {},
    {
      publicBaseUrl: publicBaseUrlOf(config),
    },
  );
  // Registered before anything is claimed: a claim by this server must never look like a dead server's.
  const instance: InstanceInfo = { id: randomUUID(), pid: process.pid, host: hostIdentity() };
  registerInstance(runtime.db, instance, runtime.clock());
  try {
    return await serve(config, runtime, {
      logger,
      instance,
      stopBoundMs: options.stopBoundMs ?? STOP_BOUND_MS,
    });
  } catch (error) {
    markStopped(runtime.db, instance.id, runtime.clock());
    runtime.db.close();
    throw error;
  }
}

interface ServeOptions {
  logger: Logger;
  instance: InstanceInfo;
  stopBoundMs: number;
}

/** The HTTP server first (every instance serves it), then the lease decides whether this one also runs duties. */
async function serve(config: Config, runtime: Runtime, options: ServeOptions): Promise<RunningBot> {
  const { logger, instance } = options;
  const token = config.ZALO_BOT_TOKEN;
  const zalo = token ? wireZalo(config, token, runtime, logger, instance.id) : null;
  // Always served: with an app id behind Bot Framework authentication, without one to this machine only.
  const teams = createTeams(config, runtime, logger, instance.id);
  let keeper: LeaseKeeper | null = null;
  const role = (): Role => keeper?.role() ?? 'standby';
  const app = createHttpServer({
    db: runtime.db,
    logger,
    zalo: zalo?.webhook ?? null,
    teams,
    role: () => ({ role: role(), instance: instance.id }),
    files: { dbPath: config.DB_PATH, clock: runtime.clock },
    console: consoleDeps(config, runtime, logger),
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  logStarted(config, runtime, logger, address, teams, zalo);
  const duties = activeDuties(config, runtime, logger, zalo, teams);
  const closeHttp = () => app.close();
  const lease = await takeRole(runtime, logger, instance, duties, closeHttp);
  keeper = lease;
  let stopping: Promise<void> | null = null;
  return {
    url: address.replace('0.0.0.0', '127.0.0.1'),
    instanceId: instance.id,
    runtime,
    teams: teams.sender,
    get scheduler() {
      return duties.scheduler();
    },
    role,
    stop() {
      const parts = { db: runtime.db, logger, keeper: lease, duties, zalo, closeHttp };
      stopping ??= stopGracefully({ ...parts, boundMs: options.stopBoundMs });
      return stopping;
    },
  };
}

/** The console's parts: its links start with PUBLIC_BASE_URL, and its cookie is Secure when that is https. */
function consoleDeps(config: Config, runtime: Runtime, logger: Logger): ConsoleDeps {
  const publicBaseUrl = publicBaseUrlOf(config);
  return {
    db: runtime.db,
    dbPath: config.DB_PATH,
    runtime,
    logger,
    clock: runtime.clock,
    publicBaseUrl,
    secureCookies: publicBaseUrl.startsWith('https://'),
  };
}

/** The lease decides whether this instance runs the duties; a start that fails closes what it opened. */
async function takeRole(
  runtime: Runtime,
  logger: Logger,
  instance: InstanceInfo,
  duties: ActiveDuties,
  closeHttp: () => Promise<unknown>,
): Promise<LeaseKeeper> {
  const { db, clock } = runtime;
  try {
    return await startLeaseKeeper({
      db,
      instance,
      logger,
      clock,
      onActive: duties.start,
      onStandby: duties.stop,
      onTick: duties.tick,
    });
  } catch (error) {
    await duties.stop();
    await closeHttp();
    throw error;
  }
}

/** What runs on the active instance only: Zalo polling or webhook, replays, the scheduler, daily backups. */
function activeDuties(
  config: Config,
  runtime: Runtime,
  logger: Logger,
  zalo: ZaloWiring | null,
  teams: TeamsWiring,
): ActiveDuties {
  const { db, clock } = runtime;
  const deliverers: Deliverer[] = [
    ...(zalo ? [zaloDeliverer(zalo.client)] : []),
    teamsDeliverer(teams.sender),
  ];
  const reminders = { days: config.REMINDER_DAYS, time: config.REMINDER_TIME };
  const calendar = config.SCHEDULER === 'on' ? loadWorkingCalendar(config.CALENDAR_PATH) : null;
  const dir = config.BACKUP_DIR;
  return createActiveDuties({
    db,
    logger,
    clock,
    zalo,
    replayTeamsOrphans: () => teams.replayOrphans(),
    startScheduler: calendar
      ? () =>
          startScheduler({ db, knowledge: runtime.knowledge, calendar, deliverers, logger, clock, reminders })
      : null,
    startBackups: dir ? () => startDailyBackups({ db, dir, keep: config.BACKUP_KEEP, clock, logger }) : null,
  });
}

function logStarted(
  config: Config,
  runtime: Runtime,
  logger: Logger,
  address: string,
  teams: TeamsWiring,
  zalo: ZaloWiring | null,
): void {
  for (const r of runtime.seeded)
    logger.info({ file: r.file, ok: r.kind === 'imported' }, formatFileResult(r));
  logger.info({ address, port: config.PORT, db: config.DB_PATH, pid: process.pid }, 'nhiemvu đang chạy');
  logger.info(teams.mode);
  if (zalo) return;
  logger.info(
    'Chưa cấu hình kênh chat. Thử bot: npm run --silent cli -- chat --org "Sở Nội vụ" --unit "Văn phòng Sở"',
  );
  logger.info(
    'Kết nối Zalo: đặt ZALO_BOT_TOKEN (và ZALO_WEBHOOK_URL + ZALO_WEBHOOK_SECRET nếu dùng webhook).',
  );
  logger.info(
    'Kết nối Teams: đặt MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType=SingleTenant, MicrosoftAppTenantId.',
  );
}
