import type { Block, Doc } from './doc.ts';

/**
 * The neutral answer as plain text, one block a line: what Zalo and the command line show, and the `reply` of
 * `ask --json`. Zalo draws no Markdown, so nothing here is marked up.
 */
export function toPlainText(value: Doc): string {
  return value.map(plainBlock).join('\n');
}

function plainBlock(block: Block): string {
  switch (block.kind) {
    case 'text':
      return block.text;
    case 'gap':
      return '';
    case 'group':
      return `▪ ${block.text}`;
    case 'bullet':
      return block.sub ? `  – ${block.text}` : `• ${block.text}`;
    case 'link':
      return block.note ? `${block.url} ${block.note}` : block.url;
    case 'choice':
      return `${block.n}. ${block.text}`;
    case 'field':
      return `${block.label}: ${block.value}`;
    case 'task': {
      const { line } = block;
      return `${line.index}. ${line.citation} — ${line.content}\n   ↳ ${line.facts.join(' · ')}`;
    }
  }
}
