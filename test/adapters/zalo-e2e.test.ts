import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { approveUser, findUser } from '../../src/kb/users-repo.ts';
import { createFakeZalo, type FakeZalo } from '../support/fake-zalo.ts';
import { tempDir } from '../support/kb.ts';

/**
 * The real bot server against a local fake of Zalo's Bot API, over real sockets on 127.0.0.1. Payloads are shaped
 * like the reference's examples: wrapped {ok, result} and bare.
 */
const TOKEN = '123456789:test-token-abc';
const SECRET = 'webhook-secret-0123';
const DAY = () => new Date('2026-11-22T09:00:00+07:00');

let fake: FakeZalo;
let bot: RunningBot;
let counter = 0;

async function start(mode: 'webhook' | 'polling'): Promise<void> {
  fake = await createFakeZalo({ token: TOKEN });
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DB_PATH: join(tempDir(), 'kb.db'),
    LOG_LEVEL: 'silent',
    ZALO_BOT_TOKEN: TOKEN,
    ZALO_API_BASE: fake.baseUrl,
    ZALO_BOT_NAME: 'Bot Nhiệm vụ',
    ...(mode === 'webhook'
      ? { ZALO_WEBHOOK_URL: 'https://bot.example.vn/api/zalo/webhook', ZALO_WEBHOOK_SECRET: SECRET }
      : {}),
  };
  bot = await startBot(parseConfig(env), { clock: DAY });
}

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
});

function update(
  text: string,
  opts: { chat?: string; user?: string; group?: boolean; id?: string; wrapped?: boolean } = {},
) {
  const user = opts.user ?? 'e4ea2cd5189df1c3a88c';
  const inner = {
    event_name: 'message.text.received',
    message: {
      message_id: opts.id ?? `m${(counter++).toString(16).padStart(19, '0')}`,
      date: 1_795_300_000_000 + counter,
      text,
      from: { id: user, display_name: 'Nguyen Van A', is_bot: false },
      chat: { id: opts.chat ?? user, chat_type: opts.group ? 'GROUP' : 'PRIVATE' },
    },
  };
  return opts.wrapped ? { ok: true, result: inner } : inner;
}

async function post(body: unknown, secret: string | null = SECRET, raw?: string): Promise<Response> {
  return fetch(`${bot.url}/api/zalo/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-bot-api-secret-token': secret } : {}) },
    body: raw ?? JSON.stringify(body),
  });
}

async function say(text: string, opts: Parameters<typeof update>[1] = {}): Promise<string> {
  const before = fake.sent.length;
  expect((await post(update(text, opts))).status).toBe(200);
  await fake.waitForSent(before + 1);
  await new Promise((r) => setTimeout(r, 50));
  return fake.sent
    .slice(before)
    .map((s) => s.text)
    .join('\n');
}

describe('Zalo webhook, end to end', () => {
  it('registers the webhook with its secret on start, and answers /healthz', async () => {
    await start('webhook');
    expect(fake.webhook).toEqual({ url: 'https://bot.example.vn/api/zalo/webhook', secret: SECRET });
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
  });

  it('a private conversation: register → my tasks → report → the overdue list changes', async () => {
    await start('webhook');
    expect(await say('tôi thuộc Phòng Kế hoạch - Tài chính, Sở Xây dựng', { wrapped: true })).toContain(
      'Phòng Kế hoạch - Tài chính, Sở Xây dựng',
    );
    const user = findUser(bot.runtime.db, 'zalo', 'e4ea2cd5189df1c3a88c');
    approveUser(bot.runtime.db, user?.id ?? -1, DAY());
    expect(await say('phong toi chu tri viec gi')).toMatch(
      /^Phòng Kế hoạch - Tài chính chủ trì \d+ nhiệm vụ/,
    );
    expect(await say('việc nào quá hạn')).toContain('mục VI.4');
    expect(await say('báo cáo nhiệm vụ VI.4 đã hoàn thành')).toContain('Đã ghi nhận báo cáo');
    expect(await say('việc nào quá hạn')).not.toContain('mục VI.4');
  });

  it('a group mention is answered in the group, and the group is remembered', async () => {
    await start('webhook');
    const reply = await say('@Bot Nhiệm vụ ai chủ trì việc tuyển dụng công chức ở Sở Nội vụ', {
      group: true,
      chat: 'f0e1d2c3b4a596877869',
    });
    expect(fake.sent.at(-1)?.chat_id).toBe('f0e1d2c3b4a596877869');
    expect(reply).toContain('Tổ chức tuyển dụng công chức');
    const groups = bot.runtime.db.prepare("SELECT chat_id FROM chat_groups WHERE channel = 'zalo'").all();
    expect(groups).toEqual([{ chat_id: 'f0e1d2c3b4a596877869' }]);
  });

  it("a group subscribes to a unit's weekly digest by a command, and can stop it", async () => {
    await start('webhook');
    const group = { group: true, chat: 'a9b8c7d6e5f4a3b2c1d0' };
    const reply = await say(
      '@Bot Nhiệm vụ đăng ký bản tin tuần Phòng Công chức, viên chức, Sở Nội vụ',
      group,
    );
    expect(reply).toContain('nhóm này sẽ nhận bản tin tuần của Phòng Công chức, viên chức (Sở Nội vụ)');
    const rows = () =>
      bot.runtime.db.prepare("SELECT chat_id FROM digest_subscriptions WHERE channel = 'zalo'").all();
    expect(rows()).toEqual([{ chat_id: 'a9b8c7d6e5f4a3b2c1d0' }]);
    expect(await say('@Bot Nhiệm vụ hủy bản tin', group)).toContain('Đã hủy bản tin tuần cho nhóm này');
    expect(rows()).toEqual([]);
  });

  it('content Zalo cannot show as text gets a hint in private and silence in a group', async () => {
    await start('webhook');
    const unsupported = (chat: string, group: boolean) => ({
      event_name: 'message.unsupported.received',
      message: {
        message_id: `u${chat}`,
        date: 1_795_300_000_000,
        from: { id: 'e4ea2cd5189df1c3a88c', display_name: 'A', is_bot: false },
        chat: { id: chat, chat_type: group ? 'GROUP' : 'PRIVATE' },
      },
    });
    await post(unsupported('f0e1d2c3b4a596877869', true));
    await post(unsupported('e4ea2cd5189df1c3a88c', false));
    await fake.waitForSent(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.sent).toEqual([
      { chat_id: 'e4ea2cd5189df1c3a88c', text: expect.stringContaining('chỉ đọc được tin nhắn chữ') },
    ]);
    // An event name Zalo may add later is logged and ignored, never a crash.
    expect((await post({ event_name: 'message.reaction.received', message: {} })).status).toBe(200);
  });

  it('a redelivered update is answered once', async () => {
    await start('webhook');
    const same = update('chào bot', { id: 'aaaaaaaaaaaaaaaaaaaa' });
    await post(same);
    await fake.waitForSent(1);
    await post(same);
    await post({ ok: true, result: same });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.sent).toHaveLength(1);
  });

  it('refuses a wrong or missing secret (401), broken JSON (400) and a body over 1 MB (413)', async () => {
    await start('webhook');
    expect((await post(update('chào'), 'wrong-secret')).status).toBe(401);
    expect((await post(update('chào'), null)).status).toBe(401);
    expect((await post(null, SECRET, '{"event_name": ')).status).toBe(400);
    expect((await post(null, SECRET, JSON.stringify({ pad: 'x'.repeat(1_100_000) }))).status).toBe(413);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.sent).toHaveLength(0);
  });

  it('a 200 means the update is stored; an update that cannot be stored gets 500, so Zalo delivers it again', async () => {
    await start('webhook');
    const stored = (id: string) =>
      bot.runtime.db.prepare('SELECT count(*) AS n FROM inbound_updates WHERE message_id = ?').get(id) as {
        n: number;
      };
    const response = post(update('hướng dẫn', { id: 'stored-before-200' }));
    expect((await response).status).toBe(200);
    expect(stored('stored-before-200').n).toBe(1);
    await fake.waitForSent(1);
    bot.runtime.db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON inbound_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const sentBefore = fake.sent.length;
    expect((await post(update('hướng dẫn', { id: 'not-stored' }))).status).toBe(500);
    bot.runtime.db.exec('DROP TRIGGER refuse');
    await new Promise((r) => setTimeout(r, 100));
    expect(stored('not-stored').n).toBe(0);
    expect(fake.sent.length).toBe(sentBefore);
    // Redelivered once the store works again: answered.
    expect(await say('hướng dẫn', { id: 'not-stored' })).toMatch(/^Tôi là Trợ lý nhiệm vụ/);
  });

  it('a reply over 2,000 characters arrives split, in order', async () => {
    await start('webhook');
    const before = fake.sent.length;
    const callsBefore = fake.calls.length;
    await post(update('chi tiết nhiệm vụ 2.2 năm 2023'));
    await fake.waitForSent(before + 2);
    const pieces = fake.sent.slice(before);
    // "typing" shows while the pieces go out: it comes before the first one.
    const methods = fake.calls.slice(callsBefore).map((c) => c.method);
    expect(methods.slice(0, 2)).toEqual(['sendChatAction', 'sendMessage']);
    expect(pieces.every((p) => p.text.length <= 2000)).toBe(true);
    expect(pieces[0]?.text).toMatch(/^KH 2023 của UBND tỉnh Lạng Sơn, mục 2\.2/);
    expect(pieces.map((p) => p.text).join('\n')).toContain('Hạn: Trước ngày 30 tháng 11 năm 2023');
  });

  it('a 429 from Zalo is retried and the reply is delivered once', async () => {
    await start('webhook');
    fake.failNext('sendMessage', [
      { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests' } },
    ]);
    expect(await say('chào bot')).toContain('Xin chào');
    expect(fake.sent).toHaveLength(1);
  });
});

describe('Zalo long polling', () => {
  it('answers polled updates when no webhook URL is configured', async () => {
    await start('polling');
    expect(fake.webhook).toBeNull();
    fake.queueUpdate({ ok: true, result: update('hướng dẫn') });
    await fake.waitForSent(1);
    expect(fake.sent[0]?.text).toContain('Trợ lý nhiệm vụ');
  });

  it('a 401 (token refused) stops polling with a log line instead of looping', async () => {
    await start('polling');
    fake.failNext('getUpdates', [
      { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    const polls = fake.calls.filter((c) => c.method === 'getUpdates').length;
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.calls.filter((c) => c.method === 'getUpdates').length).toBe(polls);
  });
});
