import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createZaloClient,
  splitForZalo,
  ZaloApiError,
  type ZaloClientOptions,
  ZaloNetworkError,
} from '../../adapters/zalo/client.ts';
import { createFakeZalo, type FakeZalo } from '../support/fake-zalo.ts';

const TOKEN = '1234567890:aBcDeFgH-secret_XyZ';
const CHAT = 'e4ea2cd5189df1c3a88c';
const UPDATE = {
  event_name: 'message.text.received',
  message: {
    message_id: '16f6366b3f02645a3d15',
    date: 1766619597466,
    text: 'phòng tôi phụ trách gì?',
    from: { id: CHAT, display_name: 'Nguyen Van A', is_bot: false },
    chat: { id: CHAT, chat_type: 'PRIVATE' },
  },
};

let fake: FakeZalo;
let delays: number[];
let logs: string[];

beforeEach(async () => {
  fake = await createFakeZalo({ token: TOKEN });
  delays = [];
  logs = [];
});
afterEach(() => fake.close());

function client(overrides: Partial<ZaloClientOptions> = {}) {
  return createZaloClient({
    token: TOKEN,
    baseUrl: fake.baseUrl,
    sleep: async (ms) => {
      delays.push(ms);
    },
    logger: {
      warn: (obj, msg) => logs.push(JSON.stringify({ obj, msg })),
      error: (obj, msg) => logs.push(JSON.stringify({ obj, msg })),
    },
    ...overrides,
  });
}

const callsOf = (method: string) => fake.calls.filter((c) => c.method === method).length;
const serverError = { status: 500, body: { ok: false, error_code: 500, description: 'Internal error' } };

/** A reply as the bot writes it: short Vietnamese lines, 3,000 characters in all. */
function longVietnameseReply(): string {
  const line = (n: number) =>
    `${n}. Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành triển khai nhiệm vụ cải cách hành chính; hạn 30/11.`;
  const lines: string[] = [];
  for (let n = 1; lines.join('\n').length < 3000; n++) lines.push(line(n));
  return lines.join('\n').slice(0, 3000);
}

describe('Zalo client against the fake API', () => {
  it('getMe returns the documented fields', async () => {
    await expect(client().getMe()).resolves.toEqual({
      id: '1234567890',
      account_name: 'bot.FakeZalo',
      account_type: 'BASIC',
      can_join_groups: true,
    });
  });

  it('sendText delivers a 3,000-character reply as 2 messages, in order, none over 2000', async () => {
    const reply = longVietnameseReply();
    expect(reply.length).toBe(3000);
    await client().sendText(CHAT, reply);
    expect(fake.sent).toHaveLength(2);
    for (const message of fake.sent) {
      expect(message.chat_id).toBe(CHAT);
      expect(message.text.length).toBeLessThanOrEqual(2000);
    }
    expect(fake.sent.map((m) => m.text).join('\n')).toBe(reply);
  });

  it('429 then success on sendMessage: delivered exactly once after a back-off', async () => {
    fake.failNext('sendMessage', [
      { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests' } },
    ]);
    const result = await client().sendMessage(CHAT, 'Xin chào');
    expect(result.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(fake.sent).toEqual([{ chat_id: CHAT, text: 'Xin chào' }]);
    expect(callsOf('sendMessage')).toBe(2);
    expect(delays).toHaveLength(1);
  });

  it('500 on sendMessage throws and is not re-sent blindly', async () => {
    fake.failNext('sendMessage', [serverError]);
    const error = await client()
      .sendMessage(CHAT, 'Xin chào')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).errorCode).toBe(500);
    expect(callsOf('sendMessage')).toBe(1);
    expect(delays).toEqual([]);
  });

  it('500 then success on getMe is retried; the log never shows the token', async () => {
    fake.failNext('getMe', [serverError, { status: 502, body: '<html>Bad Gateway</html>' }]);
    await expect(client().getMe()).resolves.toMatchObject({ account_type: 'BASIC' });
    expect(callsOf('getMe')).toBe(3);
    expect(delays).toHaveLength(2);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('back-off is bounded: at most maxRetries retries, each wait ≤ 8 s', async () => {
    fake.failNext(
      'getMe',
      Array.from({ length: 10 }, () => serverError),
    );
    await expect(client({ maxRetries: 6 }).getMe()).rejects.toBeInstanceOf(ZaloApiError);
    expect(callsOf('getMe')).toBe(7);
    expect(delays).toHaveLength(6);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8000);
    expect(delays[0]).toBeLessThanOrEqual(500);
  });

  it('401 throws ZaloApiError at once, without the token in its message', async () => {
    const error = await client({ token: '999:wrong-secret-token' })
      .getMe()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect((error as ZaloApiError).errorCode).toBe(401);
    expect((error as ZaloApiError).message).not.toContain('wrong-secret-token');
    expect(delays).toEqual([]);
  });

  it('redacts the token when the server or fetch echoes the URL', async () => {
    const echo = `No route for POST /bot${TOKEN}/getMe (${encodeURIComponent(TOKEN)})`;
    fake.failNext('getMe', [{ status: 401, body: { ok: false, error_code: 401, description: echo } }]);
    const refused = await client()
      .getMe()
      .catch((e: unknown) => e);
    expect((refused as ZaloApiError).description).toBe('No route for POST /bot***/getMe (***)');
    const unparsable = await client({ baseUrl: 'http://[not-a-host' })
      .getMe()
      .catch((e: unknown) => e);
    expect(unparsable).toBeInstanceOf(ZaloNetworkError);
    expect((unparsable as Error).message).toContain('bot***');
    expect((unparsable as Error).message).not.toContain(TOKEN);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('a non-JSON error body becomes its HTTP status', async () => {
    fake.failNext('deleteWebhook', [{ status: 403, body: '<html>Forbidden by WAF</html>' }]);
    await expect(client().deleteWebhook()).rejects.toMatchObject({ errorCode: 403, method: 'deleteWebhook' });
  });

  it('a network error on sendMessage is thrown, never retried, and redacted', async () => {
    const down = await createFakeZalo({ token: TOKEN });
    await down.close();
    const error = await client({ baseUrl: down.baseUrl })
      .sendMessage(CHAT, 'Xin chào')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloNetworkError);
    expect((error as Error).message).not.toContain(TOKEN);
    expect(delays).toEqual([]);
    await expect(client({ baseUrl: down.baseUrl, maxRetries: 2 }).getMe()).rejects.toBeInstanceOf(
      ZaloNetworkError,
    );
    expect(delays).toHaveLength(2);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('getUpdates returns null on 408 and the raw update when one is queued', async () => {
    const zalo = client();
    await expect(zalo.getUpdates(1)).resolves.toBeNull();
    fake.queueUpdate(UPDATE);
    await expect(zalo.getUpdates(1)).resolves.toEqual(UPDATE);
    const pending = zalo.getUpdates(5);
    setTimeout(() => fake.queueUpdate(UPDATE), 50);
    await expect(pending).resolves.toEqual(UPDATE);
    expect(delays).toEqual([]);
  });

  it('getUpdates honours an outer AbortSignal', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = client().getUpdates(30, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5000);
    // The abandoned poll gave its turn back: an update queued now waits for the next poll, it is not lost.
    await new Promise((resolve) => setTimeout(resolve, 100));
    fake.queueUpdate(UPDATE);
    await expect(client().getUpdates(1)).resolves.toEqual(UPDATE);
  });

  it('setWebhook and deleteWebhook; sendChatAction; out-of-range text is refused before any call', async () => {
    const zalo = client();
    await zalo.setWebhook('https://bot.example.gov.vn/zalo', 's3cret-token');
    expect(fake.webhook).toEqual({ url: 'https://bot.example.gov.vn/zalo', secret: 's3cret-token' });
    await zalo.deleteWebhook();
    expect(fake.webhook).toBeNull();
    await zalo.sendChatAction(CHAT, 'typing');
    expect(fake.actions).toEqual([{ chat_id: CHAT, action: 'typing' }]);
    await expect(zalo.sendMessage(CHAT, 'a'.repeat(2001))).rejects.toBeInstanceOf(RangeError);
    await expect(zalo.sendMessage(CHAT, '')).rejects.toBeInstanceOf(RangeError);
    expect(callsOf('sendMessage')).toBe(0);
  });
});

describe('splitForZalo', () => {
  const EMOJI = '😀'; // one code point, two UTF-16 units
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it.each([
    { name: 'empty input', text: '', limit: 2000, expected: [] },
    { name: 'short text is one piece', text: 'Xin chào', limit: 2000, expected: ['Xin chào'] },
    { name: 'exactly the limit', text: 'ab', limit: 2, expected: ['ab'] },
    { name: 'cuts on the line break', text: 'một hai\nba bốn', limit: 10, expected: ['một hai', 'ba bốn'] },
    { name: 'then on a space', text: 'một hai ba bốn', limit: 10, expected: ['một hai ba', 'bốn'] },
    { name: 'emoji pair at the boundary', text: `abc${EMOJI}de`, limit: 4, expected: ['abc', `${EMOJI}de`] },
    { name: 'emoji only', text: EMOJI.repeat(3), limit: 3, expected: [EMOJI, EMOJI, EMOJI] },
    { name: 'blank input', text: ' \n ', limit: 2000, expected: [] },
  ])('$name', ({ text, limit, expected }) => {
    expect(splitForZalo(text, limit)).toEqual(expected);
  });

  it('a single 4,500-character line with no spaces is cut hard at 2000', () => {
    const line = 'nhiệmvụ'.repeat(643).slice(0, 4500);
    const pieces = splitForZalo(line);
    expect(pieces.map((p) => p.length)).toEqual([2000, 2000, 500]);
    expect(pieces.join('')).toBe(line);
  });

  it('never tears a surrogate pair or a decomposed tone mark on a hard cut', () => {
    const emoji = `a${EMOJI.repeat(3000)}`;
    const pieces = splitForZalo(emoji);
    expect(pieces.join('')).toBe(emoji);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(2000);
      expect(piece).not.toMatch(LONE_SURROGATE);
    }
    const nfd = 'ệ'.normalize('NFD').repeat(1000); // e + two combining marks each
    for (const piece of splitForZalo(nfd)) expect(piece.normalize('NFC')).toMatch(/^ệ+$/);
  });

  it('keeps order and loses nothing but the cut line breaks', () => {
    const reply = longVietnameseReply();
    const text = [reply, reply, reply].join('\n');
    const pieces = splitForZalo(text);
    expect(pieces).toHaveLength(5);
    expect(pieces.every((p) => p.length > 0 && p.length <= 2000)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
  });
});
