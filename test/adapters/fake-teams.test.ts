import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeTeamsConnector, type FakeTeamsConnector, textOf } from '../support/fake-teams.ts';

// The fake stands in for Teams in the bot's end-to-end tests, so its own wire behaviour is pinned here with
// plain fetch, independent of botbuilder.

const CHANNEL = '19:abc@thread.tacv2';
const THREAD = `${CHANNEL};messageid=1700000000000`;

let fake: FakeTeamsConnector;

beforeEach(async () => {
  fake = await createFakeTeamsConnector();
});
afterEach(() => fake.close());

/** The URL botbuilder builds: serviceUrl + path with each id URL-encoded. */
const url = (...path: string[]) => `${fake.serviceUrl}${path.map(encodeURIComponent).join('/')}`;

const post = (target: string, body: unknown) =>
  fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const reply = (conversationId: string, activityId: string, text: string) =>
  post(url('v3', 'conversations', conversationId, 'activities', activityId), {
    type: 'message',
    text,
    replyToId: activityId,
  });

describe('fake Teams connector', () => {
  it('records a reply under the decoded conversation and answers a new id', async () => {
    expect(fake.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/teams\/$/);

    const res = await reply(THREAD, '1700000000000', 'Xin chào');

    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^\d+$/);
    await fake.waitForPosted(1);
    expect(fake.posted).toEqual([
      {
        conversationId: THREAD,
        replyToId: '1700000000000',
        activity: { type: 'message', text: 'Xin chào', replyToId: '1700000000000' },
        at: expect.any(Number),
      },
    ]);
    expect(fake.calls).toMatchObject([
      { method: 'POST', path: `v3/conversations/${THREAD}/activities/1700000000000`, conversationId: THREAD },
    ]);
    expect(fake.calls[0]?.received).toBe(fake.posted[0]?.at);

    const second = (await (await reply(THREAD, '1', 'again')).json()) as { id: string };
    expect(second.id).not.toBe(id);
  });

  it('fails the next sends to a conversation with the Bot Framework error body, then serves again', async () => {
    fake.failNext(THREAD, [{ status: 403, code: 'BotNotInConversationRoster' }]);

    const other = await reply('a:other', '1', 'elsewhere');
    const refused = await reply(THREAD, '1', 'first');
    const accepted = await reply(THREAD, '1', 'second');

    expect(other.status).toBe(200);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: 'BotNotInConversationRoster', message: expect.any(String) },
    });
    expect(accepted.status).toBe(200);
    expect(fake.posted.map((p) => textOf(p.activity))).toEqual(['elsewhere', 'second']);
    expect(fake.calls.map((c) => c.status)).toEqual([200, 403, 200]);
  });

  it('sends Retry-After with a scripted 429, for any conversation with "*"', async () => {
    fake.failNext('*', [{ status: 429, code: 'Throttled', retryAfterSeconds: 2 }]);

    const throttled = await post(url('v3', 'conversations', 'a:chat', 'activities'), { type: 'message' });

    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe('Throttled');
    expect((await reply('a:chat', '1', 'ok')).status).toBe(200);
    expect(fake.posted).toHaveLength(1);
    expect(fake.posted[0]?.replyToId).toBe('1');
  });

  it('creates a channel thread, returning its ids and recording its first activity', async () => {
    const params = {
      isGroup: true,
      channelData: { channel: { id: CHANNEL } },
      activity: { type: 'message', text: 'Tổng hợp tuần' },
    };

    const res = await post(url('v3', 'conversations'), params);

    expect(res.status).toBe(200);
    const { id, activityId } = (await res.json()) as { id: string; activityId: string };
    expect(id).toBe(`${CHANNEL};messageid=${activityId}`);
    expect(fake.created).toEqual([params]);
    expect(fake.posted).toMatchObject([{ conversationId: id, replyToId: null, activity: params.activity }]);
    expect(fake.calls[0]?.conversationId).toBe(CHANNEL);
  });

  it('answers members, update and delete, and rejects bad requests', async () => {
    const member = await fetch(url('v3', 'conversations', THREAD, 'members', '29:user'));
    expect(await member.json()).toMatchObject({ id: '29:user', name: expect.any(String) });
    const put = await fetch(url('v3', 'conversations', THREAD, 'activities', '5'), {
      method: 'PUT',
      body: JSON.stringify({ type: 'message', text: 'sửa' }),
    });
    expect([put.status, await put.json()]).toEqual([200, {}]);
    expect(
      (await fetch(url('v3', 'conversations', THREAD, 'activities', '5'), { method: 'DELETE' })).status,
    ).toBe(200);

    expect((await post(url('v3', 'conversations', THREAD, 'activities'), '{"type":')).status).toBe(400);
    const huge = await post(url('v3', 'conversations', THREAD, 'activities'), {
      text: 'x'.repeat(1_100_000),
    });
    expect(huge.status).toBe(413);
    const unknown = await fetch(url('v3', 'teams', 'x'));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NotFound');
    expect(fake.posted).toHaveLength(0);
    expect(fake.calls.map((c) => `${c.method} ${c.status}`)).toEqual([
      'GET 200',
      'PUT 200',
      'DELETE 200',
      'POST 400',
      'POST 413',
      'GET 404',
    ]);
    await expect(fake.waitForPosted(1, 50)).rejects.toThrow(/waited 50 ms for 1 posted/);
  });

  it('reads the text of an Adaptive Card, nested containers and facts included', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Nhiệm vụ tuần này', size: 'Large' },
        { type: 'FactSet', facts: [{ title: 'Quá hạn', value: '2' }] },
        {
          type: 'Container',
          items: [
            {
              type: 'ColumnSet',
              columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'Sở Nội vụ: **đang làm**' }] }],
            },
          ],
        },
        { type: 'Image', url: 'https://example.invalid/a.png' },
      ],
    };
    const activity = {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    };

    expect(textOf(activity)).toBe('Nhiệm vụ tuần này\nQuá hạn: 2\nSở Nội vụ: **đang làm**');
    expect(textOf({ type: 'message', text: 'plain' })).toBe('plain');
  });
});
