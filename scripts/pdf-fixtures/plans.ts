/**
 * The shipped table plans turned into office-file specs: the "clean" one logical table rebuilt from the parsed
 * task rows, and the raw grid exactly as test/ingest/office-roundtrip.test.ts writes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectTableLayout, readCellPerLine, readTabSeparated } from '../../src/ingest/layout-text.ts';
import { parseText } from '../../src/ingest/parse-document.ts';
import { type Column, mapHeader } from '../../src/ingest/table/columns.ts';
import type { RawTaskRow } from '../../src/ingest/types.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';

export interface PlanTable {
  preamble: string[];
  /** Header row first, then section rows and task rows, in the header's column order. */
  rows: string[][];
  /** Relative widths giving the content column 35–40 % of the table. */
  columnWidths: number[];
}

/**
 * Relative width per column: the content column gets 36 %, as in published appendices; STT and the deadline
 * are wide enough for "STT" and "Thường xuyên" not to break inside the word on a portrait page at 13 pt.
 */
const WIDTH: Record<Column, number> = {
  stt: 9,
  content: 36,
  lead: 14,
  coordinate: 13,
  deadline: 12,
  product: 16,
};
const FIELD: Record<Column, keyof RawTaskRow> = {
  stt: 'stt',
  content: 'content',
  lead: 'lead',
  coordinate: 'coordinate',
  deadline: 'deadline',
  product: 'product',
};

export function planText(name: string): string {
  return readFileSync(join(SHIPPED_PLANS_DIR, `${name}.txt`), 'utf8');
}

function readGrid(text: string) {
  return detectTableLayout(text) === 'tab-separated' ? readTabSeparated(text) : readCellPerLine(text);
}

/** The same as `toOfficeSpec` in test/ingest/office-roundtrip.test.ts (kept in step by hand). */
export function rawGridSpec(name: string): { preamble: string[]; rows: string[][] } {
  const table = readGrid(planText(name));
  const width = table.grid.rows[0]?.cells.length ?? 0;
  return {
    preamble: table.preamble.filter((l) => l.trim() !== ''),
    rows: table.grid.rows.map((r) => Array.from({ length: width }, (_, i) => (r.cells[i] ?? '').trim())),
  };
}

/**
 * One logical table: the original header row, a section row (Roman code, title) at each section change, then
 * every parsed task row put back into the header's column order. Cells keep their '\n' (paragraphs in Word).
 */
export function planTable(name: string): PlanTable {
  const text = planText(name);
  const header = (readGrid(text).grid.rows[0]?.cells ?? []).map((c) => c.trim());
  const map = mapHeader(header);
  const columnOf = (index: number) => (Object.keys(map) as Column[]).find((c) => map[c] === index);
  const rows: string[][] = [header];
  const blank = () => header.map(() => '');
  let section = '';
  for (const task of parseText(text).rows) {
    const key = `${task.sectionCode}\u0000${task.sectionTitle}`;
    if (task.sectionCode !== '' && key !== section) {
      const row = blank();
      row[map.stt ?? 0] = task.sectionCode;
      row[map.content ?? 1] = task.sectionTitle;
      rows.push(row);
    }
    section = key;
    rows.push(
      header.map((_, index) => {
        const column = columnOf(index);
        return column ? String(task[FIELD[column]] ?? '') : '';
      }),
    );
  }
  const columnWidths = header.map((_, index) => {
    const column = columnOf(index);
    return column ? WIDTH[column] : 12;
  });
  const preamble = readGrid(text)
    .preamble.map((l) => l.trim())
    .filter((l) => l !== '');
  return { preamble, rows, columnWidths };
}

/** Task rows of a plan table (not the header, not section rows), for the page-break check. */
export function taskRowsOf(table: PlanTable, contentIndex: number): string[] {
  const roman = /^[IVX]+$/;
  return table.rows
    .slice(1)
    .filter((cells) => !roman.test(cells[0] ?? '') || (cells[2] ?? '') !== '')
    .map((cells) => cells[contentIndex] ?? '');
}

const ROMANS = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
const TENS = ['', 'X', 'XX', 'XXX'];

/** 1..39 → "I".."XXXIX": the importer reads Roman section codes up to XXXIX. */
export function toRoman(n: number): string {
  if (n < 1 || n > 39) throw new Error(`toRoman: ${n} is outside 1..39`);
  return `${TENS[Math.floor(n / 10)]}${ROMANS[n % 10]}`;
}

/**
 * `copies` copies of a plan table one after the other (a fraction: the last copy stops part-way), each copy under
 * fresh Roman section codes (copy 2 of section I becomes IX when the plan has eight sections), so every task id
 * (plan/section/stt) stays unique.
 */
export function repeatedTable(table: PlanTable, copies: number): PlanTable {
  const [header = [], ...body] = table.rows;
  const codes = [...new Set(body.map((r) => r[0] ?? '').filter((c) => /^[IVX]+$/.test(c)))];
  const rows: string[][] = [header];
  const total = Math.round(copies * body.length);
  for (let i = 0; i < total; i += 1) {
    const copy = Math.floor(i / body.length);
    const cells = body[i % body.length] ?? [];
    const at = codes.indexOf(cells[0] ?? '');
    const isSection = at >= 0 && cells.slice(2).every((c) => c === '');
    rows.push(isSection ? [toRoman(copy * codes.length + at + 1), ...cells.slice(1)] : cells);
  }
  // A copy cut just after a section row would leave an empty section.
  if ((rows.at(-1)?.[0] ?? '').match(/^[IVX]+$/)) rows.pop();
  return { ...table, rows };
}
