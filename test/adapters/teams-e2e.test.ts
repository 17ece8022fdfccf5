import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { ServiceUrlRefusedError } from '../../adapters/teams/loopback.ts';
import { ConversationGoneError } from '../../adapters/teams/proactive.ts';
import { findConversationRef, saveConversationRef } from '../../src/kb/conversation-refs-repo.ts';
import { approveUser, findUser } from '../../src/kb/users-repo.ts';
import { createFakeTeamsConnector, type FakeTeamsConnector, textOf } from '../support/fake-teams.ts';
import { tempDir } from '../support/kb.ts';
import {
  AN,
  CHANNEL_ID,
  GROUP_CHAT_ID,
  installation,
  type Kind,
  message,
} from '../support/teams-activities.ts';

/**
 * The real bot server (authentication off, as for local testing) and a local fake of the Bot Framework connector
 * that `serviceUrl` points at, over real sockets. Teams posts the reply during the turn, before the 200.
 */
const DAY = () => new Date('2026-11-22T09:00:00+07:00');
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

let fake: FakeTeamsConnector;
let bot: RunningBot;
const logs: string[] = [];

async function start(env: Record<string, string> = {}): Promise<void> {
  fake = await createFakeTeamsConnector();
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', DB_PATH: join(tempDir(), 'kb.db'), ...env });
  bot = await startBot(config, { clock: DAY, logger });
}

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  logs.length = 0;
});

const post = (body: unknown, raw?: string) =>
  fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });

/** Sends a message; returns what the bot posted back (card text included) and the posted activities. */
async function say(text: string, opts: { kind?: Kind; id?: string } = {}) {
  const before = fake.posted.length;
  const response = await post(message(fake.serviceUrl, text, opts));
  expect(response.status).toBe(200);
  const posted = fake.posted.slice(before);
  return { text: posted.map((p) => textOf(p.activity)).join('\n'), posted };
}

describe('Teams, end to end (authentication off)', () => {
  it('personal chat: register → my tasks (a card) → report progress → the overdue list changes', async () => {
    await start();
    expect((await say('tôi thuộc Phòng Kế hoạch - Tài chính, Sở Xây dựng')).text).toContain(
      'Phòng Kế hoạch - Tài chính, Sở Xây dựng',
    );
    // Identified by the Entra object id, not the bot-scoped 29: id.
    const user = findUser(bot.runtime.db, 'teams', AN.aadObjectId);
    expect(user?.unitId).not.toBeNull();
    approveUser(bot.runtime.db, user?.id ?? -1, DAY());

    const tasks = await say('phong toi chu tri viec gi');
    const card = tasks.posted[0]?.activity.attachments as {
      contentType: string;
      content: { version: string };
    }[];
    expect(card?.[0]?.contentType).toBe(ADAPTIVE);
    expect(card?.[0]?.content.version).toBe('1.5');
    expect(tasks.text).toMatch(/Phòng Kế hoạch - Tài chính chủ trì \d+ nhiệm vụ/);
    expect(tasks.posted[0]?.replyToId).toBe(tasks.posted[0]?.activity.replyToId);

    expect((await say('việc nào quá hạn')).text).toContain('mục VI.4');
    expect((await say('báo cáo nhiệm vụ VI.4 đã hoàn thành')).text).toContain('Đã ghi nhận báo cáo');
    expect((await say('việc nào quá hạn')).text).not.toContain('mục VI.4');
    // The reference for proactive sends was stored on the first message.
    expect(findConversationRef(bot.runtime.db, 'teams', `a:1${AN.fromId}`)?.kind).toBe('personal');
  });

  it('a channel post that @mentions the bot is answered in its thread, without the mention', async () => {
    await start();
    const { text, posted } = await say('ai chủ trì việc tuyển dụng công chức ở Sở Nội vụ', {
      kind: 'channel',
    });
    expect(text).toContain('Tổ chức tuyển dụng công chức');
    expect(posted[0]?.conversationId).toMatch(new RegExp(`^${CHANNEL_ID};messageid=`));
    // The channel itself, not the thread, is remembered for digests.
    expect(findConversationRef(bot.runtime.db, 'teams', CHANNEL_ID)?.kind).toBe('channel');
  });

  it('a group chat subscribes to a weekly digest by a command', async () => {
    await start();
    const reply = await say('đăng ký bản tin tuần Phòng Công chức, viên chức, Sở Nội vụ', {
      kind: 'groupChat',
    });
    expect(reply.text).toContain('nhóm này sẽ nhận bản tin tuần của Phòng Công chức, viên chức (Sở Nội vụ)');
    const rows = bot.runtime.db
      .prepare("SELECT chat_id FROM digest_subscriptions WHERE channel = 'teams'")
      .all();
    expect(rows).toEqual([{ chat_id: GROUP_CHAT_ID }]);
  });

  it('installation add stores the reference and greets; remove forgets it and its subscriptions', async () => {
    await start();
    expect((await post(installation(fake.serviceUrl, 'add'))).status).toBe(200);
    expect(findConversationRef(bot.runtime.db, 'teams', CHANNEL_ID)).not.toBeNull();
    expect(textOf(fake.posted.at(-1)?.activity)).toContain('Xin chào');
    await say('đăng ký bản tin tuần Phòng Công chức, viên chức, Sở Nội vụ', { kind: 'channel' });
    expect((await post(installation(fake.serviceUrl, 'remove'))).status).toBe(200);
    expect(findConversationRef(bot.runtime.db, 'teams', CHANNEL_ID)).toBeNull();
    expect(
      bot.runtime.db.prepare("SELECT * FROM digest_subscriptions WHERE channel = 'teams'").all(),
    ).toEqual([]);
  });

  it('a redelivered activity is answered once', async () => {
    await start();
    await say('hướng dẫn', { id: '1732262499999' });
    const again = await say('hướng dẫn', { id: '1732262499999' });
    expect(again.posted).toEqual([]);
  });

  it('a malformed activity gets 400 (no type, no sender, no conversation, broken JSON), an oversized one 413, and the server lives on', async () => {
    await start();
    expect((await post({ text: 'x' })).status).toBe(400);
    expect((await post(null, '{"type": "message",')).status).toBe(400);
    expect((await post(null, JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) }))).status).toBe(
      413,
    );
    // No sender, no conversation: nobody to answer, nowhere to answer to.
    const { from: _from, ...noFrom } = message(fake.serviceUrl, 'xin chào');
    const { conversation: _conversation, ...noConversation } = message(fake.serviceUrl, 'xin chào');
    expect((await post(noFrom)).status).toBe(400);
    expect((await post(noConversation)).status).toBe(400);
    expect((await post({ ...noFrom, from: { name: 'Không có id' } })).status).toBe(400);
    expect(fake.calls).toEqual([]);
    expect(logs.join('\n')).toContain('teams: malformed activity refused');
    // Refusals are warnings (pino level 40), never a failed turn at error level.
    expect(logs.map((line) => JSON.parse(line).level).filter((level) => level >= 50)).toEqual([]);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await say('xin chào')).text).toContain('Xin chào');
  });

  it('proactive: 429 is retried and delivered once; 403 marks the reference dead and unsubscribes', async () => {
    await start();
    await say('đăng ký bản tin tuần Phòng Công chức, viên chức, Sở Nội vụ', { kind: 'groupChat' });
    const sender = bot.teams;
    if (!sender) throw new Error('Teams sender missing');

    fake.failNext(GROUP_CHAT_ID, [{ status: 429, code: 'Throttled' }]);
    const before = fake.posted.length;
    await sender.send(GROUP_CHAT_ID, [{ type: 'message', text: 'Bản tin tuần (thử)' }]);
    expect(fake.posted.slice(before).map((p) => textOf(p.activity))).toEqual(['Bản tin tuần (thử)']);

    fake.failNext(GROUP_CHAT_ID, [{ status: 403, code: 'BotNotInConversationRoster' }]);
    const error = await sender.send(GROUP_CHAT_ID, [{ type: 'message', text: 'x' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversationGoneError);
    expect(findConversationRef(bot.runtime.db, 'teams', GROUP_CHAT_ID)?.deadReason).toBe(
      '403 BotNotInConversationRoster',
    );
    expect(
      bot.runtime.db.prepare("SELECT * FROM digest_subscriptions WHERE channel = 'teams'").all(),
    ).toEqual([]);
    // A dead reference is not tried again.
    const calls = fake.calls.length;
    await expect(sender.send(GROUP_CHAT_ID, [{ type: 'message', text: 'y' }])).rejects.toBeInstanceOf(
      ConversationGoneError,
    );
    expect(fake.calls.length).toBe(calls);
  });

  it('proactive to a channel opens a new post, and the rest of the message goes into its thread', async () => {
    await start();
    await post(installation(fake.serviceUrl, 'add'));
    const before = fake.posted.length;
    await bot.teams?.send(CHANNEL_ID, [
      { type: 'message', text: 'Bản tin tuần' },
      { type: 'message', text: 'phần 2' },
    ]);
    const posted = fake.posted.slice(before);
    expect(posted.map((p) => textOf(p.activity))).toEqual(['Bản tin tuần', 'phần 2']);
    expect(posted[1]?.conversationId).toMatch(new RegExp(`^${CHANNEL_ID};messageid=`));
  });
});

describe('Teams endpoint guards', () => {
  it('with authentication on, a request without a token gets 401', async () => {
    await start({
      MicrosoftAppId: '00000000-1111-2222-3333-444444444444',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '2c3d4e5f-0000-4000-8000-0000000000aa',
    });
    const response = await post(message(fake.serviceUrl, 'xin chào'));
    expect(response.status).toBe(401);
    expect(fake.posted).toEqual([]);
  });

  it.each(['production', 'development'])(
    'NODE_ENV=%s, no app id: answers this machine; a serviceUrl off this machine is refused (403), nothing sent',
    async (nodeEnv) => {
      await start({ NODE_ENV: nodeEnv });
      expect((await say('xin chào')).text).toContain('Xin chào');
      // 0.0.0.0 is not a loopback address, yet on Linux a connection to it lands on this machine: had the bot
      // posted there, the fake connector would have seen it, and nothing left the machine.
      const port = new URL(fake.serviceUrl).port;
      const calls = fake.calls.length;
      const response = await post(message(`http://0.0.0.0:${port}/teams/`, 'xin chào', { kind: 'channel' }));
      expect(response.status).toBe(403);
      expect(fake.calls.length).toBe(calls);
      expect(findConversationRef(bot.runtime.db, 'teams', CHANNEL_ID)).toBeNull();
    },
  );

  it('no app id: digests and reminders go only to a conversation on this machine', async () => {
    await start();
    const port = new URL(fake.serviceUrl).port;
    await say('đăng ký bản tin tuần Phòng Công chức, viên chức, Sở Nội vụ', { kind: 'groupChat' });
    // The same conversation as if it had been learnt from Teams itself (an app id configured earlier).
    const ref = findConversationRef(bot.runtime.db, 'teams', GROUP_CHAT_ID);
    if (!ref) throw new Error('no reference stored');
    const reference = { ...(ref.reference as object), serviceUrl: `http://0.0.0.0:${port}/teams/` };
    saveConversationRef(bot.runtime.db, { ...ref, reference }, DAY());
    const calls = fake.calls.length;
    await expect(
      bot.teams?.send(GROUP_CHAT_ID, [{ type: 'message', text: 'Bản tin' }]),
    ).rejects.toBeInstanceOf(ServiceUrlRefusedError);
    expect(fake.calls.length).toBe(calls);
    // Refused is not "bot removed": the subscription stays for when an app id is configured.
    expect(findConversationRef(bot.runtime.db, 'teams', GROUP_CHAT_ID)?.deadAt).toBeNull();
  });
});
