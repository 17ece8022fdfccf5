import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { HEARTBEAT_MS } from '../../src/kb/instances-repo.ts';
import { createFakeZalo, type FakeZalo, privateUpdate } from '../support/fake-zalo.ts';
import { tempDir } from '../support/kb.ts';

/**
 * The lease's other transitions, in process (the real timings, no sleeps beyond a tick): an active server that
 * loses the lease steps down and takes it back when it is free; a stop that cannot finish in time is cut off at
 * its bound and says what it left.
 */
const TOKEN = '123456789:lifecycle-roles';
const CHAT = 'e4ea2cd5189df1c3a88c';
const DAY = () => new Date();

let fake: FakeZalo | null = null;
let bot: RunningBot | null = null;
const logs: Record<string, unknown>[] = [];

afterEach(async () => {
  await bot?.stop();
  bot = null;
  await fake?.close();
  fake = null;
  logs.length = 0;
});

const hello = (id: string) => privateUpdate(CHAT, id, 'hướng dẫn');

async function startPolling(dbPath: string, stopBoundMs?: number): Promise<RunningBot> {
  fake = await createFakeZalo({ token: TOKEN });
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DB_PATH: dbPath,
    ZALO_BOT_TOKEN: TOKEN,
    ZALO_API_BASE: fake.baseUrl,
  });
  bot = await startBot(config, { clock: DAY, logger, ...(stopBoundMs ? { stopBoundMs } : {}) });
  return bot;
}

const polls = () => fake?.calls.filter((c) => c.method === 'getUpdates').length ?? 0;

describe('changes of role', () => {
  it('an active server that loses the lease stops polling and its scheduler, and takes the lease back when free', async () => {
    const running = await startPolling(join(tempDir(), 'kb.db'));
    expect(running.role()).toBe('active');
    expect(running.scheduler).not.toBeNull();
    await expect.poll(polls).toBeGreaterThan(0);

    // Another server took the lease (this one was frozen past its expiry, say).
    const far = new Date(Date.now() + 3_600_000).toISOString();
    running.runtime.db.prepare("UPDATE leases SET holder = 'thief', expires_at = ?").run(far);
    await expect.poll(() => running.role(), { timeout: HEARTBEAT_MS + 2_000 }).toBe('standby');
    await expect.poll(() => running.scheduler, { timeout: 2_000 }).toBeNull();
    expect(logs.some((line) => line.role === 'standby' && line.level === 40)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the poll under way is aborted
    const pollsWhenStandby = polls();
    fake?.queueUpdate(hello('roles-0000000000001'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(polls()).toBe(pollsWhenStandby);
    expect(fake?.sent).toHaveLength(0);

    running.runtime.db.prepare('DELETE FROM leases').run();
    await expect.poll(() => running.role(), { timeout: HEARTBEAT_MS + 2_000 }).toBe('active');
    await expect.poll(() => fake?.sent.length, { timeout: 5_000 }).toBe(1);
    expect(running.scheduler).not.toBeNull();
  }, 30_000);

  it('a stop that cannot finish in time is cut off at its bound, says what it left, and frees the lease', async () => {
    const dbPath = join(tempDir(), 'kb.db');
    const running = await startPolling(dbPath, 500);
    const zalo = fake as FakeZalo;
    zalo.holdChat(CHAT); // the answer never gets through
    zalo.queueUpdate(hello('roles-0000000000002'));
    await expect
      .poll(() => zalo.calls.some((c) => c.method === 'sendMessage' && c.params.chat_id === CHAT))
      .toBe(true);
    const started = Date.now();
    await running.stop();
    bot = null;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(logs.find((line) => 'zaloUpdatesInHand' in line)).toMatchObject({ zaloUpdatesInHand: 1 });
    expect(logs.some((line) => line.finished === false)).toBe(true);

    const wal = `${dbPath}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const db = new Database(dbPath, { readonly: true });
    try {
      // Left for the next active server: unanswered, claimed by an instance marked stopped, lease free.
      const update = db.prepare('SELECT handled_at, claimed_by FROM inbound_updates').get();
      expect(update).toEqual({ handled_at: null, claimed_by: running.instanceId });
      expect(db.prepare('SELECT count(*) AS n FROM leases').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM instances WHERE stopped_at IS NULL').get()).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
  }, 30_000);
});
