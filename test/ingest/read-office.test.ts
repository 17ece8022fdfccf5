import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/ingest/read-docx.ts';
import { readXlsx } from '../../src/ingest/read-xlsx.ts';
import { DocumentError, type TableDocument } from '../../src/ingest/types.ts';
import { MERGED_CELL_ROWS, MERGED_CELLS, MERGED_HEADER } from '../support/merged-rows.ts';
import { makeDocx, makeEmptyWorkbook, makeWorkbook, makeXlsx } from '../support/office-files.ts';

const PLANS_DIR = join(import.meta.dirname, '../../data/plans');
const PLANS = [
  { file: 'ubnd-tinh-2024-par-index-phu-luc.txt', stts: ['4.1', '2.2.1', 'VI'] },
  { file: 'snv-2026-cchc-phu-luc.txt', stts: ['8', 'VII'] },
];
/** The first bytes of a .doc or .xls file (OLE2 compound file). */
const LEGACY_OFFICE_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const COLUMN_ORDER = [5, 3, 0, 4, 1, 2];
const SPLIT_EVERY = 10;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nhiemvu-office-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the generated file to disk and reads it back, as an upload saved by the bot would be. */
async function throughDisk(name: string, buffer: Buffer): Promise<Buffer> {
  const path = join(dir, name);
  await writeFile(path, buffer);
  return readFile(path);
}

/** What a reader must give for a source cell: whitespace collapsed within lines, blank lines dropped. */
function clean(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A shipped TSV plan. Bullet lists flattened by the text export ("- A - B") become paragraphs again. */
async function readPlan(file: string): Promise<{ preamble: string[]; rows: string[][] }> {
  const lines = (await readFile(join(PLANS_DIR, file), 'utf8')).split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith('STT\t'));
  const toParagraphs = (cell: string) =>
    cell.startsWith('- ') ? cell.replace(/ - (?=\p{Lu})/gu, '\n- ') : cell;
  return {
    preamble: lines
      .slice(0, start)
      .map(clean)
      .filter((line) => line !== ''),
    rows: lines
      .slice(start)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t').map(toParagraphs)),
  };
}

const cellsOf = (document: TableDocument) => document.grid.rows.map((row) => row.cells);

describe.each(PLANS)('round trip of $file', ({ file, stts }) => {
  it('docx: preamble, every cell and the split tables come back in order', async () => {
    const plan = await readPlan(file);
    const [header = [], ...body] = plan.rows;
    const buffer = await throughDisk(`${file}.docx`, await makeDocx({ ...plan, splitEvery: SPLIT_EVERY }));
    const document = await readDocx(buffer);

    const expected = [header];
    body.forEach((cells, index) => {
      if (index > 0 && index % SPLIT_EVERY === 0) expected.push(header);
      expected.push(cells);
    });
    expect(document.layout).toBe('docx');
    expect(document.preamble).toEqual(plan.preamble);
    expect(cellsOf(document)).toEqual(expected.map((cells) => cells.map(clean)));
    expect(document.grid.rows.map((row) => row.line)).toEqual(expected.map((_, index) => index + 1));
    expectRealisticContent(document, stts);
  });

  it('xlsx: preamble and every cell come back in the column order of the sheet', async () => {
    const plan = await readPlan(file);
    const buffer = await throughDisk(`${file}.xlsx`, await makeXlsx({ ...plan, columnOrder: COLUMN_ORDER }));
    const document = await readXlsx(buffer);

    const headerLine = plan.preamble.length + 2;
    expect(document.layout).toBe('xlsx');
    expect(document.preamble).toEqual(plan.preamble);
    expect(cellsOf(document)).toEqual(
      plan.rows.map((cells) => COLUMN_ORDER.map((index) => clean(cells[index] ?? ''))),
    );
    expect(document.grid.rows.map((row) => row.line)).toEqual(
      plan.rows.map((_, index) => headerLine + index),
    );
    expectRealisticContent(document, stts);
  });
});

/** The features the round trip must carry: diacritics, multi-paragraph cells, empty cells, dotted STT. */
function expectRealisticContent(document: TableDocument, stts: string[]): void {
  const cells = cellsOf(document).flat();
  // The shipped plans are NFC, so equality with the source means the diacritics came back exactly.
  expect(cells.every((cell) => cell === cell.normalize('NFC'))).toBe(true);
  expect(cells.some((cell) => cell.includes('\n'))).toBe(true);
  expect(cells).toContain('');
  for (const stt of stts) expect(cells).toContain(stt);
  expect(cells.some((cell) => /Cải cách hành chính|Ủy ban|Văn phòng/u.test(cell))).toBe(true);
}

const HEADER = MERGED_HEADER;
const ROWS = MERGED_CELL_ROWS;

describe('readDocx', () => {
  it('keeps every row aligned with the header under merged cells', async () => {
    const merges = MERGED_CELLS;
    const document = await readDocx(await makeDocx({ preamble: ['Phụ lục I'], rows: ROWS, merges }));
    expect(cellsOf(document)).toEqual(ROWS);
  });

  it('appends a continuation table that does not repeat the header', async () => {
    const buffer = await makeDocx({ preamble: [], rows: ROWS, splitEvery: 2, repeatHeader: false });
    const document = await readDocx(buffer);
    expect(cellsOf(document)).toEqual(ROWS);
  });

  it('gives NFC text with whitespace collapsed, whatever the Word file holds', async () => {
    const rows = [
      HEADER,
      ['1', '  Sở   Nội vụ  '.normalize('NFD'), 'Quý\u00a0I/2026', 'Văn phòng Sở\n\n', 'x', 'y'],
    ];
    const document = await readDocx(await makeDocx({ preamble: ['  Phụ lục  '.normalize('NFD')], rows }));
    expect(document.preamble).toEqual(['Phụ lục']);
    expect(cellsOf(document)[1]).toEqual(['1', 'Sở Nội vụ', 'Quý I/2026', 'Văn phòng Sở', 'x', 'y']);
  });

  it('rejects a document without a table, a corrupt file and an Excel file', async () => {
    const noTable = await makeDocx({ preamble: ['Kế hoạch cải cách hành chính năm 2026'], rows: [] });
    await expect(readDocx(noTable)).rejects.toThrow('Không tìm thấy bảng nhiệm vụ trong tệp Word');
    await expect(readDocx(Buffer.from('không phải zip'))).rejects.toThrow(/không phải tệp Word hợp lệ/);
    const xlsx = await makeXlsx({ preamble: [], rows: ROWS });
    await expect(readDocx(xlsx)).rejects.toThrow(/không phải tệp Word hợp lệ/);
    await expect(readDocx(xlsx)).rejects.toBeInstanceOf(DocumentError);
    await expect(readDocx(LEGACY_OFFICE_FILE)).rejects.toThrow(/Word cũ \(\.doc\)/);
  });
});

describe('readXlsx', () => {
  it('reads numbers, dates, formulas, rich text and links as Excel shows them', async () => {
    const buffer = await makeWorkbook((sheet) => {
      sheet.getCell('A1').value = 'PHỤ LỤC';
      sheet.mergeCells('A1:G1');
      sheet.getCell('A2').value = '(Kèm theo Kế hoạch số 55/KH-SXD  ngày 11/ 6/2025 của Sở Xây dựng)';
      sheet.getRow(4).values = [null, ...HEADER];
      sheet.getRow(5).values = [null, 'I', 'CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC'];
      sheet.mergeCells('C5:G5');
      sheet.getRow(6).values = [
        null,
        4.1,
        { richText: [{ text: 'Đăng tải ' }, { text: 'tin', font: { bold: true } }] },
      ];
      sheet.getCell('D6').value = new Date(Date.UTC(2025, 5, 11));
      sheet.getCell('D6').numFmt = 'dd/mm/yyyy';
      sheet.getCell('E6').value = { text: 'Văn phòng', hyperlink: 'https://langson.gov.vn' };
      sheet.getCell('F6').value = { formula: '1+2', result: 3 };
      sheet.getRow(8).values = [null, 0.1 + 0.2, '2.2.1', '', 'Sở Tư pháp'];
    });
    const document = await readXlsx(await throughDisk('typed.xlsx', buffer));

    expect(document.preamble).toEqual([
      'PHỤ LỤC',
      '(Kèm theo Kế hoạch số 55/KH-SXD ngày 11/ 6/2025 của Sở Xây dựng)',
    ]);
    expect(document.grid.rows.map((row) => row.line)).toEqual([4, 5, 6, 8]);
    expect(cellsOf(document)).toEqual([
      HEADER,
      ['I', 'CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC', '', '', '', ''],
      ['4.1', 'Đăng tải tin', '11/06/2025', 'Văn phòng', '3', ''],
      ['0.3', '2.2.1', '', 'Sở Tư pháp', '', ''],
    ]);
  });

  it('keeps the value of a merged range in its top-left cell only', async () => {
    const merges = [{ row: 1, col: 1, colSpan: 5 }];
    const document = await readXlsx(await makeXlsx({ preamble: ['Phụ lục I'], rows: ROWS, merges }));
    expect(cellsOf(document)).toEqual(ROWS);
  });

  it('rejects a sheet without a table, an empty workbook, a corrupt file and a Word file', async () => {
    const noTable = await makeXlsx({ preamble: ['Kế hoạch', 'Không có bảng'], rows: [] });
    await expect(readXlsx(noTable)).rejects.toThrow('Không tìm thấy bảng nhiệm vụ trong tệp Excel');
    await expect(readXlsx(await makeEmptyWorkbook())).rejects.toThrow('Không tìm thấy bảng nhiệm vụ');
    await expect(readXlsx(Buffer.from('không phải zip'))).rejects.toThrow(/không phải tệp Excel hợp lệ/);
    await expect(readXlsx(LEGACY_OFFICE_FILE)).rejects.toThrow(/Excel cũ \(\.xls\)/);
    const docx = await makeDocx({ preamble: [], rows: ROWS });
    await expect(readXlsx(docx)).rejects.toBeInstanceOf(DocumentError);
  });
});
