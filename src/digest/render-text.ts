import { type Block, doc, gap, group, task, text } from '../reply/doc.ts';
import { MESSAGES } from '../reply/messages.ts';
import { toPlainText } from '../reply/plain-text.ts';
import type { Digest } from './types.ts';

const D = MESSAGES.digest;

/**
 * The digest as a chat message: short enough for a phone — a count per section, the first few tasks cited by
 * plan and row, "… và N việc khác". Sections with nothing in them are left out.
 */
export function digestDoc(digest: Digest): Block[] {
  const filled = digest.sections.filter((s) => s.count > 0);
  const nothing = filled.length === 0 || filled.every((s) => s.key === 'silent');
  return doc(
    text(digest.title, 'title'),
    nothing && D.nothing,
    ...filled.map((section) =>
      doc(
        gap,
        group(D.sectionCount(section.title, section.count)),
        section.items.map(task),
        section.count > section.items.length && D.more(section.count - section.items.length),
      ),
    ),
    gap,
    text(D.total(digest.total), 'note'),
    digest.plans.length > 0 && text(D.plans(digest.plans.join('; ')), 'note'),
  );
}

/** The digest as plain text (Zalo, the command line). */
export function digestText(digest: Digest): string {
  return toPlainText(digestDoc(digest));
}
