/**
 * Makes the PDF fixtures in test/fixtures/pdf/ from the shipped plans: Word/Excel files built with the test
 * support helpers, converted by LibreOffice, plus a scan look-alike, encrypted copies and a TCVN3 file.
 * Run: npx tsx scripts/make-pdf-fixtures.ts  (overwrites every fixture; see test/fixtures/pdf/README.md).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocx } from '../src/ingest/read-docx.ts';
import { normaliseTable } from '../src/ingest/table/normalise.ts';
import { MERGED_CELL_ROWS, MERGED_CELLS } from '../test/support/merged-rows.ts';
import { type DocxSpec, makeDocx, makeXlsx } from '../test/support/office-files.ts';
import { narrativeDocx, rebuildParagraphs } from './pdf-fixtures/narrative.ts';
import {
  type PlanTable,
  planTable,
  planText,
  rawGridSpec,
  repeatedTable,
  taskRowsOf,
} from './pdf-fixtures/plans.ts';
import { imagePdf } from './pdf-fixtures/scanned.ts';
import { toTcvn3 } from './pdf-fixtures/tcvn3.ts';
import { convertToPdf, pageCount, pdfText, requireTools, run, tryRun } from './pdf-fixtures/tools.ts';
import { expect, rowsCutByPageBreak } from './pdf-fixtures/verify.ts';

const OUT = join(import.meta.dirname, '../test/fixtures/pdf');
const WORK = mkdtempSync(join(tmpdir(), 'pdf-fixtures-'));
/** Times New Roman 12 pt, the usual face of plan tables (LibreOffice substitutes Liberation Serif). */
const FONT = { name: 'Times New Roman', size: 12 };

type Layout = Pick<DocxSpec, 'landscape' | 'headerRepeats' | 'verticalAlign' | 'borders'>;
/** The four table plans, each in a different page layout a clerk might have used. */
const TABLE_PLANS: { name: string; file?: string; layout: Layout; size?: number }[] = [
  {
    name: 'sxd-2025-par-index-phu-luc-1',
    layout: { landscape: true, headerRepeats: true, verticalAlign: 'top' },
  },
  // 13 pt, as many portrait plans are set: it also makes a page break fall inside a row.
  {
    name: 'sxd-2025-papi-phu-luc-3',
    layout: { landscape: false, headerRepeats: true, verticalAlign: 'center' },
    size: 13,
  },
  { name: 'snv-2026-cchc-phu-luc', layout: { landscape: true, headerRepeats: true, verticalAlign: 'top' } },
  {
    name: 'ubnd-tinh-2024-par-index-phu-luc',
    layout: { landscape: true, headerRepeats: false, verticalAlign: 'center' },
  },
  // A table drawn without any rules: rows are found around the numbers of the STT column.
  {
    name: 'snv-2026-cchc-phu-luc',
    file: 'snv-2026-cchc-phu-luc-unruled',
    layout: { landscape: true, headerRepeats: true, verticalAlign: 'top', borders: false },
  },
];

function tableDocx(table: PlanTable, layout: Layout, font = FONT): Promise<Buffer> {
  return makeDocx({
    ...table,
    ...layout,
    font,
    borders: layout.borders ?? true,
    sectionRows: true,
    planStyle: true,
  });
}

/** Writes the office file to the work folder and converts it into the fixture folder. */
function toPdf(fileName: string, bytes: Buffer): string {
  const office = join(WORK, fileName);
  writeFileSync(office, bytes);
  const pdf = join(OUT, fileName.replace(/\.[^.]+$/, '.pdf'));
  convertToPdf(office, pdf);
  console.log(`${pdf.slice(OUT.length + 1)}: ${pageCount(pdf)} page(s)`);
  return pdf;
}

async function tablePlans(): Promise<void> {
  for (const { name, file, layout, size } of TABLE_PLANS) {
    const table = planTable(name);
    const docx = await tableDocx(table, layout, { ...FONT, size: size ?? FONT.size });
    const pdf = toPdf(`${file ?? name}.docx`, docx);
    const cut = rowsCutByPageBreak(pdf, taskRowsOf(table, 1));
    if (pageCount(pdf) > 1) expect(cut.length > 0, `${file ?? name}.pdf: no row continues on the next page`);
    for (const row of cut) console.log(`  row cut after page ${row.page}: "${row.start}…"`);
  }
}

async function narrative(): Promise<void> {
  const paragraphs = rebuildParagraphs(planText('ubnd-tinh-2023-ke-hoach-papi-sipas-par'));
  toPdf('ubnd-tinh-2023-ke-hoach-papi-sipas-par.docx', await narrativeDocx(paragraphs));
  console.log(`  ${paragraphs.length} paragraphs`);
}

/** The raw grids exactly as test/ingest/office-roundtrip.test.ts writes them, printed. */
async function rawGrids(): Promise<void> {
  const papi = planTable('sxd-2025-papi-phu-luc-3');
  const xlsx = await makeXlsx({
    ...rawGridSpec('sxd-2025-papi-phu-luc-3'),
    columnOrder: [5, 3, 0, 4, 1, 2],
    print: true,
    columnWidths: papi.columnWidths,
  });
  toPdf('sxd-2025-papi-phu-luc-3-excel.xlsx', xlsx);
  const snv = planTable('snv-2026-cchc-phu-luc');
  const docx = await makeDocx({
    ...rawGridSpec('snv-2026-cchc-phu-luc'),
    borders: true,
    landscape: true,
    // The grid holds the header rows of the original pages itself; Word's repeat would print a second one.
    headerRepeats: false,
    columnWidths: snv.columnWidths,
    font: FONT,
  });
  toPdf('snv-2026-cchc-phu-luc-word-grid.docx', docx);
}

/** The merged-cells table the .docx and .xlsx readers are tested on (test/support/merged-rows.ts). */
async function mergedCells(): Promise<void> {
  const docx = await makeDocx({
    preamble: ['Phụ lục I'],
    rows: MERGED_CELL_ROWS,
    merges: MERGED_CELLS,
    borders: true,
  });
  toPdf('merged-cells.docx', docx);
  // What the .docx reader makes of it: the PDF reader's test asserts the PDF gives the same rows.
  const rows = normaliseTable(await readDocx(docx)).rows.map(({ line: _line, ...row }) => row);
  console.log(`  docx reader rows: ${JSON.stringify(rows)}`);
}

/** Page 1 of a table plan rendered to a JPEG and wrapped in an image-only PDF. */
function scanned(): void {
  const dpi = 100;
  const source = join(OUT, 'ubnd-tinh-2024-par-index-phu-luc.pdf');
  run('pdftoppm', [
    '-jpeg',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    source,
    join(WORK, 'scan'),
  ]);
  const pdf = join(OUT, 'scanned.pdf');
  writeFileSync(pdf, imagePdf(readFileSync(join(WORK, 'scan.jpg')), dpi));
  expect(pageCount(pdf) === 1, 'scanned.pdf: one page');
  expect(pdfText(pdf).trim() === '', 'scanned.pdf: no text layer');
  console.log('scanned.pdf: 1 page, no text');
}

/**
 * AES-256 always draws a random file key, so a fresh encryption never has the same bytes: an existing fixture
 * that decrypts to the same document is kept, and regenerating leaves git with nothing to commit.
 */
function encrypted(): void {
  const source = join(OUT, 'snv-2026-cchc-phu-luc.pdf');
  for (const [name, user] of [
    ['encrypted.pdf', 'secret'],
    ['restricted.pdf', ''],
  ] as const) {
    const fresh = join(WORK, name);
    const pdf = join(OUT, name);
    run('qpdf', ['--static-aes-iv', '--static-id', '--encrypt', user, 'owner', '256', '--', source, fresh]);
    const plain = (path: string) =>
      tryRun('qpdf', ['--password=owner', '--decrypt', '--static-id', path, '-']).out;
    if (!existsSync(pdf) || plain(pdf) !== plain(fresh)) copyFileSync(fresh, pdf);
    const opened = tryRun('pdftotext', [pdf, '-']);
    expect((opened.status === 0) === (user === ''), `${name}: opens without a password only if restricted`);
    console.log(`${name}: user password ${user === '' ? '(none)' : `"${user}"`}, owner password "owner"`);
  }
}

async function tcvn3(): Promise<void> {
  const table = planTable('sxd-2025-papi-phu-luc-3');
  const legacy: PlanTable = {
    ...table,
    preamble: table.preamble.map(toTcvn3),
    rows: table.rows.map((cells) => cells.map(toTcvn3)),
  };
  const plan = TABLE_PLANS.find((p) => p.name === 'sxd-2025-papi-phu-luc-3');
  const font = { name: '.VnTime', size: plan?.size ?? FONT.size };
  const pdf = toPdf('tcvn3.docx', await tableDocx(legacy, plan?.layout ?? {}, font));
  // Whitespace collapsed: the phrase may wrap inside a cell.
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text.includes(toTcvn3('Sở Xây dựng')), 'tcvn3.pdf: text layer holds the TCVN3 bytes');
  expect(!text.includes('Sở Xây dựng'), 'tcvn3.pdf: no Unicode Vietnamese left');
}

/**
 * The 2024 plan repeated to ~30 landscape pages: a first try from its own page count, then one correction from
 * the pages the first try gave (at most 4 copies: the importer reads Roman section codes up to XXXIX).
 */
async function bench(): Promise<void> {
  const table = planTable('ubnd-tinh-2024-par-index-phu-luc');
  const layout: Layout = { landscape: true, headerRepeats: true, verticalAlign: 'top' };
  const make = async (copies: number) =>
    toPdf('bench-30-pages.docx', await tableDocx(repeatedTable(table, Math.min(4, copies)), layout));
  const target = 31;
  let copies = target / pageCount(join(OUT, 'ubnd-tinh-2024-par-index-phu-luc.pdf'));
  let count = pageCount(await make(copies));
  if (count < 28 || count > 34) {
    copies *= target / count;
    count = pageCount(await make(copies));
  }
  expect(count >= 28 && count <= 34, `bench-30-pages.pdf: ${count} pages, want 28–34`);
  console.log(`  ${copies.toFixed(2)} copies of the 2024 plan`);
}

async function main(): Promise<void> {
  requireTools();
  mkdirSync(OUT, { recursive: true });
  try {
    await tablePlans();
    await narrative();
    await rawGrids();
    await mergedCells();
    scanned();
    encrypted();
    await tcvn3();
    await bench();
  } finally {
    rmSync(WORK, { recursive: true, force: true });
  }
}

await main();
