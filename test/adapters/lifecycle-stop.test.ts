import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeZalo, type FakeZalo, privateUpdate } from '../support/fake-zalo.ts';
import { tempDir } from '../support/kb.ts';
import {
  groupAlive,
  killAllServers,
  portClosed,
  type ServerProcess,
  spawnServer,
} from '../support/server-process.ts';

/**
 * Clean stops over real processes: the server started as production starts it (`npm start`, or node itself),
 * polling a fake Zalo, is signalled while an answer is on its way out. It must finish that answer, leave no
 * process and no open port behind, and fold the WAL into the database file.
 */
const TOKEN = '123456789:lifecycle-stop';
const CHAT = 'e4ea2cd5189df1c3a88c';
let fake: FakeZalo | null = null;

afterEach(async () => {
  await killAllServers();
  await fake?.close();
  fake = null;
});

const hello = (id: string) => privateUpdate(CHAT, id, 'hướng dẫn');

async function startPolling(how: 'npm' | 'node'): Promise<{ server: ServerProcess; dbPath: string }> {
  fake = await createFakeZalo({ token: TOKEN });
  const dbPath = join(tempDir(), 'kb.db');
  const server = await spawnServer(how, {
    DB_PATH: dbPath,
    ZALO_BOT_TOKEN: TOKEN,
    ZALO_API_BASE: fake.baseUrl,
  });
  return { server, dbPath };
}

/** An update arrives and its answer is held at Zalo: the server has it in hand. */
async function updateInHand(zalo: FakeZalo, id: string): Promise<{ release(): void }> {
  const held = zalo.holdChat(CHAT);
  zalo.queueUpdate(hello(id));
  await expect
    .poll(() => zalo.calls.some((c) => c.method === 'sendMessage' && c.params.chat_id === CHAT), {
      timeout: 10_000,
    })
    .toBe(true);
  return held;
}

async function expectStoppedCleanly(server: ServerProcess, dbPath: string, id: string): Promise<void> {
  const exit = await Promise.race([
    server.exited,
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
  ]);
  expect(exit).toEqual({ code: 0, signal: null });
  expect(groupAlive(server.pid)).toBe(false);
  expect(await portClosed(server.port)).toBe(true);
  const wal = `${dbPath}-wal`;
  expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  expect(server.logs.some((line) => line.finished === true)).toBe(true);
  // The update in hand was answered, once, and recorded as answered; the instance left the lease.
  expect(fake?.sent.filter((s) => s.chat_id === CHAT)).toHaveLength(1);
  const db = new Database(dbPath, { readonly: true });
  try {
    const update = db.prepare('SELECT handled_at FROM inbound_updates WHERE message_id = ?').get(id);
    expect(update).toMatchObject({ handled_at: expect.any(String) });
    expect(db.prepare('SELECT count(*) AS n FROM leases').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM instances WHERE stopped_at IS NULL').get()).toEqual({
      n: 0,
    });
  } finally {
    db.close();
  }
}

describe('a clean stop', () => {
  it('SIGTERM to the `npm start` process: the answer in hand goes out, nothing is left behind', async () => {
    const { server, dbPath } = await startPolling('npm');
    const held = await updateInHand(fake as FakeZalo, 'stop-npm-0000000001');
    process.kill(server.pid, 'SIGTERM');
    setTimeout(() => held.release(), 300);
    await expectStoppedCleanly(server, dbPath, 'stop-npm-0000000001');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to the node process itself: the same clean stop',
    async (signal) => {
      const { server, dbPath } = await startPolling('node');
      const held = await updateInHand(fake as FakeZalo, `stop-${signal}-000000001`);
      process.kill(server.pid, signal);
      setTimeout(() => held.release(), 300);
      await expectStoppedCleanly(server, dbPath, `stop-${signal}-000000001`);
    },
  );

  it('Ctrl-C in a terminal (SIGINT to npm and node at once, npm passing it on): one clean stop', async () => {
    const { server, dbPath } = await startPolling('npm');
    const held = await updateInHand(fake as FakeZalo, 'stop-ctrlc-00000001');
    process.kill(-server.pid, 'SIGINT');
    setTimeout(() => held.release(), 300);
    await expectStoppedCleanly(server, dbPath, 'stop-ctrlc-00000001');
  });

  it('a second signal during the stop ends the process at once; the update is answered at the next start', async () => {
    const { server, dbPath } = await startPolling('node');
    const held = await updateInHand(fake as FakeZalo, 'stop-twice-00000001');
    process.kill(server.pid, 'SIGTERM');
    await server.waitForLog((line) => line.signal === 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');
    const exit = await server.exited;
    expect(Date.now() - signalled).toBeLessThan(3_000);
    expect(exit.code).not.toBe(0);
    expect(groupAlive(server.pid)).toBe(false);

    // The forced exit left the update unanswered as far as the database knows. The dead process's held send is
    // let through and set aside; the next server answers the update (at least once, never lost).
    const zalo = fake as FakeZalo;
    zalo.sent.length = 0;
    held.release();
    await expect.poll(() => zalo.sent.length).toBe(1);
    zalo.sent.length = 0;
    const next = await spawnServer('node', {
      DB_PATH: dbPath,
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_BASE: zalo.baseUrl,
    });
    await expect.poll(() => zalo.sent.filter((s) => s.chat_id === CHAT).length, { timeout: 15_000 }).toBe(1);
    process.kill(next.pid, 'SIGTERM');
    expect((await next.exited).code).toBe(0);
  });
});
