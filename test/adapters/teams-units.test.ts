import { type Activity, TestAdapter } from 'botbuilder';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { NhiemvuTeamsBot } from '../../adapters/teams/bot.ts';
import { CARD_BUDGET_BYTES, cardBytes, docCard } from '../../adapters/teams/card.ts';
import { chatIdOf, conversationKind, messageText, userKeyOf } from '../../adapters/teams/inbound.ts';
import { createRateLimiter, TEAMS_PER_CONVERSATION } from '../../adapters/teams/rate-limit.ts';
import { createRuntime, type Runtime } from '../../src/compose/runtime.ts';
import { type Block, doc, task, text } from '../../src/reply/doc.ts';
import { tempDir } from '../support/kb.ts';
import { AN, BOT, CHANNEL_ID, message } from '../support/teams-activities.ts';

const DAY = () => new Date('2026-11-22T09:00:00+07:00');
/** Wire JSON (timestamps as strings) seen through the SDK's type, as the adapter sees a parsed body. */
const asActivity = (wire: object) => wire as unknown as Activity;

describe('Teams inbound translation', () => {
  const channel = message('https://smba.trafficmanager.net/apac/', 'ai chủ trì việc tuyển dụng', {
    kind: 'channel',
  });

  it('removes the mention named by the entity, keeps other people by name, trims', () => {
    expect(messageText(asActivity(channel))).toBe('ai chủ trì việc tuyển dụng');
    const other = {
      ...channel,
      text: '<at>Bot Nhiệm vụ</at> nhắc <at>Trần Thị Bình</at> về III.7',
      entities: [
        { type: 'mention', text: '<at>Bot Nhiệm vụ</at>', mentioned: BOT },
        { type: 'mention', text: '<at>Trần Thị Bình</at>', mentioned: { id: '29:b', name: 'Trần Thị Bình' } },
      ],
    };
    expect(messageText(asActivity(other))).toBe('nhắc Trần Thị Bình về III.7');
  });

  it('names the person by Entra object id, falling back to the 29: id', () => {
    expect(userKeyOf(asActivity(channel))).toBe(AN.aadObjectId);
    expect(userKeyOf(asActivity({ ...channel, from: { id: '29:x', name: 'X' } }))).toBe('29:x');
  });

  it('tells personal, group chat and channel apart; a channel thread belongs to its channel', () => {
    expect(conversationKind(asActivity(channel))).toBe('channel');
    expect(chatIdOf(asActivity(channel))).toBe(CHANNEL_ID);
    expect(conversationKind(asActivity(message('x', 'a', { kind: 'groupChat' })))).toBe('groupChat');
    expect(
      conversationKind({ conversation: { id: 'a:1', isGroup: false, name: '', conversationType: '' } }),
    ).toBe('personal');
  });
});

describe('Teams task-list card', () => {
  const item = (i: number) => ({
    index: i,
    taskId: `p/I/${i}`,
    citation: `KH 55/KH-SXD, mục I.${i}`,
    content: 'Rà soát, đơn giản hóa thủ tục hành chính '.repeat(4),
    facts: ['Chủ trì', 'Hạn: Quý IV/2026'],
  });
  const list = (n: number, note: string): Block[] =>
    doc(
      text('Phòng Kế hoạch - Tài chính chủ trì 200 nhiệm vụ', 'title'),
      Array.from({ length: n }, (_, i) => task(item(i + 1))),
      text(note, 'note'),
    );

  it('is Adaptive Card 1.5 with the header, each task and the notes', () => {
    const card = docCard(list(3, 'Gõ “xem tiếp” để xem thêm.'));
    expect(card.version).toBe('1.5');
    const json = JSON.stringify(card);
    for (const needle of ['Phòng Kế hoạch - Tài chính chủ trì', 'mục I.1', 'mục I.3', 'xem tiếp']) {
      expect(json).toContain(needle);
    }
  });

  it('stays within the size budget by leaving out the last tasks, and says how many', () => {
    const card = docCard(list(200, 'ghi chú cuối'));
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const json = JSON.stringify(card);
    expect(json).toMatch(/… và \d+ nhiệm vụ nữa không hiện được trong thẻ này\./);
    expect(json).toContain('ghi chú cuối');
  });
});

describe('Teams per-conversation rate limit', () => {
  it('lets 7 sends through in a second and holds the 8th until the window moves', async () => {
    let clock = 0;
    const waits: number[] = [];
    const limiter = createRateLimiter(
      TEAMS_PER_CONVERSATION,
      () => clock,
      async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    );
    for (let i = 0; i < 7; i++) await limiter.take();
    expect(waits).toEqual([]);
    await limiter.take();
    expect(waits).toEqual([1000]);
    // 8 in 2 s: the 9th waits for the 2-second window.
    await limiter.take();
    expect(clock).toBeGreaterThanOrEqual(2000);
  });
});

describe('Teams bot with botbuilder TestAdapter', () => {
  let runtime: Runtime | null = null;
  afterEach(() => runtime?.db.close());

  it('answers a channel mention with the core reply, and a list as a card', async () => {
    runtime = await createRuntime(`${tempDir()}/kb.db`, DAY);
    const bot = new NhiemvuTeamsBot({
      db: runtime.db,
      assistant: runtime.assistant,
      logger: pino({ level: 'silent' }),
      clock: DAY,
      instanceId: 'test-instance',
    });
    const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams', recipient: BOT });
    const channel = message('https://test.com', 'ai chủ trì việc tuyển dụng công chức ở Sở Nội vụ', {
      kind: 'channel',
    });
    await adapter
      .send(asActivity(channel))
      .assertReply((reply) => {
        const text = reply.text ?? JSON.stringify(reply.attachments);
        expect(text).toContain('Tổ chức tuyển dụng công chức');
      })
      .startTest();
  });
});
