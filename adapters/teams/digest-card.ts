import type { Digest } from '../../src/digest/types.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import { type AdaptiveCard, CARD_BUDGET_BYTES, card, cardBytes, taskBlock, text } from './card.ts';

const D = MESSAGES.digest;

/**
 * The weekly digest as one Adaptive Card: a fact line per section (counts at a glance), then each section's first
 * tasks. If it would outgrow the size budget, sections show fewer tasks (their counts stay).
 */
export function digestCard(digest: Digest): AdaptiveCard {
  const filled = digest.sections.filter((s) => s.count > 0);
  const facts = {
    type: 'FactSet',
    facts: digest.sections.map((s) => ({ title: s.title, value: D.count(s.count) })),
  };
  const build = (perSection: number) =>
    card([
      text(digest.title, { weight: 'Bolder', size: 'Medium' }),
      facts,
      ...(filled.length === 0 ? [text(D.nothing)] : []),
      ...filled.flatMap((s) => {
        const shown = s.items.slice(0, perSection);
        const more = s.count - shown.length;
        return [
          text(`**${D.sectionCount(s.title, s.count)}**`, { separator: true, spacing: 'Large' }),
          ...shown.map(taskBlock),
          ...(more > 0 ? [text(D.more(more), { isSubtle: true })] : []),
        ];
      }),
      text(`${D.total(digest.total)} ${digest.plans.length > 0 ? D.plans(digest.plans.join('; ')) : ''}`, {
        isSubtle: true,
        separator: true,
      }),
    ]);
  const most = Math.max(0, ...digest.sections.map((s) => s.items.length));
  for (let perSection = most; perSection > 0; perSection--) {
    const candidate = build(perSection);
    if (cardBytes(candidate) <= CARD_BUDGET_BYTES) return candidate;
  }
  return build(0);
}
