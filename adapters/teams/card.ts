import type { ListView } from '../../src/core/types.ts';
import type { TaskLine } from '../../src/reply/format-task.ts';
import { MESSAGES } from '../../src/reply/messages.ts';

/**
 * Adaptive Cards for task lists. Teams renders bot cards up to schema 1.5. A bot message may be 100 KB counted in
 * UTF-16 (older docs: 40 KB); a card is kept under CARD_BUDGET_BYTES of UTF-8 JSON, which is safe under both.
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

export const text = (value: string, extra: object = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

export function taskBlock(line: TaskLine): object {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text(`**${line.index}. ${line.citation}**`),
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

/**
 * A list answer as a card: its header, one block per task, then the notes that followed the list in the text
 * reply ("xem tiếp", a year fallback, an invitation to register). If the card would be too big, the last tasks
 * give way to a line saying how many were left out, never the header or the notes.
 */
export function taskListCard(list: ListView, notes: string[]): AdaptiveCard {
  const [title = '', ...subtitle] = list.header.split('\n');
  const head = [text(title, { weight: 'Bolder', size: 'Medium' }), ...subtitle.map((s) => text(s))];
  const tail = notes.filter((n) => n.trim() !== '').map((n) => text(n, { isSubtle: true, separator: true }));
  for (let shown = list.items.length; shown >= 0; shown--) {
    const left = list.items.length - shown;
    const cut = left > 0 ? [text(MESSAGES.cardCut(left), { isSubtle: true })] : [];
    const candidate = card([...head, ...list.items.slice(0, shown).map(taskBlock), ...cut, ...tail]);
    if (cardBytes(candidate) <= CARD_BUDGET_BYTES || shown === 0) return candidate;
  }
  return card(head);
}
