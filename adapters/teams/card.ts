import type { Block, Doc } from '../../src/reply/doc.ts';
import type { TaskLine } from '../../src/reply/format-task.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import { blockMarkdown, escapeMarkdown } from './markdown.ts';

/**
 * Adaptive Cards. Teams renders bot cards up to schema 1.5. A bot message may be 100 KB counted in UTF-16 (older
 * docs: 40 KB); a card is kept under CARD_BUDGET_BYTES of UTF-8 JSON, which is safe under both.
 */
export const CARD_VERSION = '1.5';
export const CARD_BUDGET_BYTES = 28 * 1024;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: object[];
  msteams: { width: 'Full' };
}

/** A TextBlock of Markdown the caller built (escaped words, our own bold). */
export const markdownBlock = (value: string, extra: object = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/** A TextBlock of words: a card's text is Markdown too, so a plan's `*` or "1." stays as written. */
export const text = (value: string, extra: object = {}) => markdownBlock(escapeMarkdown(value), extra);

export function taskBlock(line: TaskLine): object {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      markdownBlock(`**${line.index}\\. ${escapeMarkdown(line.citation)}**`),
      text(line.content, { spacing: 'Small' }),
      text(line.facts.join(' · '), { isSubtle: true, size: 'Small', spacing: 'Small' }),
    ],
  };
}

export function card(body: object[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    msteams: { width: 'Full' },
  };
}

export function cardBytes(value: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** One block as card elements; `spaced` when a gap came before it (a new part of the answer). */
function blockElement(block: Block, spaced: boolean): object | null {
  const part = spaced ? { separator: true, spacing: 'Large' } : {};
  switch (block.kind) {
    case 'gap':
      return null;
    case 'text':
      if (block.role === 'title') return text(block.text, { weight: 'Bolder', size: 'Medium', ...part });
      if (block.role === 'note') return text(block.text, { isSubtle: true, ...part });
      return text(block.text, part);
    case 'group':
      return text(block.text, { weight: 'Bolder', ...part });
    // One line of Markdown, written as a message would write it (markdown.ts).
    case 'bullet':
    case 'choice':
    case 'field':
      return markdownBlock(blockMarkdown(block) ?? '', { spacing: 'Small', ...part });
    case 'link':
      return markdownBlock(blockMarkdown(block) ?? '', part);
    case 'task':
      return taskBlock(block.line);
  }
}

function elements(value: Doc): object[] {
  const out: object[] = [];
  let spaced = false;
  for (const block of value) {
    const element = blockElement(block, spaced && out.length > 0);
    spaced = block.kind === 'gap';
    if (element) out.push(element);
  }
  return out;
}

/**
 * A doc as one card, in its order. If the card would be too big, the last tasks give way to a line saying how
 * many were left out — never the header or the notes after the list.
 */
export function docCard(value: Doc): AdaptiveCard {
  const tasks = value.filter((b) => b.kind === 'task');
  for (let shown = tasks.length; shown >= 0; shown--) {
    const dropped = new Set<Block>(tasks.slice(shown));
    const left = tasks.length - shown;
    const kept: Block[] = [];
    for (const block of value) {
      if (dropped.has(block)) continue;
      kept.push(block);
      if (left > 0 && block === tasks[shown - 1])
        kept.push({ kind: 'text', text: MESSAGES.cardCut(left), role: 'note' });
    }
    const candidate = card(elements(kept));
    if (cardBytes(candidate) <= CARD_BUDGET_BYTES || shown === 0) return candidate;
  }
  return card(elements(value.filter((b) => b.kind !== 'task')));
}
