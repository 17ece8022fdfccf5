import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/import/import-files.ts';
import { formatFileResult } from '../../src/import/report.ts';
import { type ExportedPlan, exportKnowledgeBase, type KnowledgeBaseExport } from '../../src/kb/export.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, importShipped, tempDb, tempDir } from '../support/kb.ts';
import { makeDocx } from '../support/office-files.ts';

/**
 * A plan without the "Kèm theo Kế hoạch số … của …" line is identified from what it states elsewhere: header
 * block, "Số:" line, title, a body sentence, the signature block, the provinces it names. The import line says
 * where each part came from; the sidecar still overrides; a plan that states no issuer is still refused.
 */

interface Imported {
  result: FileResult | undefined;
  /** The import line(s) as the CLI prints them. */
  line: string;
  plan: ExportedPlan | undefined;
}

async function importFile(name: string, content: string | Buffer, meta?: object): Promise<Imported> {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  if (meta) writeFileSync(`${path}.meta.json`, JSON.stringify(meta));
  const { db } = tempDb();
  const [result] = await importInto(db, [path]);
  return { result, line: result ? formatFileResult(result) : '', plan: exportKnowledgeBase(db).plans[0] };
}

const TASK_HEADER = [
  'STT',
  'Nội dung',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
  'Sản phẩm',
];
const TASK_ROWS = [
  ['I', 'CÔNG TÁC CHỈ ĐẠO', '', '', '', ''],
  ['1', 'Ban hành kế hoạch kiểm tra', 'Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Quý I/2025', 'Kế hoạch'],
  ['2', 'Tuyên truyền cải cách hành chính', 'Sở Tư pháp', 'Sở Nội vụ', 'Thường xuyên', 'Tin bài'],
];

/** A tab-separated plan: the given lines above the task table. */
function tablePlan(preamble: string[]): string {
  return [...preamble, '', ...[TASK_HEADER, ...TASK_ROWS].map((cells) => cells.join('\t')), ''].join('\n');
}

/** A prose plan with one criterion block; `intro` before part I, `closing` after the closing formula. */
function narrativePlan(title: string, intro: string[], closing: string[]): string {
  return [
    'KẾ HOẠCH',
    title,
    '',
    ...intro,
    'I. MỤC TIÊU',
    '1. Chỉ số cải cách hành chính (PAR INDEX) năm 2025 tăng ít nhất 5 bậc.',
    'II. NHIỆM VỤ, GIẢI PHÁP',
    '1. Công tác chỉ đạo, điều hành',
    '(1) Tiêu chí công tác chỉ đạo, điều hành',
    '- Cơ quan chủ trì tham mưu: Sở Nội vụ.',
    '- Nhiệm vụ, giải pháp: Ban hành kế hoạch kiểm tra cải cách hành chính.',
    'Yêu cầu các cơ quan, đơn vị tổ chức thực hiện./.',
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT.',
    ...closing,
    '',
  ].join('\n');
}

describe('the shipped plans without any sidecar', () => {
  let bare: { results: FileResult[]; kb: KnowledgeBaseExport };
  let shipped: KnowledgeBaseExport;
  beforeAll(async () => {
    const dir = tempDir();
    for (const file of readdirSync(SHIPPED_PLANS_DIR).filter((f) => f.endsWith('.txt')))
      copyFileSync(join(SHIPPED_PLANS_DIR, file), join(dir, file));
    const { db } = tempDb();
    const results = await importInto(db, [dir]);
    bare = { results, kb: exportKnowledgeBase(db) };
    shipped = (await importShipped()).kb;
  }, 120_000);

  it('all five import', () => {
    expect(bare.results.map((r) => r.kind)).toEqual(Array(5).fill('imported'));
  });

  it('the narrative plan finds its issuer in its sentence and its province and year in its title', () => {
    const plan = bare.kb.plans.find((p) => p.source.endsWith('ubnd-tinh-2023-ke-hoach-papi-sipas-par.txt'));
    expect(plan).toMatchObject({
      issuer: 'UBND tỉnh Lạng Sơn',
      province: 'Lạng Sơn',
      year: 2023,
      code: null,
    });
    const line = bare.results
      .filter((r) => r.file.endsWith('ubnd-tinh-2023-ke-hoach-papi-sipas-par.txt'))
      .map(formatFileResult)[0];
    expect(line).toContain(
      '    ↳ cơ quan ban hành: UBND tỉnh Lạng Sơn — từ câu "UBND tỉnh ban hành kế hoạch"; ' +
        'tỉnh Lạng Sơn, năm 2023 — từ tiêu đề',
    );
  });

  it('the narrative plan has the same tasks as with its sidecar, under the file-name id', () => {
    const ids = (kb: KnowledgeBaseExport, planId: string) =>
      kb.tasks.filter((t) => t.planId === planId).map((t) => t.id.slice(planId.length));
    const withSidecar = ids(shipped, 'ubnd-tinh-2023-papi-sipas-par');
    expect(withSidecar.length).toBe(91);
    expect(ids(bare.kb, 'ubnd-tinh-2023-ke-hoach-papi-sipas-par')).toEqual(withSidecar);
  });

  it('every plan has the issuer, province, year and code it has with the sidecars', () => {
    const identity = (kb: KnowledgeBaseExport) =>
      kb.plans.map(({ code, issuer, province, year, date, title, index, appendix, source }) => ({
        ...{ code, issuer, province, year, date, title, index, appendix, file: source.split('/').at(-1) },
      }));
    expect(identity(bare.kb)).toEqual(identity(shipped));
  });

  it('the 2024 plan takes its province from the body, the 2026 plan from "Sở Nội vụ Lạng Sơn"', () => {
    const lines = bare.results.map(formatFileResult);
    expect(lines.find((l) => l.includes('ubnd-tinh-2024'))).toContain(
      '↳ tỉnh Lạng Sơn — từ nội dung văn bản ("tỉnh Lạng Sơn", 2 lần)',
    );
    // Everything of the 2026 plan is on its "Kèm theo" line: nothing more to say.
    expect(lines.find((l) => l.includes('snv-2026'))).not.toContain('↳');
  });
});

describe('each place a plan states who issued it', () => {
  it('header block: "SỞ NỘI VỤ" under the province\'s UBND, with number and date', async () => {
    const { plan, line } = await importFile(
      'snv.txt',
      tablePlan([
        'UBND TỈNH LẠNG SƠN',
        'SỞ NỘI VỤ',
        'Số: 12/KH-SNV',
        'Lạng Sơn, ngày 05 tháng 3 năm 2025',
        'KẾ HOẠCH',
        'Kiểm tra công tác cải cách hành chính',
      ]),
    );
    expect(plan).toMatchObject({
      id: '12-kh-snv-2025',
      issuer: 'Sở Nội vụ',
      province: 'Lạng Sơn',
      code: '12/KH-SNV',
      year: 2025,
      date: '2025-03-05',
      // The header block is not part of the title.
      title: 'KẾ HOẠCH Kiểm tra công tác cải cách hành chính',
    });
    expect(line).toContain(
      '    ↳ cơ quan ban hành: Sở Nội vụ — từ phần đầu văn bản ("SỞ NỘI VỤ"); ' +
        'tỉnh Lạng Sơn — từ phần đầu văn bản ("UBND TỈNH LẠNG SƠN"); ' +
        'năm 2025 — từ phần đầu văn bản ("Lạng Sơn, ngày 05 tháng 3 năm 2025"); số 12/KH-SNV — từ dòng "Số: 12/KH-SNV"',
    );
    expect(line.split('\n')[0]).toMatch(/^✔ .*snv\.txt — KH 12\/KH-SNV: 2 nhiệm vụ, /);
  });

  it('header block: "ỦY BAN NHÂN DÂN / TỈNH CAO BẰNG" alone is UBND tỉnh', async () => {
    const { plan, line } = await importFile(
      'ubnd.txt',
      tablePlan([
        'ỦY BAN NHÂN DÂN',
        'TỈNH CAO BẰNG',
        'Số: 7/KH-UBND',
        'KẾ HOẠCH',
        'Cải cách hành chính năm 2024',
      ]),
    );
    expect(plan).toMatchObject({
      issuer: 'UBND tỉnh Cao Bằng',
      province: 'Cao Bằng',
      code: '7/KH-UBND',
      year: 2024,
    });
    expect(line).toContain(
      'cơ quan ban hành: UBND tỉnh Cao Bằng, tỉnh Cao Bằng — từ phần đầu văn bản ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG")',
    );
  });

  it('"Số: /KH-SXD" not yet numbered: its suffix names the Sở, the code stays empty', async () => {
    const { plan, line } = await importFile(
      'sxd.txt',
      tablePlan(['Số: /KH-SXD', 'KẾ HOẠCH', 'Cải cách hành chính tỉnh Lạng Sơn năm 2025']),
    );
    expect(plan).toMatchObject({ issuer: 'Sở Xây dựng', code: null, province: 'Lạng Sơn', year: 2025 });
    expect(line).toContain('cơ quan ban hành: Sở Xây dựng — suy từ số hiệu "KH-SXD"');
  });

  it('title: "… TỈNH LẠNG SƠN NĂM 2025 CỦA SỞ XÂY DỰNG"', async () => {
    const { plan, line } = await importFile(
      'title.txt',
      tablePlan(['Phụ lục I', 'CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TỈNH LẠNG SƠN NĂM 2025 CỦA SỞ XÂY DỰNG']),
    );
    expect(plan).toMatchObject({
      issuer: 'Sở Xây dựng',
      province: 'Lạng Sơn',
      year: 2025,
      appendix: 'Phụ lục I',
    });
    expect(line).toContain('↳ cơ quan ban hành: Sở Xây dựng, tỉnh Lạng Sơn, năm 2025 — từ tiêu đề');
  });

  it('body sentence: "Sở Xây dựng xây dựng Kế hoạch …"', async () => {
    const text = narrativePlan(
      'Nâng cao Chỉ số cải cách hành chính (PAR INDEX) tỉnh Lạng Sơn năm 2025',
      [
        'Thực hiện Kế hoạch số 55/KH-UBND của UBND tỉnh, Sở Xây dựng xây dựng Kế hoạch nâng cao chỉ số như sau:',
      ],
      ['GIÁM ĐỐC', 'Nguyễn Văn A'],
    );
    const { plan, line } = await importFile('sentence.txt', text);
    expect(plan).toMatchObject({ issuer: 'Sở Xây dựng', province: 'Lạng Sơn', year: 2025 });
    expect(line).toContain('↳ cơ quan ban hành: Sở Xây dựng — từ câu "Sở Xây dựng xây dựng Kế hoạch"');
  });

  it('signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"', async () => {
    const text = narrativePlan(
      'Nâng cao Chỉ số cải cách hành chính (PAR INDEX) tỉnh Lạng Sơn năm 2025',
      [],
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn B'],
    );
    const { plan, line } = await importFile('signed.txt', text);
    expect(plan).toMatchObject({ issuer: 'UBND tỉnh Lạng Sơn', province: 'Lạng Sơn', year: 2025 });
    expect(line).toContain('↳ cơ quan ban hành: UBND tỉnh Lạng Sơn — từ phần ký ("TM. ỦY BAN NHÂN DÂN")');
  });

  it('a Sở\'s province after its name: "của Sở Nội vụ Cao Bằng"', async () => {
    const { plan, line } = await importFile(
      'snv-cao-bang.txt',
      tablePlan([
        'Phụ lục',
        'CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026',
        '(Kèm theo Kế hoạch số 3/KH-SNV ngày 2/4/2026 của Sở Nội vụ Cao Bằng)',
      ]),
    );
    expect(plan).toMatchObject({ issuer: 'Sở Nội vụ', province: 'Cao Bằng', code: '3/KH-SNV', year: 2026 });
    expect(line).not.toContain('↳');
  });

  it('the sidecar still overrides what the text states, and the line says so', async () => {
    const text = narrativePlan(
      'Nâng cao Chỉ số cải cách hành chính (PAR INDEX) tỉnh Lạng Sơn năm 2025',
      [],
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    );
    const { plan, line } = await importFile('meta.txt', text, { issuer: 'Sở Nội vụ', year: 2026 });
    expect(plan).toMatchObject({ issuer: 'Sở Nội vụ', year: 2026, province: 'Lạng Sơn' });
    expect(line).toContain(
      '↳ cơ quan ban hành: Sở Nội vụ, năm 2026 — từ tệp .meta.json; tỉnh Lạng Sơn — từ tiêu đề',
    );
  });
});

describe('a plan that states no issuer', () => {
  it('is refused, saying what was looked for', async () => {
    const { result, line, plan } = await importFile(
      'none.txt',
      tablePlan(['KẾ HOẠCH THỬ', 'Cải cách hành chính năm 2025']),
    );
    expect(result).toMatchObject({ kind: 'failed' });
    expect(plan).toBeUndefined();
    expect(line).toContain('Không rõ cơ quan ban hành');
    expect(line).toContain('"Kèm theo Kế hoạch số … của …"');
    expect(line).toContain('"… ban hành kế hoạch"');
    expect(line).toContain('"TM. ỦY BAN NHÂN DÂN"');
    expect(line).toContain('.meta.json');
  });

  it('signed by a "GIÁM ĐỐC" that names no Sở: refused, saying so', async () => {
    const text = narrativePlan(
      'Nâng cao Chỉ số cải cách hành chính (PAR INDEX) năm 2025',
      [],
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    );
    const { result, line } = await importFile('director.txt', text);
    expect(result).toMatchObject({ kind: 'failed' });
    expect(line).toContain('phần ký "KT. GIÁM ĐỐC" cho thấy văn bản của một Sở nhưng không nêu Sở nào');
  });
});

describe('a Word full plan', () => {
  it('"ỦY BAN NHÂN DÂN / TỈNH LẠNG SƠN / Số: 12/KH-UBND" above the table gives issuer and code', async () => {
    const docx = await makeDocx({
      preamble: [
        'ỦY BAN NHÂN DÂN',
        'TỈNH LẠNG SƠN',
        'Số: 12/KH-UBND',
        'KẾ HOẠCH',
        'Cải cách hành chính năm 2025',
      ],
      rows: [TASK_HEADER, ...TASK_ROWS],
    });
    const { plan, line } = await importFile('full-plan.docx', docx);
    expect(plan).toMatchObject({
      id: '12-kh-ubnd-2025',
      issuer: 'UBND tỉnh Lạng Sơn',
      province: 'Lạng Sơn',
      code: '12/KH-UBND',
      year: 2025,
    });
    expect(line).toContain('số 12/KH-UBND — từ dòng "Số: 12/KH-UBND"');
  });

  it('the signature block after the table gives the issuer', async () => {
    const cells = (texts: string[]) =>
      new TableRow({ children: texts.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('KẾ HOẠCH'),
            new Paragraph('Cải cách hành chính tỉnh Lạng Sơn năm 2025'),
            new Table({ rows: [TASK_HEADER, ...TASK_ROWS].map(cells) }),
            new Paragraph('Nơi nhận:'),
            new Paragraph('TM. ỦY BAN NHÂN DÂN'),
            new Paragraph('CHỦ TỊCH'),
          ],
        },
      ],
    });
    const { plan, line } = await importFile('signed.docx', await Packer.toBuffer(document));
    expect(plan).toMatchObject({ issuer: 'UBND tỉnh Lạng Sơn', province: 'Lạng Sơn', year: 2025 });
    expect(line).toContain('cơ quan ban hành: UBND tỉnh Lạng Sơn — từ phần ký ("TM. ỦY BAN NHÂN DÂN")');
  });
});
