import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { type BotProcess, NOW_VARIABLE, startBotProcess } from '../../bench/webhook-process.ts';
import { createRuntime } from '../../src/compose/runtime.ts';
import { findUnitByNames } from '../../src/core/directory.ts';
import { subscribe } from '../../src/kb/subscriptions-repo.ts';
import { ensureUser } from '../../src/kb/users-repo.ts';
import { createFakeTeamsConnector, type FakeTeamsConnector, textOf } from '../support/fake-teams.ts';
import { createFakeZalo, type FakeZalo } from '../support/fake-zalo.ts';
import { tempDir } from '../support/kb.ts';
import { GROUP_CHAT_ID, message } from '../support/teams-activities.ts';

/**
 * Digests over real sockets: the bot server with Zalo (webhook) and Teams (authentication off), local fakes of
 * both platforms, and a clock the test moves (no sleeps). The scheduler's minute tick may also run: every pass is
 * idempotent, which is part of what is tested.
 */
const TOKEN = '123456789:digest-token';
const SECRET = 'digest-secret-0123';
const TITLE = 'Bản tin tuần — Phòng Công chức, viên chức (Sở Nội vụ)';
const SUBSCRIBE = 'đăng ký bản tin tuần Phòng Công chức, viên chức, Sở Nội vụ';
const GROUP_A = 'aaaa0000aaaa0000aaaa';
const GROUP_B = 'bbbb1111bbbb1111bbbb';
const GROUP_C = 'cccc2222cccc2222cccc';

let zalo: FakeZalo;
let teams: FakeTeamsConnector;
let bot: RunningBot | null = null;
let child: BotProcess | null = null;
let now = new Date('2026-11-22T09:00:00+07:00');
const logs: string[] = [];

function env(dbPath: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DB_PATH: dbPath,
    LOG_LEVEL: 'info',
    ZALO_BOT_TOKEN: TOKEN,
    ZALO_API_BASE: zalo.baseUrl,
    ZALO_BOT_NAME: 'Bot Nhiệm vụ',
    ZALO_WEBHOOK_URL: 'https://bot.example.vn/api/zalo/webhook',
    ZALO_WEBHOOK_SECRET: SECRET,
  };
}

async function start(): Promise<RunningBot> {
  zalo = await createFakeZalo({ token: TOKEN });
  teams = await createFakeTeamsConnector();
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  bot = await startBot(parseConfig(env(join(tempDir(), 'kb.db'))), { clock: () => now, logger });
  return bot;
}

afterEach(async () => {
  await bot?.stop();
  await child?.stop().catch(() => undefined);
  bot = null;
  child = null;
  await zalo?.close();
  await teams?.close();
  logs.length = 0;
  now = new Date('2026-11-22T09:00:00+07:00');
});

function zaloGroupMessage(chat: string, text: string, id: string) {
  return {
    event_name: 'message.text.received',
    message: {
      message_id: id,
      date: 1_795_300_000_000,
      text: `@Bot Nhiệm vụ ${text}`,
      from: { id: 'e4ea2cd5189df1c3a88c', display_name: 'Trần Thị Bình', is_bot: false },
      chat: { id: chat, chat_type: 'GROUP' },
    },
  };
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const running = bot;
  if (!running) throw new Error('bot not started');
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function subscribeZalo(chat: string): Promise<void> {
  const before = zalo.sent.length;
  await post('/api/zalo/webhook', zaloGroupMessage(chat, SUBSCRIBE, `sub-${chat}`), {
    'x-bot-api-secret-token': SECRET,
  });
  await zalo.waitForSent(before + 1);
}

const digestsTo = (chat: string) => zalo.sent.filter((s) => s.chat_id === chat && s.text.startsWith(TITLE));

describe('weekly digests over Zalo and Teams', () => {
  it('Monday 08:00: the digest reaches two Zalo groups and a Teams group chat, once', async () => {
    const running = await start();
    await subscribeZalo(GROUP_A);
    await subscribeZalo(GROUP_B);
    await post('/api/messages', message(teams.serviceUrl, SUBSCRIBE, { kind: 'groupChat' }));

    now = new Date('2026-11-23T08:00:30+07:00');
    const summary = await running.scheduler?.runOnce();
    expect(summary).toMatchObject({ digests: 3, sent: 3, failed: 0 });
    expect(digestsTo(GROUP_A)).toHaveLength(1);
    expect(digestsTo(GROUP_B)).toHaveLength(1);
    expect(digestsTo(GROUP_A)[0]?.text).toContain('▪ Quá hạn');
    expect(digestsTo(GROUP_A)[0]?.text).toMatch(/KH 2026 của Sở Nội vụ, mục III\.8/);
    const card = teams.posted.filter(
      (p) => p.conversationId === GROUP_CHAT_ID && textOf(p.activity).includes(TITLE),
    );
    expect(card).toHaveLength(1);
    expect((card[0]?.activity.attachments as { contentType: string }[] | undefined)?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );

    // Later passes (the minute tick, a second run the same morning) send nothing again.
    now = new Date('2026-11-23T09:15:00+07:00');
    expect(await running.scheduler?.runOnce()).toMatchObject({ digests: 0, sent: 0 });
    expect(digestsTo(GROUP_A)).toHaveLength(1);
  });

  it('a group can move its digest ("bản tin vào thứ sáu 16:00"); a week missed while down is caught up once', async () => {
    const running = await start();
    await subscribeZalo(GROUP_A);
    await post('/api/zalo/webhook', zaloGroupMessage(GROUP_A, 'bản tin vào thứ sáu 16:00', 'move-a'), {
      'x-bot-api-secret-token': SECRET,
    });
    await zalo.waitForSent(2);
    expect(zalo.sent.at(-1)?.text).toContain('thứ Sáu lúc 16:00');
    now = new Date('2026-11-23T08:00:30+07:00');
    expect(await running.scheduler?.runOnce()).toMatchObject({ digests: 0 });
    // Down from before Friday 27/11 until Tuesday 08/12: two Fridays missed, one digest.
    now = new Date('2026-12-08T10:00:00+07:00');
    expect(await running.scheduler?.runOnce()).toMatchObject({ digests: 1, sent: 1 });
    expect(digestsTo(GROUP_A).map((d) => d.text.split('\n')[0])).toEqual([`${TITLE}, ngày 04/12/2026`]);
  });

  it('a group the bot was removed from is unsubscribed, and the others still get theirs', async () => {
    const running = await start();
    await subscribeZalo(GROUP_A);
    await subscribeZalo(GROUP_B);
    await post('/api/messages', message(teams.serviceUrl, SUBSCRIBE, { kind: 'groupChat' }));
    zalo.removeFromChat(GROUP_A);
    teams.failNext(GROUP_CHAT_ID, [{ status: 403, code: 'BotNotInConversationRoster' }]);
    now = new Date('2026-11-23T08:00:30+07:00');
    expect(await running.scheduler?.runOnce()).toMatchObject({ digests: 3, sent: 1, gone: 2 });
    expect(digestsTo(GROUP_B)).toHaveLength(1);
    const left = running.runtime.db
      .prepare('SELECT channel, chat_id FROM digest_subscriptions ORDER BY chat_id')
      .all();
    expect(left).toEqual([{ channel: 'zalo', chat_id: GROUP_B }]);
    expect(logs.join('\n')).toContain('outbox: the bot left this chat; unsubscribed');
  });
});

describe('a restart in the middle of a run', () => {
  it('sends nothing twice: a send cut off by a crash is not repeated, the rest is not sent again', async () => {
    zalo = await createFakeZalo({ token: TOKEN });
    teams = await createFakeTeamsConnector();
    const dbPath = join(tempDir(), 'kb.db');
    const runtime = await createRuntime(dbPath, () => now);
    const unit = findUnitByNames(runtime.knowledge(), 'Sở Nội vụ', 'Phòng Công chức, viên chức');
    const admin = ensureUser(runtime.db, 'zalo', 'e4ea2cd5189df1c3a88c', now);
    for (const chatId of [GROUP_A, GROUP_B, GROUP_C])
      subscribe(runtime.db, { channel: 'zalo', chatId, unitId: unit?.id ?? -1 }, admin.id, now);
    runtime.db.close();

    // The server starts on Monday 08:00 (its first pass sends at once); B's send hangs, then the process dies.
    const held = zalo.holdChat(GROUP_B);
    const monday = { ...env(dbPath), LOG_LEVEL: 'silent', [NOW_VARIABLE]: '2026-11-23T01:00:30.000Z' };
    child = await startBotProcess(monday, null);
    await zalo.waitForSent(2, 15_000);
    await expect
      .poll(() => zalo.calls.some((c) => c.method === 'sendMessage' && c.params.chat_id === GROUP_B))
      .toBe(true);
    // A and C reached Zalo; the kill comes once the server has recorded them (a send cut off between Zalo's
    // answer and that record is the "unknown" case, which B stands for).
    const watch = new Database(dbPath, { readonly: true });
    const sentRows = () =>
      (watch.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'sent'").get() as { n: number }).n;
    await expect.poll(sentRows, { timeout: 5_000 }).toBe(2);
    watch.close();
    await child.kill();
    child = await startBotProcess(monday, null);
    held.release();
    await expect.poll(() => digestsTo(GROUP_B).length, { timeout: 5_000 }).toBe(1);
    await child.stop();
    child = null;

    expect([GROUP_A, GROUP_B, GROUP_C].map((g) => digestsTo(g).length)).toEqual([1, 1, 1]);
    const check = await createRuntime(dbPath, () => now);
    const rows = check.db.prepare('SELECT chat_id, status FROM outbox ORDER BY chat_id').all();
    check.db.close();
    expect(rows).toEqual([
      { chat_id: GROUP_A, status: 'sent' },
      { chat_id: GROUP_B, status: 'unknown' },
      { chat_id: GROUP_C, status: 'sent' },
    ]);
  });
});
