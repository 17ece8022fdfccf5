/**
 * A group chat and a channel in Microsoft's own local Teams client (Agents Playground, in Chromium) with the real
 * bot server. The person @mentions the bot by choosing it from the composer's "@" menu, as in Teams: the Playground
 * sends `<at>Trợ lý nhiệm vụ</at> …` with a mention entity. The question is a topic search, whose answer repeats
 * the topic it searched for: had the bot kept the mention, its name ("Trợ lý nhiệm vụ") would be part of the topic
 * and the tasks found would differ. In the channel the answer must land in the thread of the person's post.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_IDS } from '../../support/playground.ts';
import {
  expectSeparateLines,
  expectTopToBottom,
  type SentMessage,
  scrollToTop,
  taskNumber,
  visibleText,
} from './playground-page.ts';
import {
  expectStayedLocal,
  GENERAL_CHANNEL,
  numberOf,
  PEOPLE,
  REGISTRATION,
  screenshot,
  startTeamsFixture,
  type TeamsFixture,
  UNIT,
} from './teams-fixture.ts';

const TOPIC = 'nhiệm vụ về tuyển dụng';

let f: TeamsFixture;

beforeAll(async () => {
  f = await startTeamsFixture([TOPIC]);
  await f.chat.open(f.playground.url);
  // Registered once, in private, as a person would; the group and the channel then know the person's unit.
  await f.chat.nextOf(f.chat.botMessages(), 0);
  const { answer } = await f.chat.ask(REGISTRATION);
  expect(await visibleText(answer)).toContain(UNIT);
}, 180_000);

afterAll(async () => {
  await f?.stop();
}, 30_000);

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The Playground sent a real mention of the bot: `<at>name</at>` in the text and an entity with the bot's id. */
function expectMentionSent(sent: SentMessage): void {
  expect(sent.text).toBe(`<at>${PEOPLE.botName}</at> ${TOPIC}`);
  expect(sent.mentions?.map((m) => [m.mentioned.id, m.text])).toEqual([
    [PLAYGROUND_IDS.bot, `<at>${PEOPLE.botName}</at>`],
  ]);
}

/** The answer to TOPIC, as the core gives it: its header (with the topic alone), then each task on its own line. */
async function expectTopicAnswer(answer: Locator): Promise<void> {
  const core = f.core[TOPIC];
  if (!core) throw new Error('no core answer');
  const header = core.reply.split('\n')[0] ?? '';
  expect(header, core.reply).toContain('“tuyển dụng”');
  const numbers = core.tasks.map(numberOf).slice(0, 8);
  expect(numbers.length, core.reply).toBeGreaterThan(0);
  const text = norm(await visibleText(answer));
  expect(text).not.toContain(PEOPLE.botName);
  await expectSeparateLines(answer, [
    { name: `header "${header}"`, test: (line) => line === norm(header) },
    ...numbers.map((n) => ({ name: `task ${n}`, test: (line: string) => taskNumber(n).test(line) })),
  ]);
  await expectTopToBottom(answer, ['“tuyển dụng”', ...numbers.map(taskNumber)]);
  // The units that lead them, as the core names them.
  for (const unit of new Set(core.tasks.slice(0, 8).flatMap((t) => t.lead.map((u) => u.name))))
    expect(text).toContain(unit);
}

describe('Teams group chat and channel, in the Agents Playground', () => {
  it('group chat: greets when added; answers an @mention with the mention removed', async () => {
    await f.chat.openConversation(PEOPLE.groupChatName);
    const greeting = await f.chat.nextOf(f.chat.botMessages(), 0);
    expect(norm(await visibleText(greeting))).toContain('Xin chào');
    const { answer, sent } = await f.chat.ask(TOPIC, { mention: true });
    expectMentionSent(sent);
    await screenshot(f.page, 'group-chat');
    await expectTopicAnswer(answer);
    // One answer, not one per line or per mention.
    await f.page.waitForTimeout(1_000);
    expect(await f.chat.botMessages().count()).toBe(2);
  }, 90_000);

  it('channel: a post that @mentions the bot is answered in that post’s thread', async () => {
    await f.chat.openConversation(GENERAL_CHANNEL);
    const posts = f.chat.posts();
    // The greeting on install is the channel's first post.
    await expect.poll(() => posts.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await posts.count();
    const { post, reply, sent } = await f.chat.postWithMention(TOPIC);
    expectMentionSent(sent);
    await scrollToTop(post, false);
    await screenshot(f.page, 'channel-thread');
    await expectTopicAnswer(reply);
    // In the thread: inside the person's post, and no new post of its own.
    await f.page.waitForTimeout(1_000);
    const shown = (await posts.allInnerTexts()).map(norm);
    expect(shown.length, `posts:\n${shown.join('\n')}`).toBe(before + 1);
    expect(await f.chat.threadReplies(post).count()).toBe(1);
    const author = post.locator('[id^="fui-CardHeader__header"]');
    expect(norm(await visibleText(author))).toContain(PEOPLE.user.name);
  }, 90_000);

  it('stays on this machine: no request left 127.0.0.1 but the refused CDN fonts', () => {
    expectStayedLocal(f);
  });
});
