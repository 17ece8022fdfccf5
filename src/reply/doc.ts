import type { TaskLine } from './format-task.ts';

/**
 * The neutral answer: what the bot says, as blocks that know nothing of a chat platform. Each adapter renders
 * it once (Zalo and the CLI as plain text, Teams as Markdown or an Adaptive Card): the core never decides where a
 * line breaks or how a list is marked, so no platform's syntax leaks into another's.
 *
 * A block's text is one line of prose: it holds no line break (a test runs every kind of answer and checks it).
 */
export type Block =
  /** A sentence or a paragraph. `title` opens an answer (a list's header), `note` follows it (how to see more). */
  | { kind: 'text'; text: string; role?: 'title' | 'note' }
  /** A blank line between parts of a long answer (a chat summary's sections). */
  | { kind: 'gap' }
  /** The head of a part of a long answer: a unit in the chase list, a section of the summary. */
  | { kind: 'group'; text: string }
  /** One item of an unnumbered list ("hướng dẫn"); `sub` for an item under a group. */
  | { kind: 'bullet'; text: string; sub?: true }
  /** One option of a numbered question the person answers with its number ("Trả lời bằng số"). */
  | { kind: 'choice'; n: number; text: string }
  /** One task of a list: its number, citation, content and facts. */
  | { kind: 'task'; line: TaskLine }
  /** One labelled fact of a single task or record: "Chủ trì: Văn phòng Sở". */
  | { kind: 'field'; label: string; value: string }
  /** An address to open (a download, the console's sign-in): on its own line, so that it can be tapped. */
  | { kind: 'link'; url: string; note?: string };

export type Doc = readonly Block[];

/** What `doc()` accepts: a block, a whole doc, a plain sentence, or nothing (skipped). */
export type DocPart = Block | Doc | string | null | undefined | false;

/** A doc from parts in reading order; a string is one text block, empty ones and nothing are left out. */
export function doc(...parts: DocPart[]): Block[] {
  const out: Block[] = [];
  for (const part of parts) {
    if (part === null || part === undefined || part === false || part === '') continue;
    if (typeof part === 'string') out.push({ kind: 'text', text: part });
    else if (isBlock(part)) out.push(part);
    else out.push(...part);
  }
  return out;
}

function isBlock(part: Block | Doc): part is Block {
  return !Array.isArray(part);
}

export const text = (value: string, role?: 'title' | 'note'): Block =>
  role ? { kind: 'text', text: value, role } : { kind: 'text', text: value };
export const gap: Block = { kind: 'gap' };
export const group = (value: string): Block => ({ kind: 'group', text: value });
export const bullet = (value: string): Block => ({ kind: 'bullet', text: value });
export const subBullet = (value: string): Block => ({ kind: 'bullet', text: value, sub: true });
export const link = (url: string, note?: string): Block =>
  note ? { kind: 'link', url, note } : { kind: 'link', url };
export const choice = (n: number, value: string): Block => ({ kind: 'choice', n, text: value });
export const field = (label: string, value: string): Block => ({ kind: 'field', label, value });
export const task = (line: TaskLine): Block => ({ kind: 'task', line });

/** A doc's words without layout, for a search in them ("does the answer already give the example?"). */
export function docWords(value: Doc): string {
  return value.map(blockWords).join(' ');
}

function blockWords(block: Block): string {
  switch (block.kind) {
    case 'gap':
      return '';
    case 'link':
      return block.note ? `${block.url} ${block.note}` : block.url;
    case 'text':
    case 'group':
    case 'bullet':
    case 'choice':
      return block.text;
    case 'field':
      return `${block.label} ${block.value}`;
    case 'task':
      return `${block.line.citation} ${block.line.content} ${block.line.facts.join(' ')}`;
  }
}

/**
 * Text of several lines as blocks, a line each, blank lines left out: a plan cell's paragraphs, or a message
 * stored as plain text before answers had blocks.
 */
export function fromPlainText(value: string): Block[] {
  return value
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => text(line));
}
