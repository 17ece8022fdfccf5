import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DailyBackups, startDailyBackups } from '../../adapters/backups.ts';
import type { Db } from '../../src/kb/open.ts';
import { tempDb, tempDir } from '../support/kb.ts';

/** The server's daily backups (adapters/backups.ts) on an injected clock: one a day, the newest N kept. */
function fakeLogger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

let running: { backups: DailyBackups; db: Db } | null = null;
afterEach(async () => {
  await running?.backups.stop();
  running?.db.close();
  running = null;
});

function start(dir: string, keep: number, clock: () => Date, logger = fakeLogger()) {
  const { db } = tempDb();
  const backups = startDailyBackups({
    db,
    dir,
    keep,
    clock,
    logger: logger as unknown as Logger,
    checkEveryMs: 3_600_000,
  });
  running = { backups, db };
  return { logger, backups };
}

describe('daily backups', () => {
  it('writes one backup per Vietnamese calendar day and keeps only the newest N', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ghi-chu.txt'), 'not ours: never pruned');
    // 23:30 in Hà Nội on 1 March (16:30 UTC).
    let now = new Date('2026-03-01T16:30:00Z');
    const { backups, logger } = start(dir, 3, () => now);
    expect(await backups.runDue()).toBe(join(dir, 'kb-2026-03-01.db')); // caught up at start
    expect(await backups.runDue()).toBeNull(); // once a day
    now = new Date('2026-03-01T17:05:00Z'); // 00:05 on 2 March in Hà Nội, still 1 March in UTC
    expect(await backups.runDue()).toBe(join(dir, 'kb-2026-03-02.db'));
    // The server was down three days: one backup when it comes back, not one per missed day.
    now = new Date('2026-03-05T02:00:00Z');
    expect(await backups.runDue()).toBe(join(dir, 'kb-2026-03-05.db'));
    for (const day of ['06', '07']) {
      now = new Date(`2026-03-${day}T02:00:00Z`);
      await backups.runDue();
    }
    expect(readdirSync(dir).sort()).toEqual([
      'ghi-chu.txt',
      'kb-2026-03-05.db',
      'kb-2026-03-06.db',
      'kb-2026-03-07.db',
    ]);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('a failure is logged, never thrown, and retried later', async () => {
    const dir = join(tempDir(), 'o-mang-chua-gan'); // a share that is not mounted
    let now = new Date('2026-03-01T02:00:00Z');
    const { backups, logger } = start(dir, 14, () => now);
    expect(await backups.runDue()).toBeNull();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(existsSync(dir)).toBe(false); // never created in its place
    now = new Date('2026-03-01T02:30:00Z');
    expect(await backups.runDue()).toBeNull();
    expect(logger.error).toHaveBeenCalledTimes(1); // not one line a check
    mkdirSync(dir);
    now = new Date('2026-03-01T03:05:00Z');
    expect(await backups.runDue()).toBe(join(dir, 'kb-2026-03-01.db'));
  });

  it('stop waits for a backup under way, and nothing starts after', async () => {
    const dir = tempDir();
    let now = new Date('2026-03-01T02:00:00Z');
    const { backups } = start(dir, 14, () => now);
    await backups.stop();
    expect(readdirSync(dir)).toEqual(['kb-2026-03-01.db']); // the start-up backup finished
    now = new Date('2026-03-02T02:00:00Z');
    expect(await backups.runDue()).toBeNull();
  });
});
