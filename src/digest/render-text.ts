import { MESSAGES } from '../reply/messages.ts';
import type { Digest } from './types.ts';

const D = MESSAGES.digest;

/**
 * The digest as chat text (Zalo): short enough for a phone — a count per section, the first few tasks cited by
 * plan and row, "… và N việc khác". Sections with nothing in them are left out.
 */
export function digestText(digest: Digest): string {
  const lines = [digest.title];
  const filled = digest.sections.filter((s) => s.count > 0);
  if (filled.length === 0 || filled.every((s) => s.key === 'silent')) lines.push(D.nothing);
  for (const section of filled) {
    lines.push('', `▪ ${D.sectionCount(section.title, section.count)}`);
    for (const item of section.items) {
      lines.push(`${item.index}. ${item.citation} — ${item.content}`, `   ↳ ${item.facts.join(' · ')}`);
    }
    if (section.count > section.items.length) lines.push(D.more(section.count - section.items.length));
  }
  lines.push('', D.total(digest.total));
  if (digest.plans.length > 0) lines.push(D.plans(digest.plans.join('; ')));
  return lines.join('\n');
}
