import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFileResult } from '../../src/import/report.ts';
import { checkTextLayer } from '../../src/ingest/pdf/text-layer.ts';
import type { PdfPage } from '../../src/ingest/pdf/types.ts';
import { readDocx } from '../../src/ingest/read-docx.ts';
import { readPdf } from '../../src/ingest/read-pdf.ts';
import { normaliseTable } from '../../src/ingest/table/normalise.ts';
import { exportKnowledgeBase } from '../../src/kb/export.ts';
import { PROJECT_ROOT, SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, tempDb, tempDir } from '../support/kb.ts';
import { MERGED_CELL_ROWS, MERGED_CELLS } from '../support/merged-rows.ts';
import { makeDocx } from '../support/office-files.ts';

const PDF_DIR = join(PROJECT_ROOT, 'test/fixtures/pdf');
const fixture = (name: string) => readFileSync(join(PDF_DIR, name));

function countRows(db: ReturnType<typeof tempDb>['db']): { plans: number; tasks: number; units: number } {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { plans: n('plans'), tasks: n('tasks'), units: n('units') };
}

/** Imports a fixture next to a good plan: the bad one is refused with its reason, nothing of it is written. */
async function importBeside(name: string, bytes: Buffer = fixture(name)) {
  const dir = tempDir();
  writeFileSync(join(dir, name), bytes);
  copyFileSync(
    join(SHIPPED_PLANS_DIR, 'sxd-2025-papi-phu-luc-3.txt'),
    join(dir, 'sxd-2025-papi-phu-luc-3.txt'),
  );
  const { db } = tempDb();
  const [result, good] = await importInto(db, [join(dir, name), join(dir, 'sxd-2025-papi-phu-luc-3.txt')]);
  return { db, result, good };
}

describe('PDFs the importer must refuse', () => {
  it.each([
    ['scanned.pdf', /bản quét, không có lớp chữ/],
    ['encrypted.pdf', /đặt mật khẩu/],
    ['tcvn3.pdf', /phông mã cũ \(TCVN3\/VNI\).*ví dụ: ".*[¸µ¶·¹¨©ª«¬®Ö]/],
  ])('%s: a clear reason, nothing written, the other file still imports', async (name, reason) => {
    const { db, result, good } = await importBeside(name);
    expect(result).toMatchObject({ kind: 'failed', message: expect.stringMatching(reason) });
    expect(good).toMatchObject({ kind: 'imported' });
    expect(countRows(db)).toMatchObject({ plans: 1, tasks: 11 });
  });

  it('a PDF whose fonts give no Vietnamese letters is not imported as nonsense', async () => {
    const { result } = await importBeside(
      'latin.pdf',
      handWrittenPdf('STT Noi dung Co quan chu tri '.repeat(20)),
    );
    expect(result).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/không đọc ra được tiếng Việt/),
    });
  });

  it('a damaged file is reported as such', async () => {
    const cut = fixture('snv-2026-cchc-phu-luc.pdf').subarray(0, 2_000);
    const { result } = await importBeside('cut.pdf', cut);
    expect(result).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/không phải PDF hợp lệ|bản quét/),
    });
  });
});

describe('PDFs the importer reads', () => {
  it('opens a PDF restricted by an owner password only, as every viewer does', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const file = join(dir, 'snv-2026-cchc-phu-luc.pdf');
    copyFileSync(join(PDF_DIR, 'restricted.pdf'), file);
    copyFileSync(join(SHIPPED_PLANS_DIR, 'snv-2026-cchc-phu-luc.txt.meta.json'), `${file}.meta.json`);
    const [result] = await importInto(db, [file]);
    expect(result).toMatchObject({ kind: 'imported', summary: { tasks: 33 } });
    const task = exportKnowledgeBase(db).tasks.find((t) => t.id === 'snv-2026-cchc/I/1');
    expect(task?.lead.map((u) => u.name)).toEqual(['Văn phòng Sở']);
  });

  it('reads merged cells as the .docx reader does: the text in the first slot, the covered ones empty', async () => {
    const fromDocx = normaliseTable(
      await readDocx(
        await makeDocx({ preamble: ['Phụ lục I'], rows: MERGED_CELL_ROWS, merges: MERGED_CELLS }),
      ),
    );
    const fromPdf = await readPdf(fixture('merged-cells.pdf'));
    expect(fromPdf.rows).toEqual(
      fromDocx.rows.map((row, index) => ({ ...row, line: fromPdf.rows[index]?.line })),
    );
    expect(fromPdf.rows.length).toBeGreaterThan(2);
  });

  it('points a warning at the page of the PDF, not at a line of text no one sees', async () => {
    const { db } = tempDb();
    const [result] = await importInto(db, [join(PDF_DIR, 'ubnd-tinh-2023-ke-hoach-papi-sipas-par.pdf')]);
    expect(result?.kind).toBe('imported');
    if (result?.kind !== 'imported') return;
    // The unnumbered introduction of 1.2.8 ("Kết quả về Tác động …") is on page 9 (pdftotext -f 9 -l 9).
    expect(formatFileResult(result)).toContain('⚠ trang 9: bỏ qua đoạn văn');
    expect(formatFileResult(result)).not.toMatch(/⚠ dòng/);
  });

  it('gives NFC text with its diacritics', async () => {
    const document = await readPdf(fixture('sxd-2025-papi-phu-luc-3.pdf'));
    const text = JSON.stringify(document.rows);
    expect(text).toBe(text.normalize('NFC'));
    expect(document.rows[0]).toMatchObject({ lead: 'Văn phòng Sở', deadline: 'Thường xuyên' });
  });
});

/** A one-page PDF in a standard font without Vietnamese letters: what a font with a broken map gives. */
function handWrittenPdf(text: string): Buffer {
  const stream = `BT /F1 9 Tf 20 800 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const at = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('the text layer check', () => {
  const page = (lines: string[]): PdfPage => ({
    number: 1,
    width: 595,
    height: 842,
    items: lines.map((text, index) => ({ text, x0: 50, x1: 500, y: 50 + 12 * index, h: 10 })),
    horizontal: [],
    vertical: [],
  });
  const unicode = Array.from(
    { length: 40 },
    (_, i) => `${i + 1}. Sở Nội vụ chủ trì tham mưu xây dựng kế hoạch`,
  );

  it('accepts a Vietnamese text layer', () => {
    expect(() => checkTextLayer([page(unicode)])).not.toThrow();
  });

  it('refuses a table pasted in TCVN3 into a Unicode document, quoting a line of it', () => {
    const pasted = ['Së Néi vô chñ tr×', 'Phßng Tæ chøc, biªn chÕ', 'V¨n phßng Së tæng hîp'];
    expect(() => checkTextLayer([page([...unicode, ...pasted])])).toThrow(/TCVN3\/VNI.*"Së Néi vô chñ tr×"/);
  });
});
