import type { Block, Doc } from '../../src/reply/doc.ts';

/**
 * Teams reads a message's text, and an Adaptive Card's TextBlock, as Markdown: a single line break is no break,
 * "1." or "-" opening a line starts a list, and `*`, `_`, `#`, `>` … in a plan's words would turn into emphasis,
 * headings or quotes. Everything we did not mean as Markdown is escaped, so the reader sees the plan's words.
 */
const SPECIAL = /[\\`*_[\]<~]/g;

/**
 * Only what Markdown would act on is escaped (a backslash before punctuation is CommonMark's own escape): emphasis,
 * code, links, HTML tags ("<tên đơn vị>"), strikethrough anywhere, and what opens a line — a heading, a quote, a
 * list item ("1.", "-", "+"). Brackets' "()" and the rest stay as typed, so nothing shows a stray backslash.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(SPECIAL, (c) => `\\${c}`)
    .replace(
      /^(\s*)(#|>|[-+](?=\s)|\d+\.(?=\s))/,
      (_m, space: string, mark: string) => `${space}${mark.replace(/^(\d*)([#>+.-])$/, '$1\\$2')}`,
    );
}

/** A link written so that Markdown neither escapes nor cuts it: `[text](url)`, the url's own `()` encoded. */
function markdownLink(url: string): string {
  const target = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[${escapeMarkdown(url)}](${target})`;
}

/** One block as a Markdown paragraph; null for a block that only spaces the others. */
export function blockMarkdown(block: Block): string | null {
  switch (block.kind) {
    case 'text':
      return block.role === 'title' ? `**${escapeMarkdown(block.text)}**` : escapeMarkdown(block.text);
    case 'gap':
      return null;
    case 'group':
      return `**${escapeMarkdown(block.text)}**`;
    case 'bullet':
      return `${block.sub ? '\u2003– ' : '• '}${escapeMarkdown(block.text)}`;
    case 'choice':
      return `**${block.n}\\.** ${escapeMarkdown(block.text)}`;
    case 'field':
      return `**${escapeMarkdown(block.label)}:** ${escapeMarkdown(block.value)}`;
    case 'link':
      return block.note
        ? `${markdownLink(block.url)} ${escapeMarkdown(block.note)}`
        : markdownLink(block.url);
    case 'task': {
      const { line } = block;
      const head = `**${line.index}\\. ${escapeMarkdown(line.citation)}** — ${escapeMarkdown(line.content)}`;
      return `${head}\n\n↳ ${escapeMarkdown(line.facts.join(' · '))}`;
    }
  }
}

/**
 * A doc as a Teams Markdown message: each block its own paragraph (a blank line between them is the one break
 * every Teams client and the Agents Playground draw), bullets as "•" lines rather than a Markdown list, which
 * Teams mobile shows as plain text.
 */
export function toTeamsMarkdown(value: Doc): string {
  return value
    .map(blockMarkdown)
    .filter((p): p is string => p !== null)
    .join('\n\n');
}
