import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { createTeams } from '../../adapters/teams/wiring.ts';
import { createRuntime, type Runtime } from '../../src/compose/runtime.ts';
import { claimUpdate } from '../../src/kb/inbound-repo.ts';
import { registerInstance } from '../../src/kb/instances-repo.ts';
import { createFakeTeamsConnector, type FakeTeamsConnector, textOf } from '../support/fake-teams.ts';
import { tempDir } from '../support/kb.ts';
import { AN, BINH, CHANNEL_ID, message } from '../support/teams-activities.ts';
import { registerTeamsUser } from '../support/teams-seed.ts';

/**
 * Activities a server stored (claimed) and never answered because it died: a redelivery or a replay answers them
 * once; while their server is alive they are left to it. Dead and live servers are rows of `instances`, with
 * heartbeats on the test's clock (2026-11-22), not the machine's.
 */
const MY_TASKS = /Phòng Kế hoạch - Tài chính chủ trì \d+ nhiệm vụ/;
const minutes = (n: number) => n * 60_000;

let now = new Date('2026-11-22T09:00:00+07:00');
let fake: FakeTeamsConnector;
let bot: RunningBot | null = null;
let runtime: Runtime | null = null;
const silent = pino({ level: 'silent' });

afterEach(async () => {
  await bot?.stop();
  runtime?.db.close();
  bot = null;
  runtime = null;
  await fake?.close();
  now = new Date('2026-11-22T09:00:00+07:00');
});

/** What a server that stored the activity and then died (or is still answering) left in the database. */
function leftBy(db: Runtime['db'], server: string, heartbeatAt: Date, activity: ReturnType<typeof message>) {
  registerInstance(db, { id: server, pid: 999_999, host: 'may-chu-cu' }, heartbeatAt);
  const chatId = activity.conversation.id.split(';')[0] ?? '';
  claimUpdate(db, 'teams', chatId, activity.id, JSON.stringify(activity), heartbeatAt, server);
}

const answersTo = (conversationId: string) => fake.posted.filter((p) => p.conversationId === conversationId);

async function startServer(): Promise<RunningBot> {
  fake = await createFakeTeamsConnector();
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DB_PATH: join(tempDir(), 'kb.db'),
    SCHEDULER: 'off',
  });
  bot = await startBot(config, { clock: () => now, logger: silent });
  registerTeamsUser(bot.runtime.db, bot.runtime.knowledge(), now);
  return bot;
}

const deliver = (running: RunningBot, activity: unknown) =>
  fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });

describe('Teams: redelivery of an activity left unanswered', () => {
  it('by a server that died: answered, once', async () => {
    const running = await startServer();
    const activity = message(fake.serviceUrl, 'phòng tôi chủ trì việc gì');
    leftBy(running.runtime.db, 'server-killed', new Date(now.getTime() - minutes(2)), activity);
    expect((await deliver(running, activity)).status).toBe(200);
    expect((await deliver(running, activity)).status).toBe(200);
    const answers = answersTo(activity.conversation.id);
    expect(answers).toHaveLength(1);
    expect(textOf(answers[0]?.activity)).toMatch(MY_TASKS);
  });

  it('by a server still answering it: dropped; taken over once that server is gone', async () => {
    const running = await startServer();
    const activity = message(fake.serviceUrl, 'phòng tôi chủ trì việc gì');
    leftBy(running.runtime.db, 'server-busy', now, activity);
    expect((await deliver(running, activity)).status).toBe(200);
    expect(fake.posted).toEqual([]);
    // A minute later its heartbeat has stopped: it died without answering.
    now = new Date(now.getTime() + minutes(1));
    expect((await deliver(running, activity)).status).toBe(200);
    expect(answersTo(activity.conversation.id)).toHaveLength(1);
  });
});

describe('Teams: replaying what a dead server left', () => {
  async function wiring(recheckMs?: number) {
    fake = await createFakeTeamsConnector();
    runtime = await createRuntime(join(tempDir(), 'kb.db'), () => now);
    registerTeamsUser(runtime.db, runtime.knowledge(), now);
    registerTeamsUser(runtime.db, runtime.knowledge(), now, BINH);
    registerInstance(runtime.db, { id: 'me', pid: process.pid, host: 'may-chu-moi' }, now);
    const config = parseConfig({ DB_PATH: ':memory:' });
    const options = recheckMs === undefined ? {} : { orphanRecheckMs: recheckMs };
    return { db: runtime.db, teams: createTeams(config, runtime, silent, 'me', options) };
  }

  it('answers each once — a channel message in its thread — however often the replay runs', async () => {
    const { db, teams } = await wiring();
    const personal = message(fake.serviceUrl, 'phòng tôi chủ trì việc gì', { person: AN });
    const channel = message(fake.serviceUrl, 'phòng tôi chủ trì việc gì', { kind: 'channel', person: BINH });
    const killedAt = new Date(now.getTime() - minutes(3));
    leftBy(db, 'server-killed', killedAt, personal);
    leftBy(db, 'server-killed', killedAt, channel);

    const counts = await Promise.all([teams.replayOrphans(), teams.replayOrphans()]);
    expect(await teams.replayOrphans()).toBe(0);
    expect(counts).toEqual([2, 2]);
    expect(answersTo(personal.conversation.id)).toHaveLength(1);
    const inThread = answersTo(`${CHANNEL_ID};messageid=${channel.id}`);
    expect(inThread).toHaveLength(1);
    expect(textOf(inThread[0]?.activity)).toMatch(MY_TASKS);
    expect(fake.posted).toHaveLength(2);
  });

  it('a server killed moments ago still looks alive: its activity is answered once its heartbeat has aged', async () => {
    const { db, teams } = await wiring(50);
    const activity = message(fake.serviceUrl, 'phòng tôi chủ trì việc gì');
    leftBy(db, 'server-just-killed', now, activity);
    expect(await teams.replayOrphans()).toBe(0);
    now = new Date(now.getTime() + minutes(1));
    await fake.waitForPosted(1);
    expect(answersTo(activity.conversation.id)).toHaveLength(1);
  });

  it('without an app id, an activity whose serviceUrl is off this machine is not answered', async () => {
    const { db, teams } = await wiring();
    const port = new URL(fake.serviceUrl).port;
    const activity = message(`http://0.0.0.0:${port}/teams/`, 'phòng tôi chủ trì việc gì');
    leftBy(db, 'server-killed', new Date(now.getTime() - minutes(3)), activity);
    expect(await teams.replayOrphans()).toBe(0);
    expect(fake.calls).toEqual([]);
  });
});
