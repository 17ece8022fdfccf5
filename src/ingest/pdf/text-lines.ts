import { collapseSpaces } from '../../vi/fold.ts';
import { endsParagraph } from './cell-lines.ts';
import type { PdfItem, PdfLine, PdfPage } from './types.ts';

/** A gap wider than this many font sizes on one baseline separates two blocks (two columns of a signature). */
const BLOCK_GAP = 3;
/** A gap wider than this many font sizes between two pieces of one line is a space. */
const WORD_GAP = 0.15;

function sameBaseline(a: PdfItem, b: PdfItem): boolean {
  return Math.abs(a.y - b.y) <= Math.max(1, 0.3 * Math.min(a.h, b.h));
}

/** Pieces grouped into lines, top to bottom, each line left to right; far-apart blocks on one baseline split. */
export function toLines(items: readonly PdfItem[], page: number): PdfLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: PdfItem[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row?.[0] && sameBaseline(row[0], item)) row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) =>
    splitBlocks(row.sort((a, b) => a.x0 - b.x0)).map((block) => toLine(block, page)),
  );
}

function splitBlocks(row: PdfItem[]): PdfItem[][] {
  const blocks: PdfItem[][] = [];
  for (const item of row) {
    const block = blocks.at(-1);
    const last = block?.at(-1);
    if (block && last && item.x0 - last.x1 <= BLOCK_GAP * Math.max(last.h, item.h)) block.push(item);
    else blocks.push([item]);
  }
  return blocks;
}

function toLine(items: PdfItem[], page: number): PdfLine {
  let text = '';
  let previous: PdfItem | undefined;
  for (const item of items) {
    const gap = previous ? item.x0 - previous.x1 : 0;
    const spaced = text.endsWith(' ') || item.text.startsWith(' ');
    if (previous && !spaced && gap > WORD_GAP * item.h) text += ' ';
    text += item.text;
    previous = item;
  }
  return {
    text: collapseSpaces(text),
    x0: Math.min(...items.map((i) => i.x0)),
    x1: Math.max(...items.map((i) => i.x1)),
    y: items[0]?.y ?? 0,
    h: Math.max(...items.map((i) => i.h)),
    page,
  };
}

/** A lone page number at the top or bottom edge of a page is not part of the document's text. */
export function isPageNumber(line: PdfLine, page: PdfPage): boolean {
  if (!/^[-–\s]*\d{1,3}[-–\s]*$/.test(line.text)) return false;
  return line.y < page.height * 0.1 || line.y > page.height * 0.9;
}

/**
 * The whole text of pages, line by line, for the layouts that are not a table (the narrative plan). Where the
 * layout shows that a paragraph ends (the next word would have fitted on the line, the next line is indented, or a
 * wider gap follows), a form-feed line is put between the two lines: the narrative reader takes it as a break.
 */
export function pagesToText(pages: readonly PdfPage[]): { text: string; linePages: Map<number, number> } {
  const out: string[] = [];
  const linePages = new Map<number, number>();
  let previous: { line: PdfLine; right: number; left: number; pitch: number } | null = null;
  for (const page of pages) {
    const lines = toLines(page.items, page.number).filter((line) => !isPageNumber(line, page));
    const body = lines.filter((line) => line.text.length > 20);
    const left = Math.min(...body.map((line) => line.x0));
    const right = Math.max(...body.map((line) => line.x1));
    const pitch = typicalPitch(lines);
    for (const line of lines) {
      if (previous && isBreak(previous, line, page.number)) out.push(PARAGRAPH_BREAK);
      out.push(line.text);
      linePages.set(out.length, page.number);
      previous = { line, right, left, pitch };
    }
  }
  return { text: out.join('\n'), linePages };
}

export const PARAGRAPH_BREAK = '\f';

function isBreak(
  previous: { line: PdfLine; right: number; left: number; pitch: number },
  line: PdfLine,
  page: number,
): boolean {
  const samePage = previous.line.page === page;
  if (samePage && line.y - previous.line.y > 1.5 * previous.pitch) return true;
  // A centred title runs on over centred lines; a centred line after a body line, or the reverse, is new.
  const centred = (l: PdfLine) => isCentred(l, previous.left, previous.right);
  if (centred(previous.line) || centred(line)) return !(centred(previous.line) && centred(line));
  if (line.x0 > previous.left + 0.8 * line.h) return true;
  // A first line indented by the paragraph's indent has less room than the lines under it.
  const room = previous.right - previous.line.x0;
  return Number.isFinite(room) && endsParagraph(previous.line, line, room);
}

function isCentred(line: PdfLine, left: number, right: number): boolean {
  const before = line.x0 - left;
  return before > line.h && Math.abs(before - (right - line.x1)) < 1.5 * line.h;
}

/** The most common distance between consecutive baselines: the line pitch of the body text. */
function typicalPitch(lines: readonly PdfLine[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i += 1) {
    const gap = Math.round((lines[i]?.y ?? 0) - (lines[i - 1]?.y ?? 0));
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : Number.POSITIVE_INFINITY;
}
