/**
 * A personal chat in Microsoft's own local Teams client (Agents Playground, in Chromium) with the real bot server:
 * the greeting on install, registration, the unit's task list, a task in detail and the help — checked on what the
 * page shows a person: which lines are separate, the task numbers, the units. The expected content is the chat
 * core's own answer (teams-fixture.ts); whether the bot sends it as text, Markdown or an Adaptive Card is free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/reply/messages.ts';
import {
  expectSeparateLines,
  expectTopToBottom,
  startsLine,
  taskNumber,
  visibleLines,
  visibleText,
  withoutMarker,
} from './playground-page.ts';
import {
  expectStayedLocal,
  numberOf,
  ORG,
  REGISTRATION,
  screenshot,
  startTeamsFixture,
  type TeamsFixture,
  UNIT,
} from './teams-fixture.ts';

const LIST = 'phòng tôi phụ trách gì';
const DETAIL = 'chi tiết nhiệm vụ III.8';
const HELP = 'hướng dẫn';
/** An answer of sentences, with no list in it: sent as Markdown text, not a card. */
const SOON = 'việc nào sắp đến hạn';

let f: TeamsFixture;

beforeAll(async () => {
  f = await startTeamsFixture([LIST, DETAIL, HELP, SOON]);
  await f.chat.open(f.playground.url);
}, 180_000);

afterAll(async () => {
  await f?.stop();
}, 30_000);

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('Teams personal chat, in the Agents Playground', () => {
  it('greets the person when the app is installed', async () => {
    const greeting = await f.chat.nextOf(f.chat.botMessages(), 0);
    const lines = await visibleLines(greeting);
    // Every line of the greeting, each on a line of its own.
    await expectSeparateLines(
      greeting,
      MESSAGES.greeting
        .split('\n')
        .map((line) => ({ name: `"${line}"`, test: (seen) => seen === norm(line) })),
    );
    expect(lines.length).toBe(MESSAGES.greeting.split('\n').length);
  }, 60_000);

  it('registers the person in a unit from a sentence', async () => {
    const { answer } = await f.chat.ask(REGISTRATION);
    const text = norm(await visibleText(answer));
    expect(text).toContain(UNIT);
    expect(text).toContain(ORG);
  }, 60_000);

  it('lists the unit’s tasks: the unit and count, then each task number on its own line', async () => {
    const core = f.core[LIST];
    if (!core) throw new Error('no core answer');
    const header = core.reply.split('\n')[0] ?? '';
    const count = /(\d+) nhiệm vụ/.exec(header)?.[1];
    expect(header, 'the core names the unit').toContain(UNIT);
    // The first page the core shows: "1. KH 2026 của Sở Nội vụ, mục V.1 — …".
    const numbers = [...core.reply.matchAll(/^\d+\. .*?mục (\S+) —/gm)].map((m) => m[1] ?? '');
    expect(numbers.length, core.reply).toBeGreaterThanOrEqual(3);
    expect(numbers).toEqual(core.tasks.slice(0, numbers.length).map(numberOf));
    const { answer } = await f.chat.ask(LIST);
    await f.chat.showFrom(LIST);
    await screenshot(f.page, 'personal-list');
    const lines = await expectSeparateLines(answer, [
      {
        name: `the unit and ${count} tasks`,
        test: (line) => line.includes(UNIT) && line.includes(`${count} nhiệm vụ`),
      },
      ...numbers.map((n) => ({ name: `task ${n}`, test: (line: string) => taskNumber(n).test(line) })),
    ]);
    // Two task numbers never share a line.
    for (const line of lines)
      expect(numbers.filter((n) => taskNumber(n).test(line)).length).toBeLessThanOrEqual(1);
    await expectTopToBottom(answer, [UNIT, ...numbers.map(taskNumber)]);
    // The units the core names for the tasks ("chủ trì qua “Các Phòng, …”") are shown too.
    for (const [, unit] of core.reply.matchAll(/qua “([^”]+)”/g))
      expect(norm(await visibleText(answer))).toContain(unit);
  }, 60_000);

  it('shows a task in detail: Chủ trì, Phối hợp, Hạn and Sản phẩm each on its own line', async () => {
    const task = f.core[DETAIL]?.tasks[0];
    if (!task) throw new Error('the core found no task III.8');
    expect(numberOf(task)).toBe('III.8');
    const { answer } = await f.chat.ask(DETAIL);
    await f.chat.showFrom(DETAIL);
    await screenshot(f.page, 'personal-detail');
    const fields: [string, string[]][] = [
      ['Chủ trì', task.lead.map((u) => u.name)],
      ['Phối hợp', task.coordinate.map((u) => u.name)],
      ['Hạn', [task.deadline.raw]],
      ['Sản phẩm', task.product ? [task.product] : []],
    ];
    const lines = await expectSeparateLines(
      answer,
      fields.map(([label]) => startsLine(label)),
    );
    expect(norm(await visibleText(answer))).toMatch(taskNumber('III.8'));
    // Each value is on its label's line, or on the line right after it (a card may put it in a column).
    for (const [label, values] of fields) {
      const at = lines.findIndex((line) => withoutMarker(line).startsWith(label));
      const shown = `${lines[at] ?? ''} ${lines[at + 1] ?? ''}`;
      for (const value of values) expect(shown, `${label}: ${value}`).toContain(value);
    }
    await expectTopToBottom(
      answer,
      fields.map(([label]) => label),
    );
  }, 60_000);

  it('answers "hướng dẫn" with each kind of question on its own line', async () => {
    const core = f.core[HELP];
    if (!core) throw new Error('no core answer');
    // "• Nhiệm vụ của mình: “…”" → "Nhiệm vụ của mình"
    const labels = core.reply
      .split('\n')
      .filter((line) => line.startsWith('•'))
      .map((line) => withoutMarker(line).split(':')[0]?.trim() ?? '');
    expect(labels.length, core.reply).toBeGreaterThanOrEqual(5);
    const { answer } = await f.chat.ask(HELP);
    await f.chat.showFrom(HELP);
    await screenshot(f.page, 'personal-help');
    await expectSeparateLines(answer, labels.map(startsLine));
    await expectTopToBottom(answer, labels);
  }, 60_000);

  it('shows an answer of several sentences one sentence a line, not one run-on paragraph', async () => {
    const core = f.core[SOON];
    if (!core) throw new Error('no core answer');
    const sentences = core.reply.split('\n');
    expect(sentences.length, core.reply).toBeGreaterThanOrEqual(2);
    const { answer } = await f.chat.ask(SOON);
    await screenshot(f.page, 'personal-text');
    const lines = await expectSeparateLines(
      answer,
      sentences.map((s) => ({ name: `"${s}"`, test: (seen: string) => seen === norm(s) })),
    );
    expect(lines).toEqual(sentences.map(norm));
  }, 60_000);

  it('stays on this machine: no request left 127.0.0.1 but the refused CDN fonts', () => {
    expectStayedLocal(f);
  });
});
