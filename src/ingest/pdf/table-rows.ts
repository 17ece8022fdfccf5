/**
 * Rebuilds the rows of a PDF task table, page after page, as the grid the .docx and .xlsx readers produce:
 * - a ruled table's rows are the bands between the horizontal rules that cross the STT column; text sits in
 *   its band wherever the cell aligns it (top or vertically centred);
 * - a cell merged across rows (its text centred over both) goes to the first of them, and a cell merged across
 *   columns to its leftmost column, as the .docx reader leaves '' in the slots a merged cell covers;
 * - the first band of a page with an empty STT is the end of a row cut by the page break: its lines are added
 *   to that row's cells, so a phrase cut in two is joined by the line rules below, not as a new sub-row;
 * - a table without rules is cut into rows around the numbers in its STT column.
 */
import { isHeaderRow, mapHeader } from '../table/columns.ts';
import type { GridRow } from '../types.ts';
import { joinCellLines } from './cell-lines.ts';
import { columnOf, crossingAt, isSttWord, rulesAcross, type Span, type TableFrame } from './table-frame.ts';
import { isPageNumber, toLines } from './text-lines.ts';
import type { PdfItem, PdfLine, PdfPage } from './types.ts';

interface Band {
  page: number;
  top: number;
  bottom: number;
  /** Per column: the pieces placed in it, then its lines. */
  items: PdfItem[][];
  lines: PdfLine[][];
  /** Per column: the cell (merged or not) the text sits in, for the width a line could have taken. */
  cells: (Span | undefined)[];
  /** A header row repeated on a new page. */
  header: boolean;
}

export interface TableText {
  preamble: string[];
  rows: GridRow[];
  after: string[];
  /** The page each grid row starts on. */
  linePages: Map<number, number>;
}

const ROW_NUMBER = /^([0-9]+(\.[0-9]+)*|[IVXLC]+)\.?$/;

export function readTableRows(pages: readonly PdfPage[], frame: TableFrame): TableText {
  const preamble = pages
    .filter((page) => page.number <= frame.page)
    .flatMap((page) =>
      linesOf(page, page.number === frame.page ? (item) => item.y <= frame.headerTop : () => true),
    );
  const rows: Band[] = [];
  let after: PdfLine[] = [];
  for (const page of pages.filter((p) => p.number >= frame.page)) {
    const start = page.number === frame.page ? frame.headerBottom : -Infinity;
    const bands = frame.ruled ? ruledBands(page, frame, start) : anchoredBands(page, frame, start);
    if (bands.length === 0) {
      if (rows.length > 0) after.push(...linesOf(page, () => true));
      continue;
    }
    const last = bands.at(-1)?.bottom ?? start;
    after = linesOf(page, (item) => item.y > last + 1);
    fill(page, frame, bands);
    takeBands(rows, bands, frame, page.number === frame.page);
  }
  const map = mapHeader(frame.header);
  const unitColumns = new Set([map.lead, map.coordinate]);
  const spans = frame.ruled ? [] : columnSpans(rows);
  const gridRows = rows.map((band, index) => ({
    line: index + 2,
    cells: band.lines.map((lines, column) =>
      joinCellLines(lines, {
        cell: frame.ruled ? band.cells[column] : spans[column],
        ruled: frame.ruled,
        units: unitColumns.has(column),
      }),
    ),
  }));
  return {
    preamble: preamble.map((line) => line.text),
    rows: [{ line: 1, cells: frame.header }, ...gridRows],
    after: after.map((line) => line.text),
    linePages: new Map([
      [1, frame.page],
      ...rows.map((band, index): [number, number] => [index + 2, band.page]),
    ]),
  };
}

/**
 * Without rules: where a column's lines wrap, over the whole table. The 90th percentile of their right edges, not
 * the largest: a token wider than the column (a long reference) runs past the edge and would make it look wider.
 */
function columnSpans(rows: readonly Band[]): (Span | undefined)[] {
  const width = rows[0]?.lines.length ?? 0;
  return Array.from({ length: width }, (_, column) => {
    const lines = rows.filter((row) => !row.header).flatMap((row) => row.lines[column] ?? []);
    if (lines.length === 0) return undefined;
    const rights = lines.map((l) => l.x1).sort((a, b) => a - b);
    const x1 = rights[Math.floor(0.9 * (rights.length - 1))] ?? 0;
    return { x0: Math.min(...lines.map((l) => l.x0)), x1 };
  });
}

function linesOf(page: PdfPage, keep: (item: PdfItem) => boolean): PdfLine[] {
  return toLines(page.items.filter(keep), page.number).filter((line) => !isPageNumber(line, page));
}

function emptyBand(page: number, top: number, bottom: number, width: number): Band {
  const empty = () => Array.from({ length: width }, () => []);
  const cells = Array.from({ length: width }, (): Span | undefined => undefined);
  return { page, top, bottom, items: empty(), lines: empty(), cells, header: false };
}

function sttCenter(frame: TableFrame): number {
  const column = frame.columns[frame.stt];
  return column ? (column.x0 + column.x1) / 2 : 0;
}

/**
 * The bands between the rules crossing the STT column. A band that no vertical rule crosses is not a row but the
 * space between two tables (or under the last one): its text is not the table's.
 */
function ruledBands(page: PdfPage, frame: TableFrame, start: number): Band[] {
  const ys = rulesAcross(page, sttCenter(frame)).filter((y) => y >= start - 1);
  const x0 = frame.columns[0]?.x0 ?? 0;
  const x1 = frame.columns.at(-1)?.x1 ?? page.width;
  return ys
    .slice(1)
    .map((bottom, index) => emptyBand(page.number, ys[index] ?? 0, bottom, frame.columns.length))
    .filter((band) => crossingAt(page, (band.top + band.bottom) / 2, x0, x1).length >= 2);
}

/**
 * Without rules: a band per row number, from halfway to the previous number to halfway to the next. A repeated
 * header's band ends two lines and a half under its "STT" (a header cell holds up to three lines).
 */
function anchoredBands(page: PdfPage, frame: TableFrame, start: number): Band[] {
  const column = frame.columns[frame.stt];
  const anchors = page.items
    .filter((item) => item.y > start && column && columnOf([column], (item.x0 + item.x1) / 2) === 0)
    .filter((item) => ROW_NUMBER.test(item.text.trim()) || isSttWord(item.text));
  const bottomOfTable = tableBottom(page, frame, anchors.at(-1)?.y);
  const bottoms = anchors.map((anchor, index) => {
    const next = anchors[index + 1];
    if (!next) return bottomOfTable;
    const half = (anchor.y + next.y) / 2;
    return isSttWord(anchor.text)
      ? Math.max(half, Math.min(anchor.y + 2.5 * anchor.h, next.y - anchor.h))
      : half;
  });
  return anchors.map((_, index) => {
    const top = index === 0 ? start : (bottoms[index - 1] ?? start);
    return emptyBand(
      page.number,
      Math.max(top, start),
      bottoms[index] ?? bottomOfTable,
      frame.columns.length,
    );
  });
}

/** Below the last row number, lines that follow each other closely are still the last row. */
function tableBottom(page: PdfPage, frame: TableFrame, lastAnchor: number | undefined): number {
  if (lastAnchor === undefined) return -Infinity;
  const x0 = frame.columns[0]?.x0 ?? 0;
  const x1 = frame.columns.at(-1)?.x1 ?? page.width;
  const below = page.items
    .filter((item) => item.y > lastAnchor && item.x0 >= x0 - 1 && item.x1 <= x1 + 1)
    .sort((a, b) => a.y - b.y);
  let bottom = lastAnchor;
  for (const item of below) {
    if (item.y - bottom > 2.2 * item.h) break;
    bottom = item.y;
  }
  return bottom + 1;
}

/** Places every piece of the page's table area in its band and column. */
function fill(page: PdfPage, frame: TableFrame, bands: Band[]): void {
  const x0 = frame.columns[0]?.x0 ?? 0;
  const x1 = frame.columns.at(-1)?.x1 ?? page.width;
  const pending = page.items.filter((item) => (item.x0 + item.x1) / 2 >= x0 && (item.x0 + item.x1) / 2 <= x1);
  while (pending.length > 0) {
    const item = pending.pop() as PdfItem;
    const band = bands.find((b) => b.top < item.y && item.y <= b.bottom + 1);
    if (!band) continue;
    const cell = cellAt(page, frame, band, item.x0 + 1);
    if (!cell) continue;
    const [inside, rest] = splitAt(item, cell.x1);
    if (rest) pending.push(rest);
    const column = columnOf(frame.columns, cell.x0 + 1);
    const target = frame.ruled ? rowSpanTop(page, bands, band, frame.columns[column], inside) : band;
    target.items[column]?.push(inside);
    target.cells[column] ??= cell;
  }
  for (const band of bands) band.lines = band.items.map((items) => toLines(items, band.page));
}

/** The cell holding x in a band: between the vertical rules crossing the band, else the header's column. */
function cellAt(page: PdfPage, frame: TableFrame, band: Band, x: number): Span | undefined {
  const table = { x0: frame.columns[0]?.x0 ?? 0, x1: frame.columns.at(-1)?.x1 ?? page.width };
  const xs = frame.ruled ? crossingAt(page, (band.top + band.bottom) / 2, table.x0, table.x1) : [];
  if (xs.length >= 2) {
    const right = xs.findIndex((edge) => edge > x);
    if (right <= 0) return undefined;
    return { x0: xs[right - 1] ?? table.x0, x1: xs[right] ?? table.x1 };
  }
  const column = frame.columns[columnOf(frame.columns, x)];
  return column ? { ...column } : undefined;
}

/** A piece running over its cell's right border (two cells drawn as one piece of text) is cut at a space. */
function splitAt(item: PdfItem, border: number): [PdfItem, PdfItem | null] {
  if (item.x1 <= border + 2 || !item.text.includes(' ')) return [item, null];
  const share = (border - item.x0) / (item.x1 - item.x0);
  const guess = Math.round(share * item.text.length);
  const spaces = [...item.text.matchAll(/ /g)].map((m) => m.index ?? 0);
  const cut = spaces.reduce((best, at) => (Math.abs(at - guess) < Math.abs(best - guess) ? at : best));
  const x = item.x0 + ((item.x1 - item.x0) * cut) / item.text.length;
  return [
    { ...item, text: item.text.slice(0, cut), x1: x },
    { ...item, text: item.text.slice(cut + 1), x0: x + 1 },
  ];
}

/** A cell merged down over several rows belongs to the row where it starts: the rule just above its text. */
function rowSpanTop(page: PdfPage, bands: Band[], band: Band, column: Span | undefined, item: PdfItem): Band {
  if (!column) return band;
  const top = rulesAcross(page, (column.x0 + column.x1) / 2)
    .filter((y) => y < item.y - 0.6 * item.h)
    .at(-1);
  if (top === undefined) return band;
  return bands.find((b) => Math.abs(b.top - top) <= 2 && b.top <= band.top) ?? band;
}

/** Adds a page's bands to the rows: a repeated header stays a header row; a cut row is joined to the one above. */
function takeBands(rows: Band[], bands: Band[], frame: TableFrame, firstPage: boolean): void {
  let first = !firstPage;
  for (const band of bands) {
    if (band.lines.every((lines) => lines.length === 0)) continue;
    band.header = isHeaderRow(band.lines.map((lines) => lines.map((line) => line.text).join(' ')));
    if (band.header) {
      rows.push(band);
      continue;
    }
    // The rest of a row cut by the page break; a header repeated at the top of this page is not that row, but a
    // header cut at the bottom of the last page is.
    const last = rows.at(-1);
    const previous = last?.header && last.page === band.page ? rows.findLast((row) => !row.header) : last;
    const continues = first && (band.lines[frame.stt]?.length ?? 0) === 0;
    first = false;
    if (continues && previous) {
      band.lines.forEach((lines, column) => {
        previous.lines[column]?.push(...lines);
        previous.cells[column] ??= band.cells[column];
      });
      continue;
    }
    rows.push(band);
  }
}
