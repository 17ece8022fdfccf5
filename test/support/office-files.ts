/**
 * Builds real .docx and .xlsx files for the reader tests, shaped like the plans offices keep: a few heading
 * paragraphs (or rows) above a task table whose first row is the header.
 */
import {
  Document,
  type FileChild,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';

/** A merged range in `rows` coordinates (0-based row and column); the text is the one at its top-left cell. */
export interface CellMerge {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}

export interface DocxSpec {
  preamble: string[];
  rows: string[][];
  /** Splits the table every N data rows into separate tables, separated by a page break (Word's re-split). */
  splitEvery?: number;
  /** With `splitEvery`: whether each continuation table starts with the header row again (default true). */
  repeatHeader?: boolean;
  /** Not combined with `splitEvery`. */
  merges?: CellMerge[];
}

export interface XlsxSpec {
  preamble: string[];
  rows: string[][];
  /** Column c of the sheet holds column `columnOrder[c]` of `rows`. */
  columnOrder?: number[];
  /** Not combined with `columnOrder`. */
  merges?: CellMerge[];
}

export async function makeDocx(doc: DocxSpec): Promise<Buffer> {
  if (doc.merges && doc.splitEvery) throw new Error('makeDocx: merges cannot be combined with splitEvery');
  const [header = [], ...body] = doc.rows;
  const chunks = doc.splitEvery ? chunk(body, doc.splitEvery) : [body];
  const children: FileChild[] = doc.preamble.map((line) => new Paragraph(line));
  chunks.forEach((rows, index) => {
    if (index > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    const withHeader = index === 0 || doc.repeatHeader !== false;
    if (doc.rows.length > 0)
      children.push(toDocxTable(withHeader ? [header, ...rows] : rows, withHeader, doc.merges ?? []));
  });
  const document = new Document({ sections: [{ children }] });
  return Packer.toBuffer(document);
}

export async function makeXlsx(doc: XlsxSpec): Promise<Buffer> {
  if (doc.merges && doc.columnOrder) throw new Error('makeXlsx: merges cannot be combined with columnOrder');
  return makeWorkbook((sheet) => {
    doc.preamble.forEach((line, index) => {
      sheet.getCell(index + 1, 1).value = line;
    });
    const top = doc.preamble.length > 0 ? doc.preamble.length + 2 : 1;
    const width = Math.max(0, ...doc.rows.map((cells) => cells.length));
    const order = doc.columnOrder ?? Array.from({ length: width }, (_, index) => index);
    doc.rows.forEach((cells, rowIndex) => {
      for (const [column, source] of order.entries()) {
        writeCell(sheet.getCell(top + rowIndex, column + 1), cells[source] ?? '');
      }
    });
    for (const merge of doc.merges ?? []) {
      const row = top + merge.row;
      const col = merge.col + 1;
      sheet.mergeCells(row, col, row + (merge.rowSpan ?? 1) - 1, col + (merge.colSpan ?? 1) - 1);
    }
  });
}

/** A workbook with one sheet filled by `fill`, for values `makeXlsx` does not write (numbers, dates, formulas). */
export async function makeWorkbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Phụ lục'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An empty workbook (no sheet at all). */
export async function makeEmptyWorkbook(): Promise<Buffer> {
  return Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
}

function writeCell(cell: ExcelJS.Cell, text: string): void {
  if (text === '') return;
  cell.value = text;
  if (text.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
}

function toDocxTable(rows: string[][], withHeader: boolean, merges: readonly CellMerge[]): Table {
  const covered = coveredSlots(merges);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, rowIndex) =>
        new TableRow({
          // Word's "repeat as header row" on the header row.
          tableHeader: withHeader && rowIndex === 0,
          children: cells.flatMap((text, col) => {
            if (covered.has(`${rowIndex}:${col}`)) return [];
            const merge = merges.find((m) => m.row === rowIndex && m.col === col);
            return [toDocxCell(text, merge)];
          }),
        }),
    ),
  });
}

function toDocxCell(text: string, merge: CellMerge | undefined): TableCell {
  // '\n' marks a new paragraph, as an Enter inside a Word cell.
  const children = text.split('\n').map((line) => new Paragraph(line));
  return new TableCell({ children, columnSpan: merge?.colSpan ?? 1, rowSpan: merge?.rowSpan ?? 1 });
}

/** Slots hidden by a merge (all but the top-left one), as "row:col". */
function coveredSlots(merges: readonly CellMerge[]): Set<string> {
  const covered = new Set<string>();
  for (const merge of merges) {
    for (let down = 0; down < (merge.rowSpan ?? 1); down += 1) {
      for (let right = 0; right < (merge.colSpan ?? 1); right += 1) {
        if (down > 0 || right > 0) covered.add(`${merge.row + down}:${merge.col + right}`);
      }
    }
  }
  return covered;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks.length > 0 ? chunks : [[]];
}
