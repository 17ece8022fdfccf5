/**
 * Builds real .docx and .xlsx files for the reader tests, shaped like the plans offices keep: a few heading
 * paragraphs (or rows) above a task table whose first row is the header. The print options (landscape, ruled
 * cells, column widths, repeated header) make files that LibreOffice turns into PDFs looking like published
 * plans, for the PDF fixtures (scripts/make-pdf-fixtures.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  type IBorderOptions,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
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
  /** Cell text with '\n' becomes one paragraph per line, as an Enter inside a Word cell. */
  rows: string[][];
  /** Splits the table every N data rows into separate tables, separated by a page break (Word's re-split). */
  splitEvery?: number;
  /** With `splitEvery`: whether each continuation table starts with the header row again (default true). */
  repeatHeader?: boolean;
  /** Not combined with `splitEvery`. */
  merges?: CellMerge[];
  /** A4 landscape, 2 cm margins: the usual page of a plan appendix with six columns. */
  landscape?: boolean;
  /** A single-line border on every side of every cell: published plan tables are ruled. */
  borders?: boolean;
  /** Marks the header row "repeat as header row at the top of each page" (default true, as before). */
  headerRepeats?: boolean;
  verticalAlign?: 'top' | 'center';
  /** Relative column widths ([5, 35, 15, 15, 12, 18]), scaled to the width between the margins. */
  columnWidths?: number[];
  /** A row whose first cell is a Roman numeral and whose cells after index 1 are empty: the title spans the row. */
  sectionRows?: boolean;
  /** Document font and size in points (default: LibreOffice's, as before). */
  font?: { name: string; size?: number };
  /** Centred bold preamble, bold centred header and bold section rows, as a published appendix is set. */
  planStyle?: boolean;
}

export interface XlsxSpec {
  preamble: string[];
  rows: string[][];
  /** Column c of the sheet holds column `columnOrder[c]` of `rows`. */
  columnOrder?: number[];
  /** Not combined with `columnOrder`. */
  merges?: CellMerge[];
  /**
   * Set up for printing: wrapped text and borders in the table, column widths, A4 landscape fitted to one page
   * wide, the header row repeated on every printed page.
   */
  print?: boolean;
  /** With `print`: relative widths of the columns of `rows` (before `columnOrder`). */
  columnWidths?: number[];
}

/** A4 in twips (1/20 pt). */
const A4 = { short: 11906, long: 16838 };
/** docx's default margin (1 inch) and the 2 cm used for landscape appendices, in twips. */
const DEFAULT_MARGIN = 1440;
const LANDSCAPE_MARGIN = 1134;
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_RULES = { top: RULE, bottom: RULE, left: RULE, right: RULE };
const ROMAN_CODE = /^[IVX]+\.?$/;

export async function makeDocx(doc: DocxSpec): Promise<Buffer> {
  if (doc.merges && doc.splitEvery) throw new Error('makeDocx: merges cannot be combined with splitEvery');
  const [header = [], ...body] = doc.rows;
  const chunks = doc.splitEvery ? chunk(body, doc.splitEvery) : [body];
  const margin = doc.landscape ? LANDSCAPE_MARGIN : DEFAULT_MARGIN;
  const textWidth = (doc.landscape ? A4.long : A4.short) - 2 * margin;
  const children: FileChild[] = doc.preamble.map((line) => preambleParagraph(line, doc.planStyle === true));
  chunks.forEach((rows, index) => {
    if (index > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    const withHeader = index === 0 || doc.repeatHeader !== false;
    if (doc.rows.length > 0)
      children.push(toDocxTable(withHeader ? [header, ...rows] : rows, withHeader, doc, textWidth));
  });
  const page = {
    size: { width: A4.short, height: A4.long, orientation: PageOrientation.LANDSCAPE },
    margin: { top: margin, right: margin, bottom: margin, left: margin },
  };
  const run = doc.font && { font: doc.font.name, ...(doc.font.size ? { size: doc.font.size * 2 } : {}) };
  const document = new Document({
    ...(run ? { styles: { default: { document: { run } } } } : {}),
    sections: [{ ...(doc.landscape ? { properties: { page } } : {}), children }],
  });
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
        const cell = sheet.getCell(top + rowIndex, column + 1);
        writeCell(cell, cells[source] ?? '');
        if (doc.print) printCell(cell);
      }
    });
    for (const merge of doc.merges ?? []) {
      const row = top + merge.row;
      const col = merge.col + 1;
      sheet.mergeCells(row, col, row + (merge.rowSpan ?? 1) - 1, col + (merge.colSpan ?? 1) - 1);
    }
    if (doc.print) setUpPrinting(sheet, doc, order, top);
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

/** Every table cell wrapped and ruled, so a printed sheet looks like the Word table. */
function printCell(cell: ExcelJS.Cell): void {
  cell.alignment = { wrapText: true, vertical: 'top' };
  const thin: Partial<ExcelJS.Border> = { style: 'thin' };
  cell.border = { top: thin, left: thin, bottom: thin, right: thin };
}

/** Total width of the printed table in Excel character units (about a landscape A4 fitted to one page). */
const PRINT_WIDTH = 150;

function setUpPrinting(sheet: ExcelJS.Worksheet, doc: XlsxSpec, order: number[], top: number): void {
  // Without given widths a column is as wide as the square root of its text, so the content column wins.
  const guess = (source: number) => Math.sqrt(4 + doc.rows.reduce((n, r) => n + (r[source] ?? '').length, 0));
  const relative = order.map((source) => doc.columnWidths?.[source] ?? guess(source));
  const total = relative.reduce((sum, w) => sum + w, 0) || 1;
  relative.forEach((w, column) => {
    sheet.getColumn(column + 1).width = Math.max(5, Math.round((w / total) * PRINT_WIDTH));
  });
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  // Excel and LibreOffice do not grow a row to its wrapped text on load: give each row the height it needs.
  doc.rows.forEach((cells, rowIndex) => {
    const lines = order.map((source, column) => {
      const chars = sheet.getColumn(column + 1).width ?? 10;
      return (cells[source] ?? '')
        .split('\n')
        .reduce((n, p) => n + Math.max(1, Math.ceil(p.length / chars)), 0);
    });
    sheet.getRow(top + rowIndex).height = 15 * Math.max(1, ...lines);
  });
  // The header row is the first row of `rows`; print it again at the top of every page.
  if (doc.rows.length > 0) sheet.pageSetup.printTitlesRow = `${top}:${top}`;
}

function preambleParagraph(line: string, planStyle: boolean): Paragraph {
  if (!planStyle) return new Paragraph(line);
  // "(Kèm theo …)" is set in italics under the bold title, as on the published appendices.
  const italic = line.trim().startsWith('(');
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: line, bold: !italic, italics: italic })],
  });
}

function toDocxTable(rows: string[][], withHeader: boolean, doc: DocxSpec, textWidth: number): Table {
  const sections = doc.sectionRows ? sectionMerges(rows) : [];
  const merges = [...(doc.merges ?? []), ...sections];
  const covered = coveredSlots(merges);
  const widths = doc.columnWidths ? scale(doc.columnWidths, textWidth) : undefined;
  return new Table({
    ...(widths
      ? {
          columnWidths: widths,
          width: { size: textWidth, type: WidthType.DXA },
          layout: TableLayoutType.FIXED,
        }
      : { width: { size: 100, type: WidthType.PERCENTAGE } }),
    ...(doc.borders ? { borders: { ...CELL_RULES, insideHorizontal: RULE, insideVertical: RULE } } : {}),
    rows: rows.map(
      (cells, rowIndex) =>
        new TableRow({
          // Word's "repeat as header row" on the header row.
          tableHeader: withHeader && rowIndex === 0 && doc.headerRepeats !== false,
          children: cells.flatMap((text, col) => {
            if (covered.has(`${rowIndex}:${col}`)) return [];
            const merge = merges.find((m) => m.row === rowIndex && m.col === col);
            const isTitle =
              (withHeader && rowIndex === 0) || (merge !== undefined && sections.includes(merge));
            const emphasis = doc.planStyle === true && isTitle;
            const width = widths?.slice(col, col + (merge?.colSpan ?? 1)).reduce((sum, w) => sum + w, 0);
            return [toDocxCell(text, merge, doc, emphasis, width)];
          }),
        }),
    ),
  });
}

function toDocxCell(
  text: string,
  merge: CellMerge | undefined,
  doc: DocxSpec,
  emphasis: boolean,
  width: number | undefined,
): TableCell {
  // '\n' marks a new paragraph, as an Enter inside a Word cell.
  const children = text.split('\n').map((line) =>
    emphasis
      ? new Paragraph({
          alignment: merge ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text: line, bold: true })],
        })
      : new Paragraph(line),
  );
  const align = doc.verticalAlign === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP;
  return new TableCell({
    children,
    columnSpan: merge?.colSpan ?? 1,
    rowSpan: merge?.rowSpan ?? 1,
    ...(doc.verticalAlign ? { verticalAlign: align } : {}),
    ...(doc.borders ? { borders: CELL_RULES } : {}),
    ...(width ? { width: { size: width, type: WidthType.DXA } } : {}),
  });
}

/** Section rows ("I", title, '', '', …): the title cell spans to the end of the row. */
function sectionMerges(rows: string[][]): CellMerge[] {
  return rows.flatMap((cells, row) => {
    const isSectionRow =
      cells.length > 2 &&
      ROMAN_CODE.test((cells[0] ?? '').trim()) &&
      cells.slice(2).every((c) => c.trim() === '');
    return isSectionRow ? [{ row, col: 1, colSpan: cells.length - 1 }] : [];
  });
}

/** Relative widths → whole twips (the table may come out a few twips narrower than `total`). */
function scale(relative: number[], total: number): number[] {
  const sum = relative.reduce((s, w) => s + w, 0) || 1;
  return relative.map((w) => Math.floor((w / sum) * total));
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
