/**
 * Finds the task table on a PDF's pages: the header cell "STT", the header row around it, and the columns.
 * Columns come from the vertical rules under the header's last line (a two-level header divides its lower row
 * into every column); a table without rules gets its columns from where the header texts sit.
 */
import { fold } from '../../vi/fold.ts';
import { isHeaderRow, looksLikeHeader } from '../table/columns.ts';
import { toLines } from './text-lines.ts';
import type { PdfItem, PdfPage } from './types.ts';

export interface Span {
  x0: number;
  x1: number;
}

export interface TableFrame {
  /** Page of the header row. */
  page: number;
  headerTop: number;
  headerBottom: number;
  columns: Span[];
  header: string[];
  stt: number;
  /** Rows are separated by horizontal rules across the STT column (a ruled table). */
  ruled: boolean;
}

const STT_WORDS = new Set(['stt', 'tt', 'so tt', 'so thu tu']);
/** Two rules closer than this (points) are one line drawn twice, or a double border. */
export const SAME_RULE = 2;
const NARROWEST_COLUMN = 4;

export function findTableFrame(pages: readonly PdfPage[]): TableFrame | null {
  let partial: TableFrame | null = null;
  for (const page of pages) {
    for (const item of sttCells(page)) {
      const frame = frameAround(page, item);
      if (frame && isHeaderRow(frame.header)) return frame;
      if (frame && looksLikeHeader(frame.header)) partial ??= frame;
    }
  }
  // A header that misses a column still goes to the table reader, which names the missing column.
  return partial;
}

const sttKey = (text: string) => fold(text).replace(/[.:]/g, '');

/** "STT", "TT", "Số TT": the header of the row-number column. */
export const isSttWord = (text: string): boolean => STT_WORDS.has(sttKey(text));

/**
 * Pieces that read "STT", also when a narrow column wraps it ("ST" over "T", "Số" over "TT"): the piece and the
 * ones right below it in the same column are read together.
 */
function sttCells(page: PdfPage): PdfItem[] {
  const cells: PdfItem[] = [];
  for (const item of page.items) {
    let text = item.text;
    let cell = item;
    for (let below = nextBelow(page, cell); ; below = nextBelow(page, cell)) {
      if (STT_WORDS.has(sttKey(text))) {
        cells.push({ ...item, x0: cell.x0, x1: cell.x1 });
        break;
      }
      if (!below || !'sttso'.startsWith(sttKey(text).replace(/ /g, ''))) break;
      text =
        /^t/i.test(below.text) && sttKey(text) !== 'so' ? `${text}${below.text}` : `${text} ${below.text}`;
      cell = { ...below, x0: Math.min(cell.x0, below.x0), x1: Math.max(cell.x1, below.x1) };
    }
  }
  return cells;
}

/** The piece on the next line that overlaps this one horizontally. */
function nextBelow(page: PdfPage, item: PdfItem): PdfItem | undefined {
  return page.items.find(
    (other) =>
      other.y > item.y && other.y - item.y <= 1.6 * item.h && other.x0 < item.x1 && other.x1 > item.x0,
  );
}

/** The x of rules crossing a horizontal line at `y`, left to right, one per border. */
export function crossingAt(page: PdfPage, y: number, x0 = -Infinity, x1 = Infinity): number[] {
  const xs = page.vertical
    .filter((rule) => rule.y0 - 1 <= y && y <= rule.y1 + 1 && rule.x >= x0 - 1 && rule.x <= x1 + 1)
    .map((rule) => rule.x)
    .sort((a, b) => a - b);
  return xs.filter((x, index) => index === 0 || x - (xs[index - 1] ?? x) > SAME_RULE);
}

/** The y of horizontal rules crossing the vertical line at `x`, top to bottom, one per border. */
export function rulesAcross(page: PdfPage, x: number): number[] {
  const ys = page.horizontal
    .filter((rule) => rule.x0 - 1 <= x && x <= rule.x1 + 1)
    .map((rule) => rule.y)
    .sort((a, b) => a - b);
  return ys.filter((y, index) => index === 0 || y - (ys[index - 1] ?? y) > SAME_RULE);
}

function frameAround(page: PdfPage, stt: PdfItem): TableFrame | null {
  const sttX = (stt.x0 + stt.x1) / 2;
  const across = rulesAcross(page, sttX);
  const above = across.filter((y) => y < stt.y - 0.6 * stt.h).at(-1);
  const below = across.find((y) => y > stt.y);
  const ruled = above !== undefined && below !== undefined;
  const headerTop = ruled ? above : stt.y - 3 * stt.h;
  const headerBottom = ruled ? below : stt.y + 2.5 * stt.h;
  const inHeader = page.items.filter((item) => item.y > headerTop && item.y <= headerBottom + 1);
  const xs = ruled ? crossingAt(page, headerBottom - SAME_RULE) : [];
  const columns =
    xs.length >= 3 ? spansBetween(xs) : clusterColumns(inHeader, page.width).filter((c) => c.x1 > c.x0);
  const stIndex = columns.findIndex((c) => c.x0 <= sttX && sttX <= c.x1);
  if (stIndex < 0 || columns.length < 3) return null;
  const header = columns.map((column) =>
    toLines(
      inHeader.filter((item) => columnOf(columns, item.x0 + 1) === columns.indexOf(column)),
      page.number,
    )
      .map((line) => line.text)
      .join(' '),
  );
  return { page: page.number, headerTop, headerBottom, columns, header, stt: stIndex, ruled };
}

function spansBetween(xs: number[]): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i < xs.length; i += 1) {
    const x0 = xs[i - 1] ?? 0;
    const x1 = xs[i] ?? 0;
    if (x1 - x0 >= NARROWEST_COLUMN) spans.push({ x0, x1 });
  }
  return spans;
}

/** Without rules: header texts that overlap horizontally are one column; borders halfway between columns. */
function clusterColumns(items: readonly PdfItem[], pageWidth: number): Span[] {
  const clusters: Span[] = [];
  for (const item of [...items].sort((a, b) => a.x0 - b.x0)) {
    const last = clusters.at(-1);
    if (last && item.x0 <= last.x1 + 1) last.x1 = Math.max(last.x1, item.x1);
    else clusters.push({ x0: item.x0, x1: item.x1 });
  }
  return clusters.map((cluster, index) => ({
    x0: index === 0 ? 0 : ((clusters[index - 1]?.x1 ?? 0) + cluster.x0) / 2,
    x1: index === clusters.length - 1 ? pageWidth : (cluster.x1 + (clusters[index + 1]?.x0 ?? pageWidth)) / 2,
  }));
}

/** Index of the column holding x; -1 when x is outside the table. */
export function columnOf(columns: readonly Span[], x: number): number {
  return columns.findIndex((c) => c.x0 <= x && x < c.x1);
}
