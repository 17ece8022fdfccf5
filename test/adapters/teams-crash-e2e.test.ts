import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotProcess, NOW_VARIABLE, startBotProcess } from '../../bench/webhook-process.ts';
import { createFakeTeamsConnector, type FakeTeamsConnector, textOf } from '../support/fake-teams.ts';
import { tempDir } from '../support/kb.ts';
import { CHANNEL_ID, message } from '../support/teams-activities.ts';
import { seedDatabase } from '../support/teams-seed.ts';

/**
 * The real bot server in its own process (authentication off, loopback only), killed with SIGKILL while it is
 * answering a Teams channel message, then started again on the same database. The fake connector holds the
 * reply, so the process dies before Teams has accepted it. Each process has its own fixed clock on 2026-11-22:
 * the restart comes a minute later, when the killed server's heartbeat has aged.
 */
const FIRST_RUN = '2026-11-22T02:00:00.000Z';
const RESTART = '2026-11-22T02:01:00.000Z';
const MY_TASKS = /Phòng Kế hoạch - Tài chính chủ trì \d+ nhiệm vụ/;

let fake: FakeTeamsConnector | null = null;
let child: BotProcess | null = null;

afterEach(async () => {
  await child?.stop().catch(() => undefined);
  child = null;
  await fake?.close();
  fake = null;
});

const env = (dbPath: string, now: string): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  DB_PATH: dbPath,
  LOG_LEVEL: 'silent',
  SCHEDULER: 'off',
  [NOW_VARIABLE]: now,
});

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/**
 * Posts `text` as a channel message and kills the server while its reply is held on the way to Teams; then
 * restarts on the same database. Returns the restarted server and the thread the reply belongs to.
 */
async function killMidAnswer(connector: FakeTeamsConnector, dbPath: string, text: string, id: string) {
  const activity = message(connector.serviceUrl, text, { kind: 'channel', id });
  const thread = `${CHANNEL_ID};messageid=${id}`;
  const held = connector.hold(thread);
  const first = await startBotProcess(env(dbPath, FIRST_RUN), null);
  child = first;
  const delivery = post(first.url, activity).catch((error: unknown) => error);
  // The answer is on its way to Teams (stored, the core has answered, the POST is in flight): kill.
  await expect
    .poll(() => connector.calls.some((c) => c.conversationId === thread && c.status === 0), {
      timeout: 10_000,
    })
    .toBe(true);
  await first.kill();
  child = null;
  expect(await delivery).toBeInstanceOf(Error);
  held.release();
  await expect.poll(() => connector.calls.every((c) => c.status !== 0)).toBe(true);
  expect(connector.posted).toEqual([]);
  child = await startBotProcess(env(dbPath, RESTART), null);
  return { server: child, activity, thread };
}

describe('Teams: a server killed while answering', () => {
  it('answers the message once after the restart, in its thread; a later redelivery is not answered again', async () => {
    const connector = await createFakeTeamsConnector();
    fake = connector;
    const dbPath = join(tempDir(), 'kb.db');
    await seedDatabase(dbPath, new Date(FIRST_RUN));
    const { server, activity, thread } = await killMidAnswer(
      connector,
      dbPath,
      'phòng tôi chủ trì việc gì',
      '1795300000001',
    );
    await connector.waitForPosted(1, 15_000);
    const answers = connector.posted.filter((p) => p.conversationId === thread);
    expect(answers).toHaveLength(1);
    expect(textOf(answers[0]?.activity)).toMatch(MY_TASKS);

    // Teams gives up on the killed request and delivers it again: already answered, not answered twice.
    const again = await post(server.url, activity);
    expect(again.status).toBe(200);
    expect(connector.posted).toHaveLength(1);
  }, 90_000);

  it('a progress report cut off this way is confirmed once and recorded once', async () => {
    const connector = await createFakeTeamsConnector();
    fake = connector;
    const dbPath = join(tempDir(), 'kb.db');
    await seedDatabase(dbPath, new Date(FIRST_RUN));
    const { thread } = await killMidAnswer(
      connector,
      dbPath,
      'báo cáo nhiệm vụ VI.4 đạt 96%',
      '1795300000002',
    );
    await connector.waitForPosted(1, 15_000);
    const answers = connector.posted.filter((p) => p.conversationId === thread);
    expect(answers).toHaveLength(1);
    expect(textOf(answers[0]?.activity)).toContain('Đã ghi nhận báo cáo');
    await child?.stop();
    child = null;
    const db = new Database(dbPath, { readonly: true });
    const rows = db.prepare('SELECT task_id, percent FROM progress_reports').all();
    db.close();
    expect(rows).toEqual([{ task_id: '55-kh-sxd-2025-phu-luc-i/VI/4', percent: 96 }]);
  }, 90_000);
});
