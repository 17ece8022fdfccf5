import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { openDatabase } from '../../src/kb/open.ts';
import { createFakeZalo, type FakeZalo } from '../support/fake-zalo.ts';
import { tempDir } from '../support/kb.ts';

const TOKEN = '123456789:test-token-abc';
const DAY = () => new Date('2026-11-22T09:00:00+07:00');
const running: (RunningBot | FakeZalo)[] = [];

afterEach(async () => {
  for (const r of running.splice(0).reverse()) await ('stop' in r ? r.stop() : r.close());
});

async function boot(env: Record<string, string>): Promise<RunningBot> {
  const bot = await startBot(parseConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }), {
    clock: DAY,
  });
  running.push(bot);
  return bot;
}

const privateText = (id: string, text: string) => ({
  event_name: 'message.text.received',
  message: {
    message_id: id,
    date: 1_795_300_000_000,
    text,
    from: { id: 'e4ea2cd5189df1c3a88c', display_name: 'A', is_bot: false },
    chat: { id: 'e4ea2cd5189df1c3a88c', chat_type: 'PRIVATE' },
  },
});

describe('configuration', () => {
  it('listens on this machine only unless HOST says otherwise', () => {
    expect(parseConfig({}).HOST).toBe('127.0.0.1');
    expect(parseConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ ZALO_BOT_TOKEN: 't', ZALO_WEBHOOK_URL: 'https://bot.example.vn/hook' }, 'ZALO_WEBHOOK_SECRET'],
    [
      { ZALO_BOT_TOKEN: 't', ZALO_WEBHOOK_URL: 'https://x.vn/h', ZALO_WEBHOOK_SECRET: 'short' },
      'ZALO_WEBHOOK_SECRET',
    ],
    [
      { ZALO_BOT_TOKEN: 't', ZALO_WEBHOOK_URL: 'http://x.vn/h', ZALO_WEBHOOK_SECRET: '12345678' },
      'ZALO_WEBHOOK_URL',
    ],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('%j is refused, naming %s', (env, name) => {
    expect(() => parseConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});

describe('the server', () => {
  it('runs with no credentials: shipped plans imported, /healthz up, no webhook route', async () => {
    const bot = await boot({ DB_PATH: join(tempDir(), 'kb.db') });
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const webhook = await fetch(`${bot.url}/api/zalo/webhook`, { method: 'POST', body: '{}' });
    expect(webhook.status).toBe(404);
    const plans = bot.runtime.db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number };
    expect(plans.n).toBe(5);
  });

  it('a redelivery after a restart is still answered only once', async () => {
    const fake = await createFakeZalo({ token: TOKEN });
    running.push(fake);
    const env = {
      DB_PATH: join(tempDir(), 'kb.db'),
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_BASE: fake.baseUrl,
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/api/zalo/webhook',
      ZALO_WEBHOOK_SECRET: 'webhook-secret-0123',
    };
    const post = (bot: RunningBot) =>
      fetch(`${bot.url}/api/zalo/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': env.ZALO_WEBHOOK_SECRET },
        body: JSON.stringify(privateText('0123456789abcdef0123', 'chào bot')),
      });
    const first = await boot(env);
    await post(first);
    await fake.waitForSent(1);
    await first.stop();
    running.splice(running.indexOf(first), 1);
    const second = await boot(env);
    expect((await post(second)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.sent).toHaveLength(1);
  });

  it('an update stored but not answered before a stop is answered at the next start', async () => {
    const fake = await createFakeZalo({ token: TOKEN });
    running.push(fake);
    const dbPath = join(tempDir(), 'kb.db');
    const db = openDatabase(dbPath);
    db.prepare(
      `INSERT INTO inbound_updates (channel, chat_id, message_id, payload, received_at) VALUES ('zalo', ?, ?, ?, ?)`,
    ).run(
      'e4ea2cd5189df1c3a88c',
      'ffff0000ffff0000ffff',
      JSON.stringify(privateText('ffff0000ffff0000ffff', 'hướng dẫn')),
      DAY().toISOString(),
    );
    db.close();
    await boot({ DB_PATH: dbPath, ZALO_BOT_TOKEN: TOKEN, ZALO_API_BASE: fake.baseUrl });
    await fake.waitForSent(1);
    expect(fake.sent[0]?.text).toContain('Trợ lý nhiệm vụ');
  });
});
