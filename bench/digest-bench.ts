/**
 * Weekly digests at scale: 1,000 chats (700 Zalo groups, 300 Teams group chats) subscribed to units of the
 * generated corpus, then the Monday 08:00 pass as the scheduler runs it: planDigests builds every digest into the
 * outbox ("build"), drainOutbox sends them to the fake Zalo and Teams servers on loopback ("send"). What the fakes
 * received, and a counting undici dispatcher (Zalo sends in flight per chat), show the sending kept the limits.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { type Dispatcher, Agent as UndiciAgent } from 'undici';
import { drainOutbox } from '../adapters/outbox/drain.ts';
import { zaloDeliverer } from '../adapters/outbox/zalo-deliverer.ts';
import { teamsDeliverer } from '../adapters/teams/outbox-deliverer.ts';
import { createStandaloneTeamsSender } from '../adapters/teams/standalone-sender.ts';
import { createZaloClient, splitForZalo } from '../adapters/zalo/client.ts';
import { createKnowledgeCache, type Knowledge } from '../src/core/knowledge.ts';
import { collectDigest } from '../src/digest/collect.ts';
import { digestText } from '../src/digest/render-text.ts';
import type { Lexicon } from '../src/ingest/units/lexicon.ts';
import { saveConversationRef } from '../src/kb/conversation-refs-repo.ts';
import { type Db, openDatabase } from '../src/kb/open.ts';
import { outboxCounts } from '../src/kb/outbox-repo.ts';
import { listAllSubscriptions, type Subscription, subscribe } from '../src/kb/subscriptions-repo.ts';
import { ensureUser } from '../src/kb/users-repo.ts';
import { planDigests } from '../src/schedule/plan-digests.ts';
import { lastOccurrence, vnClock } from '../src/schedule/vn-time.ts';
import type { ChatLexicon } from '../src/vi/message.ts';
import { createFakeTeamsConnector, type FakeTeamsConnector } from '../test/support/fake-teams.ts';
import { createFakeZalo, type FakeZalo } from '../test/support/fake-zalo.ts';
import { type CorpusOptions, generateCorpus } from './generate-corpus.ts';
import { benchCorpus } from './import-bench.ts';

/** A Monday, 08:00 in Hanoi (the default schedule). The chats subscribed the Monday before. */
const NOW = new Date('2026-11-23T08:00:00+07:00');
const SUBSCRIBED = new Date('2026-11-16T10:00:00+07:00');
const TOKEN = '1234567890:bench-digest';
const TENANT = 't';
/** Teams' documented limits (adapters/teams/rate-limit.ts), checked on what the fake connector received. */
const TEAMS_PER_CONVERSATION_PER_S = 7;
const TEAMS_PER_TENANT_PER_S = 50;

export interface DigestOptions {
  dbPath: string;
  corpusTasks: number;
  groups: { zalo: number; teams: number };
  lexicon: Lexicon;
  chat: ChatLexicon;
  log: Log;
}

type Log = (line: string) => void;

export type DigestFigures = Awaited<ReturnType<typeof benchDigests>>;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value]);
const seconds = (from: number, to = performance.now()) => (to - from) / 1000;
function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  return [run(), performance.now() - started];
}

/** For --digest-only: the corpus generated and imported as the corpus phase does it. */
export async function importCorpus(dir: string, corpus: CorpusOptions, lexicon: Lexicon, log: Log) {
  const corpusDir = join(dir, 'corpus');
  log(`Generating ${corpus.files} plan files…`);
  generateCorpus(corpusDir, corpus);
  log('Importing the corpus…');
  const dbPath = join(dir, 'corpus.db');
  const db = openDatabase(dbPath);
  const imported = benchCorpus(corpusDir, { db, dbPath, lexicon, progress: log });
  const { tasks } = await imported.finally(() => db.close());
  return { dbPath, tasks };
}

/** Non-collective units round-robin over the provinces (a unit's root), so chats share a unit only when units run out. */
function pickUnits(k: Knowledge, count: number): number[] {
  const byProvince = new Map<number, number[]>();
  for (const u of k.tree.all())
    if (u.kind !== 'collective') push(byProvince, k.tree.lineage(u.id).at(-1)?.id ?? u.id, u.id);
  const lists = [...byProvince.values()];
  const order: number[] = [];
  for (let i = 0; order.length < Math.min(count, lists.flat().length); i++)
    for (const list of lists) if (list[i] !== undefined) order.push(list[i] as number);
  if (order.length === 0) throw new Error('digest bench: the corpus has no units');
  return Array.from({ length: count }, (_, i) => order[i % order.length] as number);
}

/** 700 Zalo groups (20 hex digits) and 300 Teams group chats with a stored reference, one unit each. */
function subscribeChats(db: Db, units: number[], zaloGroups: number, serviceUrl: string): void {
  const admin = ensureUser(db, 'zalo', 'bench-digest-admin', SUBSCRIBED);
  db.transaction(() => {
    for (const [i, unitId] of units.entries()) {
      if (i < zaloGroups) {
        const chatId = createHash('sha1').update(`zalo-group-${i}`).digest('hex').slice(0, 20);
        subscribe(db, { channel: 'zalo', chatId, unitId }, admin.id, SUBSCRIBED);
        continue;
      }
      const id = `19:bench${i}@thread.v2`;
      const conversation = { id, isGroup: true, conversationType: 'groupChat', tenantId: TENANT };
      const bot = { id: '28:bot', name: 'Bot' };
      const reference = { channelId: 'msteams', serviceUrl, conversation, bot, user: { id: '29:u' } };
      const ref = { channel: 'teams', conversationId: id, kind: 'groupChat', reference, tenantId: TENANT };
      saveConversationRef(db, ref, SUBSCRIBED);
      subscribe(db, { channel: 'teams', chatId: id, unitId }, admin.id, SUBSCRIBED);
    }
  })();
}

/** Zalo sends in flight per chat, counted from undici's dispatch to the response's end. */
function countingDispatcher() {
  const inFlight = new Map<string, number>();
  const seen = { maxPerChat: 0, total: 0, max: 0, firstStart: 0, lastEnd: 0 };
  const interceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    const chat = typeof opts.body === 'string' ? /"chat_id":"([^"]+)"/.exec(opts.body)?.[1] : undefined;
    if (chat === undefined) return dispatch(opts, handler);
    const n = (inFlight.get(chat) ?? 0) + 1;
    inFlight.set(chat, n);
    seen.maxPerChat = Math.max(seen.maxPerChat, n);
    seen.max = Math.max(seen.max, ++seen.total);
    seen.firstStart ||= performance.now();
    // undici calls exactly one of onResponseEnd and onResponseError per request.
    const end = () => {
      inFlight.set(chat, (inFlight.get(chat) ?? 1) - 1);
      seen.total--;
      seen.lastEnd = performance.now();
    };
    // A proxy, not a copy: the handler undici passes may keep private fields, so its methods run on itself.
    const watched = new Proxy(handler, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key === 'onResponseEnd' || key === 'onResponseError') end();
          return value.apply(target, args);
        };
      },
    });
    return dispatch(opts, watched);
  };
  const agent = new UndiciAgent({ keepAliveTimeout: 30_000, connections: 256 });
  return { agent, dispatcher: agent.compose(interceptor), seen };
}

export async function benchDigests(options: DigestOptions) {
  const db = openDatabase(options.dbPath);
  const zaloFake = await createFakeZalo({ token: TOKEN });
  const teamsFake = await createFakeTeamsConnector();
  const { agent, dispatcher, seen } = countingDispatcher();
  const zaloClient = createZaloClient({ token: TOKEN, baseUrl: zaloFake.baseUrl, dispatcher });
  const logger = pino({ level: 'silent' });
  const clock = () => NOW;
  const sender = createStandaloneTeamsSender({ db, logger, clock });
  const drain = () =>
    drainOutbox({ db, deliverers: [zaloDeliverer(zaloClient), teamsDeliverer(sender)], logger, clock });
  try {
    // The server keeps its knowledge cache warm between passes: built here, outside the timed build.
    const [k, knowledgeMs] = timed(() => createKnowledgeCache(db, options.lexicon, options.chat)());
    const total = options.groups.zalo + options.groups.teams;
    const units = pickUnits(k, total);
    subscribeChats(db, units, options.groups.zalo, teamsFake.serviceUrl);
    options.log(`Digests: ${total} chats subscribed; build (planDigests)…`);
    const [digests, buildMs] = timed(() => planDigests({ db, k }, NOW));
    options.log(`Digests: send ${digests} (drainOutbox)…`);
    const started = performance.now();
    const drained = await drain();
    const sendSeconds = seconds(started);
    const outbox = outboxCounts(db);
    // The same pass once more (the next scheduler tick): the outbox keys must stop every repeat.
    const again = { planned: planDigests({ db, k }, NOW), sent: (await drain()).sent };
    const zalo = zaloEvidence(db, zaloFake.sent, seen);
    const teams = teamsEvidence(teamsFake);
    const organisations = units.filter((id) => k.tree.get(id)?.kind === 'organisation').length;
    return {
      corpusTasks: options.corpusTasks,
      groups: { ...options.groups, units: new Set(units).size, organisations },
      knowledgeMs,
      build: { seconds: buildMs / 1000, digests, perDigest: perDigest(options, db) },
      send: {
        ...drained,
        seconds: sendSeconds,
        /** Seconds into the send of the first and the last request each platform saw. */
        zaloSpan: [seconds(started, seen.firstStart), seconds(started, seen.lastEnd)],
        teamsSpan: [seconds(started, teams.firstReceived), seconds(started, teams.lastReceived)],
        zaloPieces: zaloFake.sent.length,
        teamsActivities: teamsFake.posted.length,
      },
      outbox,
      again,
      zalo,
      teams,
      checks: {
        allSent: outbox.sent === total && drained.sent === total,
        noneTwice: zalo.exactChats + teams.onceChats === total && again.planned + again.sent === 0,
        zaloOneInFlight: seen.maxPerChat === 1,
        teamsConversation: teams.maxPerConversationPerS <= TEAMS_PER_CONVERSATION_PER_S,
        teamsTenant: teams.maxPerTenantPerS <= TEAMS_PER_TENANT_PER_S,
      },
    };
  } finally {
    await zaloClient.close();
    await agent.close();
    await Promise.all([zaloFake.close(), teamsFake.close()]);
    db.close();
  }
}

/** Each group must have received exactly the pieces of its one digest, in order, and nothing else. */
function zaloEvidence(db: Db, sent: FakeZalo['sent'], seen: { maxPerChat: number; max: number }) {
  const got = new Map<string, string[]>();
  for (const s of sent) push(got, s.chat_id, s.text);
  const rows = db
    .prepare("SELECT chat_id AS chatId, payload FROM outbox WHERE channel = 'zalo' AND kind = 'digest'")
    .all() as { chatId: string; payload: string }[];
  const want = new Map<string, string[]>();
  for (const r of rows) for (const t of splitForZalo(JSON.parse(r.payload).text)) push(want, r.chatId, t);
  const same = ([chat, texts]: [string, string[]]) => JSON.stringify(got.get(chat)) === JSON.stringify(texts);
  return {
    exactChats: [...want].filter(same).length,
    maxPiecesPerChat: Math.max(0, ...[...got.values()].map((p) => p.length)),
    maxInFlightPerChat: seen.maxPerChat,
    maxInFlight: seen.max,
  };
}

/** The most timestamps in any window [t, t + 1 s) (a few hundred: counting each window is fast enough). */
function maxPerSecond(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  return Math.max(0, ...t.map((start, i) => t.filter((x, j) => j >= i && x < start + 1000).length));
}

/** Rates as Teams would count them: by arrival at the connector, per conversation and for the one tenant. */
function teamsEvidence(fake: FakeTeamsConnector) {
  const sends = fake.calls.filter((c) => c.method === 'POST' && c.conversationId !== null);
  const byConversation = new Map<string, number[]>();
  for (const c of sends) push(byConversation, c.conversationId ?? '', c.received);
  const posted = new Map<string, number[]>();
  for (const p of fake.posted) push(posted, p.conversationId, p.at);
  const times = sends.map((c) => c.received);
  return {
    onceChats: [...posted.values()].filter((p) => p.length === 1).length,
    maxPerConversationPerS: Math.max(0, ...[...byConversation.values()].map(maxPerSecond)),
    maxPerTenantPerS: maxPerSecond(times),
    firstReceived: Math.min(...times),
    lastReceived: Math.max(...times),
  };
}

/** Per-digest cost: what planDigests does for each subscription, replayed one by one on a fresh knowledge cache. */
function perDigest(options: DigestOptions, db: Db) {
  const k = createKnowledgeCache(db, options.lexicon, options.chat)();
  const build = (sub: Subscription) => {
    const due = lastOccurrence(NOW, sub.weekday, sub.time);
    const digest = collectDigest({ db, k }, sub.unitId, vnClock(due).date, due);
    return digest ? digestText(digest) : null;
  };
  const sorted = listAllSubscriptions(db).map((sub) => timed(() => build(sub))[1]);
  sorted.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const meanMs = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return { samples: sorted.length, meanMs, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? 0 };
}

export function formatDigests(d: DigestFigures): string {
  const int = (v: number) => Math.round(v).toLocaleString('en-US');
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const s = (v: number | undefined) => `${(v ?? 0).toFixed(2)} s`;
  const mark = (ok: boolean) => (ok ? '✔' : '✘');
  const span = ([from, to]: number[]) => `${s(from)} – ${s(to)}`;
  const { groups, build, send, zalo, teams, checks } = d;
  const p = build.perDigest;
  const units = `${int(groups.units)} distinct units, ${int(groups.organisations)} organisations`;
  const each = ms((build.seconds * 1000) / Math.max(1, build.digests));
  const once = `Zalo ${zalo.exactChats} exact, Teams ${teams.onceChats} once`;
  const outbox = Object.entries(d.outbox).filter(([, n]) => n > 0);
  const rows: [string, string][] = [
    ['groups (Zalo / Teams)', `${int(groups.zalo)} / ${int(groups.teams)} (${units})`],
    ['knowledge cache (built before)', ms(d.knowledgeMs)],
    ['digests built (planDigests)', `${int(build.digests)} in ${s(build.seconds)}, ${each} a digest`],
    ['a digest p50 / p99 / max (replay)', `${ms(p.p50Ms)} / ${ms(p.p99Ms)} / ${ms(p.maxMs)}`],
    ['send (drainOutbox)', s(send.seconds)],
    ['  first – last send', `Zalo ${span(send.zaloSpan)}, Teams ${span(send.teamsSpan)}`],
    ['messages (Zalo pieces / Teams)', `${int(send.zaloPieces)} / ${int(send.teamsActivities)}`],
    ['outbox after the run', outbox.map(([k, n]) => `${k} ${int(n)}`).join(', ') || 'empty'],
    ['all sent', `${int(d.outbox.sent)} of ${int(groups.zalo + groups.teams)} ${mark(checks.allSent)}`],
    ['no chat got two digests', `${once} ${mark(checks.noneTwice)}`],
    ['  same pass again', `${d.again.planned} planned, ${d.again.sent} sent`],
    ['Zalo: in flight to one chat (max)', `${zalo.maxInFlightPerChat} ${mark(checks.zaloOneInFlight)}`],
    ['  in flight, all chats / pieces a chat', `${zalo.maxInFlight} / max ${zalo.maxPiecesPerChat}`],
    ['Teams: one conversation, any 1 s', `${teams.maxPerConversationPerS} ${mark(checks.teamsConversation)}`],
    ['Teams: the tenant, any 1 s', `${teams.maxPerTenantPerS} ${mark(checks.teamsTenant)}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    `Weekly digests, Monday 08:00 pass (${int(d.corpusTasks)}-task corpus; fake Zalo and Teams on 127.0.0.1)`,
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    `  (Teams limits: ${TEAMS_PER_CONVERSATION_PER_S}/s a conversation, ${TEAMS_PER_TENANT_PER_S}/s a tenant, counted on arrival)`,
  ].join('\n');
}
