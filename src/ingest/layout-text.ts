import { looksLikeHeader } from './table/columns.ts';
import type { GridRow, Layout, TableDocument } from './types.ts';

/**
 * The two text extractions of a table:
 * - 'tab-separated': one row per line, cells separated by tabs;
 * - 'cell-per-line': every cell on its own tab-indented line, a blank line between rows (a row may itself be
 *   interrupted by a blank line, so cells are gathered until the row is complete).
 */
export function detectTableLayout(text: string): Extract<Layout, 'tab-separated' | 'cell-per-line'> | null {
  const lines = text.split('\n');
  if (lines.some((l) => l.includes('\t') && !l.startsWith('\t') && looksLikeHeader(l.split('\t')))) {
    return 'tab-separated';
  }
  if (findCellPerLineHeader(lines) !== null) return 'cell-per-line';
  return null;
}

export function readTabSeparated(text: string): TableDocument {
  const lines = text.split('\n');
  const headerAt = lines.findIndex((l) => looksLikeHeader(l.split('\t')));
  const rows: GridRow[] = [];
  lines.forEach((line, i) => {
    if (i >= headerAt && line.trim() !== '') rows.push({ line: i + 1, cells: line.split('\t') });
  });
  return { layout: 'tab-separated', preamble: lines.slice(0, Math.max(headerAt, 0)), grid: { rows } };
}

interface CellLine {
  line: number;
  text: string;
}

/** Blocks of consecutive tab-indented lines; a line holding only a tab is an empty cell, not a separator. */
function toBlocks(lines: string[], from: number): CellLine[][] {
  const blocks: CellLine[][] = [];
  let current: CellLine[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('\t')) {
      current.push({ line: i + 1, text: line.slice(1) });
    } else if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else if (current.length > 0) {
      // A wrapped line without its tab still belongs to the cell above.
      const last = current[current.length - 1];
      if (last) last.text = `${last.text} ${line.trim()}`;
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function findCellPerLineHeader(lines: string[]): number | null {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.startsWith('\t') || (i > 0 && lines[i - 1]?.startsWith('\t'))) continue;
    const block = toBlocks(lines, i)[0] ?? [];
    if (looksLikeHeader(block.map((c) => c.text))) return i;
  }
  return null;
}

const SECTION_NUMBER = /^[IVX]+\.?$/;

export function readCellPerLine(text: string): TableDocument {
  const lines = text.split('\n');
  const headerAt = findCellPerLineHeader(lines) ?? 0;
  const [header, ...blocks] = toBlocks(lines, headerAt);
  const width = header?.length ?? 0;
  const rows: GridRow[] = header ? [toRow(header)] : [];
  let pending: CellLine[] = [];
  for (const block of blocks) {
    pending = [...pending, ...block];
    const first = pending[0]?.text.trim() ?? '';
    // A section row ("I" + title) is complete with two cells; a task row needs every column.
    if (pending.length >= width || (SECTION_NUMBER.test(first) && pending.length === 2)) {
      rows.push(toRow(pending));
      pending = [];
    }
  }
  if (pending.length > 0) rows.push(toRow(pending));
  return { layout: 'cell-per-line', preamble: lines.slice(0, headerAt), grid: { rows } };
}

function toRow(cells: CellLine[]): GridRow {
  return { line: cells[0]?.line ?? 0, cells: cells.map((c) => c.text) };
}
