/**
 * Reads an Excel (.xlsx) plan into a `TableDocument`. The task table starts at the first row with at least four
 * cells with text (the header) on the first visible worksheet that has one; the rows above it are the preamble.
 * Cells are read as Excel shows them with the General format: 4.1 stays "4.1", dates become dd/mm/yyyy,
 * formulas give their cached result. A merged range keeps its value in its top-left cell only.
 */

import type { Cell, CellValue, Row, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { toCellText } from './cell-text.ts';
import {
  countFilled,
  isLegacyOfficeFile,
  MIN_HEADER_CELLS,
  OFFICE_MESSAGES,
  toDocumentError,
  toRectangular,
} from './office-text.ts';
import { DocumentError, type GridRow, type TableDocument } from './types.ts';

// Excel displays at most 15 significant digits: 0.1+0.2 is shown as 0.3.
const EXCEL_DIGITS = 15;

export async function readXlsx(buffer: Buffer): Promise<TableDocument> {
  const workbook = await loadWorkbook(buffer);
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const document = toTableDocument(sheet);
    if (document) return document;
  }
  throw new DocumentError(OFFICE_MESSAGES.xlsxNoTable, null);
}

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (isLegacyOfficeFile(buffer)) throw new DocumentError(OFFICE_MESSAGES.xlsxLegacy, null);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy of the bytes is one.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch (error) {
    throw toDocumentError(OFFICE_MESSAGES.xlsxInvalid, error);
  }
  return workbook;
}

function toTableDocument(sheet: Worksheet): TableDocument | null {
  const rows = readRows(sheet);
  const headerIndex = rows.findIndex((row) => countFilled(row.cells) >= MIN_HEADER_CELLS);
  if (headerIndex === -1) return null;
  const preamble = rows
    .slice(0, headerIndex)
    .flatMap((row) =>
      row.cells
        .filter((cell) => cell !== '')
        .join(' ')
        .split('\n'),
    )
    .filter((line) => line !== '');
  const table = rows.slice(headerIndex).filter((row) => countFilled(row.cells) > 0);
  return { layout: 'xlsx', preamble, grid: { rows: toRectangular(withoutLeadingColumns(table)) } };
}

/** Every row of the used range, one string per cell from column A; the Excel row number is the line. */
function readRows(sheet: Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  for (let line = 1; line <= sheet.rowCount; line += 1) {
    const row = sheet.findRow(line);
    rows.push({ line, cells: row ? readCells(row) : [] });
  }
  return rows;
}

function readCells(row: Row): string[] {
  const cells: string[] = [];
  for (let column = 1; column <= row.cellCount; column += 1) cells.push(toText(row.getCell(column)));
  return cells;
}

function toText(cell: Cell): string {
  // exceljs reports the master's value in every cell of a merged range; only the master holds it.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return toCellText(valueText(cell.value));
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return valueText(value.text);
  return valueText(value.result);
}

function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(EXCEL_DIGITS)));
}

/** exceljs gives dates as UTC midnight of the calendar day shown in Excel. */
function dateText(value: Date): string {
  const day = String(value.getUTCDate()).padStart(2, '0');
  const month = String(value.getUTCMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${value.getUTCFullYear()}`;
}

/** Drops the empty columns left of the table (a table drawn from column B or C). */
function withoutLeadingColumns(rows: readonly GridRow[]): GridRow[] {
  const firstFilled = rows.map((row) => row.cells.findIndex((cell) => cell !== ''));
  const offset = Math.min(...firstFilled.filter((index) => index >= 0));
  return rows.map((row) => ({ line: row.line, cells: row.cells.slice(offset) }));
}
