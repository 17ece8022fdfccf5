import { describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/ask.ts';
import { createCore } from '../../src/compose/core.ts';
import { createAnswerOnce } from '../../src/core/answer-once.ts';
import { claimUpdate, findAnswer } from '../../src/kb/inbound-repo.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { reportCount, SXD_KHTC, TODAY } from '../support/bot.ts';
import { importInto, tempDb, testLexicon } from '../support/kb.ts';

const NOW = new Date(`${TODAY}T09:00:00+07:00`);

async function setUp() {
  const { db } = tempDb();
  await importInto(db, [SHIPPED_PLANS_DIR]);
  const deps = createCore(db, testLexicon(), loadChatLexicon(), () => NOW);
  // Registers and approves the person, as `cli ask --org --unit` does.
  ask(deps, { ...SXD_KHTC, text: 'xin chào', today: TODAY });
  return { db, once: createAnswerOnce(db, deps.assistant) };
}

describe('a message answered again after a crash (replay or redelivery)', () => {
  it('sends the answer it got the first time and records the progress report once', async () => {
    const { db, once } = await setUp();
    const key = { channel: 'cli', chatId: SXD_KHTC.user, messageId: 'm-1' };
    // A server that is gone claimed it, answered it (report written) and died before the reply went out.
    claimUpdate(db, 'cli', key.chatId, key.messageId, '{}', NOW, 'a-dead-server');
    const inbound = { channel: 'cli', userKey: SXD_KHTC.user, text: 'bao cao nhiem vu VI.4 dat 96%' };
    const first = once(key, inbound);
    expect(first.intent).toBe('report_progress');
    expect(reportCount(db)).toBe(1);

    const again = once(key, inbound);
    expect(again.reply).toBe(first.reply);
    expect(again.intent).toBe('report_progress');
    expect(reportCount(db)).toBe(1);
  });

  it('keeps a task list page as blocks for the card, not the whole result set', async () => {
    const { db, once } = await setUp();
    const key = { channel: 'cli', chatId: SXD_KHTC.user, messageId: 'm-2' };
    claimUpdate(db, 'cli', key.chatId, key.messageId, '{}', NOW, 'a-dead-server');
    const inbound = { channel: 'cli', userKey: SXD_KHTC.user, text: 'phong toi chu tri viec gi' };
    const first = once(key, inbound);
    expect(first.tasks.length).toBeGreaterThan(3);
    const again = once(key, inbound);
    const citations = (answer: typeof first) =>
      answer.doc.flatMap((b) => (b.kind === 'task' ? [b.line.citation] : []));
    expect(citations(first).length).toBeGreaterThan(3);
    expect(citations(again)).toEqual(citations(first));
    expect(again.reply).toBe(first.reply);
  });

  it('a message with no claim (no platform id) is simply answered each time', async () => {
    const { db, once } = await setUp();
    const key = { channel: 'cli', chatId: SXD_KHTC.user, messageId: '' };
    const inbound = { channel: 'cli', userKey: SXD_KHTC.user, text: 'bao cao nhiem vu VI.4 dat 50%' };
    once(key, inbound);
    once(key, inbound);
    expect(reportCount(db)).toBe(2);
  });

  it('a question that only remembered itself for a follow-up stores no answer; a replay answers it the same', async () => {
    const { db, once } = await setUp();
    const key = { channel: 'cli', chatId: SXD_KHTC.user, messageId: 'm-3' };
    claimUpdate(db, 'cli', key.chatId, key.messageId, '{}', NOW, 'a-dead-server');
    const inbound = { channel: 'cli', userKey: SXD_KHTC.user, text: 'chi tieu cua nhiem vu VI.4' };
    const first = once(key, inbound);
    expect(first.intent).toBe('kpi');
    expect(findAnswer(db, 'cli', key.chatId, key.messageId)).toBeNull();
    const again = once(key, inbound);
    expect(again.reply).toBe(first.reply);
  });
});
