import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { createRuntime, type Runtime } from '../src/cli/runtime.ts';
import { formatFileResult } from '../src/import/report.ts';
import { findUnhandled } from '../src/kb/inbound-repo.ts';
import { HEARTBEAT_MS, heartbeat, markStopped, registerInstance } from '../src/kb/instances-repo.ts';
import { loadWorkingCalendar } from '../src/vi/working-calendar.ts';
import type { Config } from './config.ts';
import { createHttpServer } from './http.ts';
import type { Deliverer } from './outbox/deliverer.ts';
import { zaloDeliverer } from './outbox/zalo-deliverer.ts';
import { type Scheduler, startScheduler } from './scheduler.ts';
import { teamsDeliverer } from './teams/outbox-deliverer.ts';
import type { TeamsSender } from './teams/proactive.ts';
import { createTeams, teamsDisabledReason } from './teams/wiring.ts';
import { createZaloAdapter, ZALO_CHANNEL, type ZaloAdapter } from './zalo/adapter.ts';
import { createZaloClient, type ZaloClient } from './zalo/client.ts';
import { type Poller, startPolling } from './zalo/poller.ts';

export interface RunningBot {
  url: string;
  /** This server's id in the `instances` table (claims and the lease name it). */
  instanceId: string;
  runtime: Runtime;
  /** Proactive sends to Teams (digests); null when the endpoint is off. */
  teams: TeamsSender | null;
  /** Digests and reminders; null with SCHEDULER=off. */
  scheduler: Scheduler | null;
  /** Graceful stop: no new updates, the ones in hand are finished, the database is closed. */
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

interface ZaloWiring {
  adapter: ZaloAdapter;
  client: ZaloClient;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function wireZalo(config: Config, token: string, runtime: Runtime, logger: Logger): ZaloWiring {
  const client = createZaloClient({ token, baseUrl: config.ZALO_API_BASE, logger });
  const adapter = createZaloAdapter({
    db: runtime.db,
    client,
    assistant: runtime.assistant,
    logger,
    botName: config.ZALO_BOT_NAME ?? null,
    clock: runtime.clock,
  });
  let poller: Poller | null = null;
  return {
    adapter,
    client,
    async start() {
      // Updates stored but not answered before the last stop are answered now.
      for (const pending of findUnhandled(runtime.db, ZALO_CHANNEL))
        void adapter.replay(JSON.parse(pending.payload));
      if (config.ZALO_WEBHOOK_URL && config.ZALO_WEBHOOK_SECRET) {
        await client.setWebhook(config.ZALO_WEBHOOK_URL, config.ZALO_WEBHOOK_SECRET);
        logger.info('zalo: webhook registered');
      } else {
        poller = startPolling(client, adapter, logger);
        logger.info('zalo: long polling (no ZALO_WEBHOOK_URL)');
      }
    },
    async stop() {
      await poller?.stop();
      await adapter.idle();
      await client.close();
    },
  };
}

/** Starts the whole bot: knowledge base, conversation core, HTTP server and the configured chat adapters. */
export interface StartOptions {
  logger?: Logger;
  /** Tests pin the day; the server uses the real clock. */
  clock?: () => Date;
}

export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config);
  const runtime = await createRuntime(config.DB_PATH, options.clock);
  // Every server on the database is registered and beats, so work claimed by a process that died can be told
  // from work another running server is still doing.
  const instanceId = randomUUID();
  registerInstance(runtime.db, { id: instanceId, pid: process.pid, host: hostname() }, runtime.clock());
  const beat = setInterval(() => heartbeat(runtime.db, instanceId, runtime.clock()), HEARTBEAT_MS);
  beat.unref();
  for (const r of runtime.seeded)
    logger.info({ file: r.file, ok: r.kind === 'imported' }, formatFileResult(r));
  const zalo = config.ZALO_BOT_TOKEN ? wireZalo(config, config.ZALO_BOT_TOKEN, runtime, logger) : null;
  const webhook =
    zalo && config.ZALO_WEBHOOK_SECRET ? { adapter: zalo.adapter, secret: config.ZALO_WEBHOOK_SECRET } : null;
  const disabled = teamsDisabledReason(config);
  const teams = disabled ? null : createTeams(config, runtime, logger);
  const app = createHttpServer({
    db: runtime.db,
    logger,
    zalo: webhook,
    teams: teams ?? { disabled: disabled ?? '' },
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ port: config.PORT, db: config.DB_PATH }, 'nhiemvu đang chạy');
  if (disabled) logger.warn(`Teams tắt: ${disabled}`);
  else if (teams && !teams.authEnabled)
    logger.warn('Teams: MicrosoftAppId trống, /api/messages chạy KHÔNG xác thực (chỉ để thử trên máy).');
  else logger.info('Teams: /api/messages bật, có xác thực Bot Framework');
  const deliverers: Deliverer[] = [
    ...(zalo ? [zaloDeliverer(zalo.client)] : []),
    ...(teams ? [teamsDeliverer(teams.sender)] : []),
  ];
  const scheduler =
    config.SCHEDULER === 'on'
      ? startScheduler({
          db: runtime.db,
          knowledge: runtime.knowledge,
          calendar: loadWorkingCalendar(config.CALENDAR_PATH),
          deliverers,
          logger,
          clock: runtime.clock,
          reminders: { days: config.REMINDER_DAYS, time: config.REMINDER_TIME },
        })
      : null;
  if (zalo) await zalo.start();
  else {
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
  return {
    url: address.replace('0.0.0.0', '127.0.0.1'),
    instanceId,
    runtime,
    teams: teams?.sender ?? null,
    scheduler,
    async stop() {
      await scheduler?.stop();
      await app.close();
      await zalo?.stop();
      clearInterval(beat);
      markStopped(runtime.db, instanceId, runtime.clock());
      runtime.db.close();
    },
  };
}
