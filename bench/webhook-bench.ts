/**
 * Webhook throughput, end to end: the real bot server (startBot, shipped plans in a fresh database, webhook mode
 * with a secret) in its own process, answering through a local fake of Zalo's Bot API on loopback. A few hundred
 * staff register first (and are approved), then autocannon posts distinct updates for a fixed time; the run
 * ends when every accepted update has its reply. See webhook-check.ts for the lost/doubled reply check.
 */
import { join } from 'node:path';
import type { Result } from 'autocannon';
import { type Db, openDatabase } from '../src/kb/open.ts';
import { approveUser, findUser } from '../src/kb/users-repo.ts';
import { createFakeZalo, type FakeZalo } from '../test/support/fake-zalo.ts';
import {
  checkDeliveries,
  countUnhandled,
  type DeliveryCheck,
  lastClaimRowid,
  readClaims,
} from './webhook-check.ts';
import { type LoadRun, postAll, runLoad } from './webhook-load.ts';
import { type BotProcess, NOW_VARIABLE, startBotProcess } from './webhook-process.ts';
import { createSentWatch, perSecond, type SentWatch } from './webhook-sent-watch.ts';
import {
  type BenchZaloUser,
  BOT_NAME,
  createUpdateStream,
  createUsers,
  type OutgoingUpdate,
  type QuestionMix,
  registrationUpdates,
} from './webhook-traffic.ts';

/** The target: 1,000 messages a second end to end, no reply lost or doubled. */
export const WEBHOOK_TARGET = { messagesPerSecond: 1000 } as const;

const TOKEN = '123456789:bench-token-abc';
const SECRET = 'bench-webhook-secret-0123';
const NOW = new Date('2026-11-22T09:00:00+07:00');
const DRAIN_TIMEOUT_MS = 120_000;
/** Nothing claimed or sent for this long, and nothing unhandled: every reply is out. */
const QUIET_MS = 300;

export interface WebhookOptions {
  quick: boolean;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  users: number;
  seed: number;
  workDir: string;
  cpuProfDir: string | null;
  log: (line: string) => void;
  /** Another question mix, e.g. only small talk to see what the transport alone costs. */
  questions?: QuestionMix;
}

export interface WebhookFigures {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  users: number;
  /** Users whose registration named a unit (then approved). */
  registered: number;
  http: {
    requestsPerSecond: number;
    accepted: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    p50Ms: number;
    p90Ms: number;
    p99Ms: number;
    maxMs: number;
  };
  endToEnd: {
    /** Replies over the time from the first request to the last reply. */
    repliesPerSecond: number;
    /** Updates fully answered while the load ran, per second of load. */
    answeredDuringLoadPerSecond: number;
    /** Accepted but not yet answered when the load stopped. */
    backlogAtLoadEnd: number;
    lastReplyAfterLastRequestMs: number;
    firstRequestToLastReplySeconds: number;
  };
  /** Percent of one core over the same span: the bot's process, and this one (load generator + fake Zalo). */
  cpu: { botPercent: number; benchPercent: number };
  deliveries: DeliveryCheck;
  /** sendMessage calls the fake accepted in each second from the first request. */
  sentPerSecond: number[];
  target: { messagesPerSecond: number; met: boolean | null };
}

function botEnv(fake: FakeZalo, dbPath: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DB_PATH: dbPath,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    ZALO_BOT_TOKEN: TOKEN,
    ZALO_API_BASE: fake.baseUrl,
    ZALO_BOT_NAME: BOT_NAME,
    ZALO_WEBHOOK_URL: 'https://bot.example.vn/api/zalo/webhook',
    ZALO_WEBHOOK_SECRET: SECRET,
    [NOW_VARIABLE]: NOW.toISOString(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until every claimed update is handled and nothing moved for QUIET_MS. */
async function drain(db: Db, fake: FakeZalo, afterRowid: number): Promise<void> {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  let last = { claimed: -1, sent: -1 };
  let quietSince = performance.now();
  for (;;) {
    await sleep(5);
    const { claimed, unhandled } = countUnhandled(db, afterRowid);
    const now = performance.now();
    if (claimed !== last.claimed || fake.sent.length !== last.sent) {
      last = { claimed, sent: fake.sent.length };
      quietSince = now;
    }
    if (unhandled === 0 && now - quietSince >= QUIET_MS) return;
    if (now > deadline)
      throw new Error(`webhook: ${unhandled} updates unanswered after ${DRAIN_TIMEOUT_MS} ms`);
  }
}

/** Each user sends their registration; those it placed in a unit are approved, as an admin would. */
async function registerUsers(
  bot: BotProcess,
  fake: FakeZalo,
  db: Db,
  users: BenchZaloUser[],
): Promise<number> {
  await postAll(bot.url, SECRET, registrationUpdates(users), 25);
  await drain(db, fake, 0);
  let registered = 0;
  for (const user of users) {
    const found = findUser(db, 'zalo', user.id);
    if (!found || found.unitId === null) continue;
    approveUser(db, found.id, NOW);
    registered++;
  }
  return registered;
}

function httpFigures(result: Result, acknowledged: number): WebhookFigures['http'] {
  return {
    requestsPerSecond: result.requests.average,
    accepted: acknowledged,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
  };
}

interface Measured {
  load: LoadRun;
  watch: SentWatch;
  answeredAtLoadEnd: number;
  deliveries: DeliveryCheck;
  cpu: WebhookFigures['cpu'];
}

async function measure(
  bot: BotProcess,
  fake: FakeZalo,
  db: Db,
  options: WebhookOptions,
  next: () => OutgoingUpdate,
): Promise<Measured> {
  const afterRowid = lastClaimRowid(db);
  const callsBefore = fake.calls.length;
  const sentBefore = fake.sent.length;
  const cpuBefore = { bot: await bot.cpuMs(), bench: process.cpuUsage(), at: performance.now() };
  const watch = createSentWatch(fake);
  const load = await runLoad({
    url: bot.url,
    secret: SECRET,
    connections: options.connections,
    seconds: options.seconds,
    next,
  });
  const answeredAtLoadEnd = readClaims(db, afterRowid).filter((row) => row.handled).length;
  await drain(db, fake, afterRowid);
  watch.stop();
  const spanMs = performance.now() - cpuBefore.at;
  const bench = process.cpuUsage(cpuBefore.bench);
  const cpu = {
    botPercent: (((await bot.cpuMs()) - cpuBefore.bot) / spanMs) * 100,
    benchPercent: ((bench.user + bench.system) / 1000 / spanMs) * 100,
  };
  const deliveries = checkDeliveries({
    calls: fake.calls.slice(callsBefore),
    acceptedPieces: fake.sent.length - sentBefore,
    claims: readClaims(db, afterRowid),
    posted: load.posted,
    postedTwice: load.postedTwice,
    acknowledged: load.acknowledged,
  });
  return { load, watch, answeredAtLoadEnd, deliveries, cpu };
}

function toFigures(options: WebhookOptions, registered: number, m: Measured): WebhookFigures {
  const { load, watch, deliveries } = m;
  const lastReplyAt = watch.lastAt() ?? load.lastAnswerAt;
  const spanSeconds = (lastReplyAt - load.startedAt) / 1000;
  const repliesPerSecond = deliveries.replies / spanSeconds;
  return {
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    connections: options.connections,
    users: options.users,
    registered,
    http: httpFigures(load.result, load.acknowledged.size),
    endToEnd: {
      repliesPerSecond,
      answeredDuringLoadPerSecond: m.answeredAtLoadEnd / options.seconds,
      backlogAtLoadEnd: Math.max(0, deliveries.claimed - m.answeredAtLoadEnd),
      lastReplyAfterLastRequestMs: Math.max(0, lastReplyAt - load.lastAnswerAt),
      firstRequestToLastReplySeconds: spanSeconds,
    },
    cpu: m.cpu,
    deliveries,
    sentPerSecond: perSecond(watch.samples(), load.startedAt),
    target: {
      messagesPerSecond: WEBHOOK_TARGET.messagesPerSecond,
      met: options.quick ? null : repliesPerSecond >= WEBHOOK_TARGET.messagesPerSecond && deliveries.ok,
    },
  };
}

export async function benchWebhook(options: WebhookOptions): Promise<WebhookFigures> {
  const { log } = options;
  const fake = await createFakeZalo({ token: TOKEN });
  const dbPath = join(options.workDir, 'webhook.db');
  let bot: BotProcess | null = null;
  let db: Db | null = null;
  try {
    bot = await startBotProcess(botEnv(fake, dbPath), options.cpuProfDir);
    db = openDatabase(dbPath);
    const users = createUsers(options.users, options.seed);
    log(`Webhook: ${users.length} Zalo users register…`);
    const registered = await registerUsers(bot, fake, db, users);
    const next = createUpdateStream(users, {
      seed: options.seed,
      prefix: 'w',
      ...(options.questions ? { questions: options.questions } : {}),
    });
    log(`Webhook: warm-up (${options.warmupSeconds} s)…`);
    const warm = await runLoad({
      url: bot.url,
      secret: SECRET,
      connections: options.connections,
      seconds: options.warmupSeconds,
      next,
    });
    await drain(db, fake, 0);
    log(
      `Webhook: ${options.seconds} s of load, ${options.connections} connections (warm-up: ${warm.acknowledged.size} updates)…`,
    );
    const measured = await measure(bot, fake, db, options, next);
    return toFigures(options, registered, measured);
  } finally {
    await bot?.stop();
    db?.close();
    await fake.close();
  }
}
