import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { docCard } from '../../adapters/teams/card.ts';
import { escapeMarkdown, toTeamsMarkdown } from '../../adapters/teams/markdown.ts';
import { renderAnswer, renderDoc } from '../../adapters/teams/render.ts';
import type { Answer } from '../../src/core/types.ts';
import { doc, text } from '../../src/reply/doc.ts';
import { toPlainText } from '../../src/reply/plain-text.ts';
import { createTestBot, SNV_CCVC } from '../support/bot.ts';

/**
 * What a Teams reader sees of the core's answers. Teams reads message text and card TextBlocks as Markdown, so
 * they are read back here with a CommonMark renderer (markdown-it), as a client would draw them.
 */
const commonMark = new MarkdownIt({ html: false, linkify: false });

/** The lines a reader sees: one per paragraph or hard break, inline marks gone. */
function seenLines(markdown: string): string[] {
  const html = commonMark.render(markdown);
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|li|h\d|blockquote)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

interface CardBlock {
  type: string;
  text?: string;
  items?: CardBlock[];
}

/** Every TextBlock of a card in order, as a reader sees it. */
function cardLines(body: CardBlock[]): string[] {
  return body.flatMap((b) =>
    b.type === 'TextBlock' && b.text !== undefined ? seenLines(b.text) : cardLines(b.items ?? []),
  );
}

function onlyCard(answer: Answer): CardBlock[] {
  const activities = renderAnswer(answer);
  expect(activities).toHaveLength(1);
  const [attachment] = activities[0]?.attachments ?? [];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(activities[0]?.text).toBeUndefined();
  const content = attachment?.content as { body: CardBlock[] } | undefined;
  return content?.body ?? [];
}

describe('Teams rendering of the core answers', () => {
  let say: (text: string) => Answer;
  beforeAll(async () => {
    const bot = await createTestBot();
    say = (t) => bot.say({ ...SNV_CCVC, text: t });
  });

  it('shows "hướng dẫn" as a card with each example on its own line', () => {
    const lines = cardLines(onlyCard(say('hướng dẫn')));
    expect(lines[0]).toMatch(/^Tôi là Trợ lý nhiệm vụ/);
    expect(lines).toContain('• Ai làm: “ai chủ trì việc công khai TTHC”');
    expect(lines).toContain('• Chi tiết: “chi tiết nhiệm vụ III.8”');
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(12);
  });

  it('shows a task detail with Chủ trì, Phối hợp, Hạn and Sản phẩm each on its own line', () => {
    const lines = cardLines(onlyCard(say('chi tiết nhiệm vụ III.8')));
    expect(lines[0]).toBe('KH 2026 của Sở Nội vụ, mục III.8 (CẢI CÁCH THỦ TỤC HÀNH CHÍNH)');
    expect(lines).toContain('Chủ trì: Văn phòng Sở');
    expect(lines).toContain('Phối hợp: Các Phòng, đơn vị thuộc và trực thuộc Sở');
    expect(lines).toContain('Hạn: Quý II, III/2026 (30/09/2026)');
    expect(lines).toContain('Sản phẩm: Văn bản của Sở cử công chức tham gia');
  });

  it('lists tasks in a card, one numbered task a block, its facts under it', () => {
    const answer = say('phòng tôi phụ trách gì');
    const lines = cardLines(onlyCard(answer));
    const numbers = answer.doc.flatMap((b) => (b.kind === 'task' ? [b.line] : []));
    expect(numbers.length).toBeGreaterThan(3);
    for (const line of numbers) {
      expect(lines).toContain(`${line.index}. ${line.citation}`);
      expect(lines).toContain(line.facts.join(' · '));
    }
  });

  it('sends a text answer of several lines as Markdown paragraphs, each line seen apart', () => {
    const answer = say('việc nào của Văn phòng Sở quá hạn năm 2019');
    expect(answer.doc.length).toBeGreaterThan(1);
    const activities = renderAnswer(answer);
    expect(activities).toHaveLength(1);
    expect(activities[0]?.textFormat).toBe('markdown');
    expect(seenLines(activities[0]?.text ?? '')).toEqual(answer.reply.split('\n'));
  });

  it('keeps a plan’s own characters as words: nothing becomes a list, emphasis, heading or tag', () => {
    const words = [
      '1. Tổ chức tập huấn *nghiệp vụ* cho cán_bộ',
      '- Sở Nội vụ; + các phòng',
      '# 3 > 90% hồ sơ ~~ đúng hạn',
      'Gửi về <tên đơn vị> [Phụ lục](kèm theo) `mẫu` \\ hết',
    ];
    const said = doc(...words.map((w) => text(w)));
    expect(seenLines(toTeamsMarkdown(said))).toEqual(words);
    for (const w of words) expect(seenLines(escapeMarkdown(w))).toEqual([w]);
    expect(cardLines(docCard(said).body as CardBlock[])).toEqual(words);
  });

  it('gives Zalo and the command line the same blocks as plain text, with no Markdown', () => {
    const answer = say('chi tiết nhiệm vụ III.8');
    expect(answer.reply).toBe(toPlainText(answer.doc));
    expect(answer.reply).not.toMatch(/\*\*|\\[.*_-]/);
    expect(answer.reply.split('\n')).toContain('Chủ trì: Văn phòng Sở');
  });

  it('reads an answer stored before blocks existed from its plain text, a line each', () => {
    const activities = renderAnswer({ reply: 'Dòng một.\nDòng hai.' });
    expect(seenLines(activities[0]?.text ?? '')).toEqual(['Dòng một.', 'Dòng hai.']);
    expect(renderDoc(doc('Một dòng.'))[0]?.textFormat).toBe('markdown');
  });
});
