import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { tempDir } from '../support/kb.ts';
import { runCli } from './run-cli.ts';

/**
 * `cli admin-link --user <id>`: the first admin's way in before anyone can chat. It prints only the link (on the
 * configured PUBLIC_BASE_URL), the link signs in on the server, and someone without the right gets exit code 2.
 */
let bot: RunningBot | null = null;
afterEach(async () => {
  await bot?.stop();
  bot = null;
});

const ENV = { PUBLIC_BASE_URL: 'https://bot.so.gov.vn', DB_PATH: undefined, ZALO_BOT_TOKEN: undefined };

/** A database with user 1 an admin of Sở Nội vụ and user 2 a staff member of its Văn phòng Sở. */
async function database(): Promise<string> {
  const db = join(tempDir(), 'kb.db');
  const admin = await runCli(
    ['ask', '--db', db, '--org', 'Sở Nội vụ', '--role', 'admin', '--user', 'a1', 'xin chào'],
    { env: ENV },
  );
  expect(admin.code).toBe(0);
  const staff = await runCli(
    ['ask', '--db', db, '--org', 'Sở Nội vụ', '--unit', 'Văn phòng Sở', '--user', 's1', 'xin chào'],
    { env: ENV },
  );
  expect(staff.code).toBe(0);
  return db;
}

describe('cli admin-link', () => {
  // One database for both cases (each CLI run is a child process that opens it).
  let db = '';
  beforeAll(async () => {
    db = await database();
  }, 120_000);

  it('prints only a working one-time link on PUBLIC_BASE_URL', async () => {
    const run = await runCli(['admin-link', '--user', '1', '--db', db], { env: ENV });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^https:\/\/bot\.so\.gov\.vn\/admin\/login\/[A-Za-z0-9_-]{43}\n$/);
    const logger = pino({ level: 'silent' });
    const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', DB_PATH: db, SCHEDULER: 'off' });
    bot = await startBot(config, { logger });
    const path = new URL(run.stdout.trim()).pathname;
    const signIn = await fetch(`${bot.url}${path}`, { method: 'POST', redirect: 'manual' });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const home = await fetch(`${bot.url}/admin`, { headers: { cookie } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Sở Nội vụ');
  }, 120_000);

  it('refuses staff, an unknown user and a missing --user with exit code 2 and no link', async () => {
    const staff = await runCli(['admin-link', '--user', '2', '--db', db], { env: ENV });
    expect(staff).toMatchObject({ code: 2, stdout: '' });
    expect(staff.stderr).toContain('chỉ dành cho trưởng đơn vị và quản trị viên');
    const unknown = await runCli(['admin-link', '--user', '99', '--db', db], { env: ENV });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('Không có người dùng số 99');
    const missing = await runCli(['admin-link', '--db', db], { env: ENV });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('--user');
  }, 120_000);
});
