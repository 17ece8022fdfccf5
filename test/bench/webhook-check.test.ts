import { describe, expect, it } from 'vitest';
import { splitForZalo } from '../../adapters/zalo/split-text.ts';
import { type CheckInput, checkDeliveries, type ZaloCall } from '../../bench/webhook-check.ts';

/** The benchmark's "no lost or doubled reply" verdict, on call logs written by hand. */
const send = (chat: string, text: string): ZaloCall => ({
  method: 'sendMessage',
  params: { chat_id: chat, text },
});
const typing = (chat: string): ZaloCall => ({
  method: 'sendChatAction',
  params: { chat_id: chat, action: 'typing' },
});

const longReply = Array.from(
  { length: 60 },
  (_, i) => `${i + 1}. Nhiệm vụ số ${i + 1}: rà soát thủ tục hành chính`,
).join('\n');

function input(calls: ZaloCall[], claims: [chat: string, id: string][]): CheckInput {
  return {
    calls,
    acceptedPieces: calls.filter((c) => c.method === 'sendMessage').length,
    claims: claims.map(([chatId, messageId], i) => ({ rowid: i + 1, chatId, messageId, handled: true })),
    posted: new Map(claims.map(([chat, id]) => [id, chat])),
    postedTwice: 0,
    acknowledged: new Set(claims.map(([, id]) => id)),
  };
}

describe('webhook delivery check', () => {
  it('a reply split in pieces counts once; a one-piece reply after it counts on its own', () => {
    const pieces = splitForZalo(longReply.repeat(2));
    expect(pieces.length).toBeGreaterThan(1);
    const calls = [
      typing('a'),
      ...pieces.map((p) => send('a', p)),
      send('a', 'Xin chào'),
      send('b', 'Chào bạn'),
    ];
    const check = checkDeliveries(
      input(calls, [
        ['a', 'm1'],
        ['a', 'm2'],
        ['b', 'm3'],
      ]),
    );
    expect(check).toMatchObject({ replies: 3, splitReplies: 1, lost: 0, doubled: 0, malformed: 0, ok: true });
  });

  it('a missing reply is lost, an extra one is doubled', () => {
    const lost = checkDeliveries(
      input(
        [send('a', 'Một')],
        [
          ['a', 'm1'],
          ['a', 'm2'],
        ],
      ),
    );
    expect(lost).toMatchObject({ lost: 1, ok: false });
    const doubled = checkDeliveries(input([send('a', 'Một'), send('a', 'Một')], [['a', 'm1']]));
    expect(doubled).toMatchObject({ doubled: 1, ok: false });
  });

  it('a typing indicator with no reply after it is malformed', () => {
    const check = checkDeliveries(input([typing('a'), send('b', 'Một')], [['b', 'm1']]));
    expect(check).toMatchObject({ malformed: 1, ok: false });
  });
});
