import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/compose/runtime.ts';
import { findUnitByNames } from '../../src/core/directory.ts';
import { claimUpdate } from '../../src/kb/inbound-repo.ts';
import {
  ACTIVE_LEASE,
  acquireLease,
  HEARTBEAT_MS,
  heartbeat,
  registerInstance,
} from '../../src/kb/instances-repo.ts';
import { type Db, openDatabase } from '../../src/kb/open.ts';
import { subscribe } from '../../src/kb/subscriptions-repo.ts';
import { ensureUser } from '../../src/kb/users-repo.ts';
import { createFakeZalo, type FakeZalo, privateUpdate } from '../support/fake-zalo.ts';
import { tempDir } from '../support/kb.ts';
import {
  type CountingProxy,
  countingProxy,
  healthz,
  killAllServers,
  spawnServer,
} from '../support/server-process.ts';

/**
 * Two servers on one database, as real processes on the real lease timings: one runs the Zalo poller and the
 * scheduler, the other stands by (HTTP only) and takes over when the first dies. Each server reaches the fake
 * Zalo through its own counting proxy, so the test sees which one polls and sends.
 */
const TOKEN = '123456789:lifecycle-standby';
const CHAT = 'e4ea2cd5189df1c3a88c';
const GROUP_A = 'aaaa0000aaaa0000aaaa';
const GROUP_C = 'cccc2222cccc2222cccc';
/** Long before any digest time: a subscription made then has a digest due now (the latest Monday 08:00). */
const LONG_AGO = new Date('2020-01-06T00:00:00Z');

let fake: FakeZalo | null = null;
const proxies: CountingProxy[] = [];
const open: Db[] = [];
const timers: NodeJS.Timeout[] = [];

afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  await killAllServers();
  for (const proxy of proxies.splice(0)) await proxy.close();
  for (const db of open.splice(0)) db.close();
  await fake?.close();
  fake = null;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const hello = (id: string) => privateUpdate(CHAT, id, 'hướng dẫn');

/** A seeded database; the unit the digests are for. */
async function seededDatabase(): Promise<{ dbPath: string; db: Db; unitId: number; adminId: number }> {
  const dbPath = join(tempDir(), 'kb.db');
  const runtime = await createRuntime(dbPath);
  const unit = findUnitByNames(runtime.knowledge(), 'Sở Nội vụ', 'Phòng Công chức, viên chức');
  const admin = ensureUser(runtime.db, 'zalo', CHAT, LONG_AGO);
  runtime.db.close();
  const db = openDatabase(dbPath);
  open.push(db);
  return { dbPath, db, unitId: unit?.id ?? -1, adminId: admin.id };
}

const serverEnv = (dbPath: string, zaloBase: string) => ({
  DB_PATH: dbPath,
  ZALO_BOT_TOKEN: TOKEN,
  ZALO_API_BASE: zaloBase,
});

const outboxStatus = (db: Db, chatId: string) =>
  (db.prepare('SELECT status FROM outbox WHERE chat_id = ?').get(chatId) as { status: string } | undefined)
    ?.status;

const sentTo = (chatId: string) => fake?.sent.filter((s) => s.chat_id === chatId).length ?? 0;

async function proxy(zalo: FakeZalo): Promise<CountingProxy> {
  const created = await countingProxy(zalo.baseUrl);
  proxies.push(created);
  return created;
}

describe('one active instance per database', () => {
  it('the second server stands by; kill -9 of the first and the second takes over its duties', async () => {
    const zalo = await createFakeZalo({ token: TOKEN });
    fake = zalo;
    const { dbPath, db, unitId, adminId } = await seededDatabase();
    subscribe(db, { channel: 'zalo', chatId: GROUP_A, unitId }, adminId, LONG_AGO);
    zalo.holdChat(GROUP_A); // the first server's digest stays on its way out
    const [viaFirst, viaSecond] = [await proxy(zalo), await proxy(zalo)];

    const first = await spawnServer('node', serverEnv(dbPath, viaFirst.baseUrl));
    expect(await healthz(first.url)).toMatchObject({ ok: true, role: 'active' });
    await expect.poll(() => outboxStatus(db, GROUP_A), { timeout: 10_000 }).toBe('sending');
    const second = await spawnServer('node', serverEnv(dbPath, viaSecond.baseUrl));
    const standby = await healthz(second.url);
    expect(standby).toMatchObject({ ok: true, role: 'standby' });
    expect(standby.instance).not.toBe((await healthz(first.url)).instance);
    expect(second.logs.some((line) => line.role === 'standby')).toBe(true);

    zalo.queueUpdate(hello('standby-00000000001'));
    await expect.poll(() => sentTo(CHAT), { timeout: 10_000 }).toBe(1);
    await sleep(HEARTBEAT_MS + 1_000); // a few lease checks of the standby
    expect(viaFirst.count('getUpdates')).toBeGreaterThan(0);
    expect([viaSecond.count('getUpdates'), viaSecond.count('sendMessage')]).toEqual([0, 0]);
    // The standby left the active server's send in flight alone.
    expect(outboxStatus(db, GROUP_A)).toBe('sending');

    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    subscribe(db, { channel: 'zalo', chatId: GROUP_C, unitId }, adminId, LONG_AGO);
    await expect
      .poll(async () => (await healthz(second.url)).role, { timeout: 30_000, interval: 200 })
      .toBe('active');
    const takeoverMs = Date.now() - killedAt;
    console.info(`lifecycle: standby active ${takeoverMs} ms after kill -9 of the active server (same host)`);
    expect(takeoverMs).toBeLessThan(30_000);

    // Its duties now run: the cut-off send is settled (never repeated), digests go out through it, it polls.
    await expect.poll(() => outboxStatus(db, GROUP_A), { timeout: 10_000 }).toBe('unknown');
    // The digest's first pass runs at once on becoming active, or at the next minute tick (a digest may be
    // sent in pieces, hence "some").
    await expect.poll(() => sentTo(GROUP_C), { timeout: 70_000 }).toBeGreaterThan(0);
    const sentBySecond = viaSecond.count('sendMessage');
    expect(sentBySecond).toBeGreaterThan(0);
    zalo.queueUpdate(hello('standby-00000000002'));
    await expect.poll(() => sentTo(CHAT), { timeout: 10_000 }).toBe(2);
    expect(viaSecond.count('getUpdates')).toBeGreaterThan(0);
    expect(viaSecond.count('sendMessage')).toBe(sentBySecond + 1);
  }, 120_000);

  it('a holder elsewhere that stops renewing is replaced within 30 s; its unanswered update is answered once', async () => {
    const zalo = await createFakeZalo({ token: TOKEN });
    fake = zalo;
    const { dbPath, db } = await seededDatabase();
    // Another machine holds the lease and has an update in hand; it beats like a live server would.
    const other = { id: 'elsewhere-instance', pid: 4242, host: 'another-machine' };
    registerInstance(db, other, new Date());
    claimUpdate(
      db,
      'zalo',
      CHAT,
      'orphan-000000000001',
      JSON.stringify(hello('orphan-000000000001')),
      new Date(),
      other.id,
    );
    let lastRenewal = Date.now();
    const renew = () => {
      lastRenewal = Date.now();
      heartbeat(db, other.id, new Date(lastRenewal));
      acquireLease(db, ACTIVE_LEASE, other.id, new Date(lastRenewal));
    };
    renew();
    timers.push(setInterval(renew, HEARTBEAT_MS));

    const server = await spawnServer('node', serverEnv(dbPath, zalo.baseUrl));
    expect(await healthz(server.url)).toMatchObject({ role: 'standby' });
    await sleep(HEARTBEAT_MS + 1_000);
    // While the holder lives, the standby neither polls nor answers what the holder has in hand.
    expect(zalo.calls.some((c) => c.method === 'getUpdates')).toBe(false);
    expect(sentTo(CHAT)).toBe(0);

    clearInterval(timers.pop());
    await expect
      .poll(async () => (await healthz(server.url)).role, { timeout: 35_000, interval: 200 })
      .toBe('active');
    const takeoverMs = Date.now() - lastRenewal;
    console.info(`lifecycle: standby active ${takeoverMs} ms after the holder's last renewal (lease expiry)`);
    expect(takeoverMs).toBeLessThan(30_000);
    await expect.poll(() => sentTo(CHAT), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => zalo.calls.some((c) => c.method === 'getUpdates'), { timeout: 10_000 })
      .toBe(true);
    await sleep(1_000);
    expect(sentTo(CHAT)).toBe(1);
  }, 90_000);
});
