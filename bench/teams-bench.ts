/**
 * Teams throughput, end to end: the real bot server in its own process (authentication off, as for local tests)
 * and a local fake of the Bot Framework connector on loopback. Teams gets its reply during the turn, before the
 * HTTP 200, so each request's latency is the whole round trip: activity in, core, reply posted to the connector.
 * A few hundred staff register first (and are approved); then autocannon posts distinct activities for a fixed
 * time. Every accepted activity must have exactly one reply (its id is the reply's replyToId).
 */
import { join } from 'node:path';
import autocannon, { type RawRequest, type RequestContext, type Result } from 'autocannon';
import { openDatabase } from '../src/kb/open.ts';
import { approveUser, findUser } from '../src/kb/users-repo.ts';
import { createFakeTeamsConnector, type FakeTeamsConnector } from '../test/support/fake-teams.ts';
import { message, type Person } from '../test/support/teams-activities.ts';
import { createPrng } from './corpus/prng.ts';
import type { WebhookOptions } from './webhook-bench.ts';
import { type BotProcess, NOW_VARIABLE, startBotProcess } from './webhook-process.ts';
import { createUsers, questionPicker } from './webhook-traffic.ts';

const NOW = new Date('2026-11-22T09:00:00+07:00');
const PATH = '/api/messages';
/** One in this many questions is a channel post that @mentions the bot. */
const CHANNEL_EVERY = 20;

/** The webhook benchmark's load options, without what only Zalo's run uses. */
export type TeamsOptions = Omit<WebhookOptions, 'quick' | 'cpuProfDir' | 'questions'>;

export interface TeamsFigures {
  seconds: number;
  connections: number;
  users: number;
  registered: number;
  requestsPerSecond: number;
  accepted: number;
  non2xx: number;
  errors: number;
  latency: { p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number };
  repliesPerSecond: number;
  cards: number;
  lost: number;
  doubled: number;
  cpu: { botPercent: number };
}

interface Load {
  accepted: Set<string>;
  result: Result;
}

async function load(url: string, connections: number, seconds: number, next: () => object & { id: string }) {
  const accepted = new Set<string>();
  const setupRequest = (request: RawRequest, context: RequestContext): RawRequest => {
    const activity = next();
    context.activityId = activity.id;
    return { ...request, body: JSON.stringify(activity) };
  };
  const onResponse = (status: number, _body: string, context: RequestContext) => {
    if (status === 200 && typeof context.activityId === 'string') accepted.add(context.activityId);
  };
  const result = await autocannon({
    url: `${url}${PATH}`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest, onResponse }],
  });
  return { accepted, result } satisfies Load;
}

function persons(count: number, seed: number): (Person & { registration: string })[] {
  return createUsers(count, seed).map((u, i) => ({
    fromId: `29:bench-${u.id}`,
    aadObjectId: `6f1c2b9e-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    name: u.displayName,
    registration: u.registration,
  }));
}

async function register(bot: BotProcess, fake: FakeTeamsConnector, people: ReturnType<typeof persons>) {
  for (const person of people) {
    const response = await fetch(`${bot.url}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(fake.serviceUrl, person.registration, { person })),
    });
    if (response.status !== 200) throw new Error(`teams: registration answered ${response.status}`);
  }
}

/** Replies per accepted activity id, from what the fake connector received. */
function check(fake: FakeTeamsConnector, accepted: Set<string>) {
  const replies = new Map<string, number>();
  let cards = 0;
  for (const p of fake.posted) {
    const to = String(p.activity.replyToId ?? '');
    replies.set(to, (replies.get(to) ?? 0) + 1);
    if (Array.isArray(p.activity.attachments)) cards++;
  }
  let lost = 0;
  let doubled = 0;
  for (const id of accepted) {
    const n = replies.get(id) ?? 0;
    if (n === 0) lost++;
    if (n > 1) doubled += n - 1;
  }
  return { lost, doubled, cards, replies: [...accepted].filter((id) => replies.has(id)).length };
}

export async function benchTeams(options: TeamsOptions): Promise<TeamsFigures> {
  const fake = await createFakeTeamsConnector();
  const dbPath = join(options.workDir, 'teams.db');
  let bot: BotProcess | null = null;
  try {
    bot = await startBotProcess(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DB_PATH: dbPath,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'development',
        [NOW_VARIABLE]: NOW.toISOString(),
      },
      null,
    );
    const db = openDatabase(dbPath);
    const people = persons(options.users, options.seed);
    options.log(`Teams: ${people.length} people register…`);
    await register(bot, fake, people);
    let registered = 0;
    for (const person of people) {
      const user = findUser(db, 'teams', person.aadObjectId);
      if (!user || user.unitId === null) continue;
      approveUser(db, user.id, NOW);
      registered++;
    }
    db.close();
    const rng = createPrng(options.seed);
    const question = questionPicker(rng);
    let n = 0;
    const next = () =>
      message(fake.serviceUrl, question(), {
        person: rng.pick(people),
        kind: ++n % CHANNEL_EVERY === 0 ? 'channel' : 'personal',
        id: `bench-${n}`,
      });
    options.log(`Teams: warm-up (${options.warmupSeconds} s)…`);
    await load(bot.url, options.connections, options.warmupSeconds, next);
    fake.reset();
    options.log(`Teams: ${options.seconds} s of load, ${options.connections} connections…`);
    const cpuBefore = await bot.cpuMs();
    const started = performance.now();
    const { accepted, result } = await load(bot.url, options.connections, options.seconds, next);
    const spanMs = performance.now() - started;
    const botPercent = (((await bot.cpuMs()) - cpuBefore) / spanMs) * 100;
    const checked = check(fake, accepted);
    return {
      seconds: options.seconds,
      connections: options.connections,
      users: people.length,
      registered,
      requestsPerSecond: result.requests.average,
      accepted: accepted.size,
      non2xx: result.non2xx,
      errors: result.errors,
      latency: {
        p50Ms: result.latency.p50,
        p90Ms: result.latency.p90,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
      },
      repliesPerSecond: checked.replies / (spanMs / 1000),
      cards: checked.cards,
      lost: checked.lost,
      doubled: checked.doubled,
      cpu: { botPercent },
    };
  } finally {
    await bot?.stop();
    await fake.close();
  }
}

export function formatTeams(t: TeamsFigures): string {
  const int = (v: number) => Math.round(v).toLocaleString('en-US');
  const rows: [string, string][] = [
    ['people (registered, approved)', `${t.users} (${t.registered})`],
    ['load', `${t.seconds} s, ${t.connections} connections, after warm-up`],
    ['activities/s answered (accepted)', `${int(t.repliesPerSecond)} (${int(t.accepted)} × 200)`],
    ['non-2xx / errors', `${t.non2xx} / ${t.errors}`],
    [
      'latency p50 / p90 / p99 / max',
      `${t.latency.p50Ms} ms / ${t.latency.p90Ms} ms / ${t.latency.p99Ms} ms / ${t.latency.maxMs} ms`,
    ],
    ['replies as Adaptive Cards', int(t.cards)],
    ['lost / doubled', `${t.lost} / ${t.doubled} ${t.lost === 0 && t.doubled === 0 ? '✔' : '✘'}`],
    ['CPU of the bot, % of one core', `${int(t.cpu.botPercent)} %`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    'Teams end to end (bot server + fake Bot Framework connector on 127.0.0.1, shipped plans; latency includes the reply)',
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
  ].join('\n');
}
