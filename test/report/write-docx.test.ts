import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_WORDS } from '../../src/reply/status-words.ts';
import { writeReportDocx } from '../../src/report/write-docx.ts';
import { SAMPLE_REPORT } from './sample-report.ts';

/** Collapses whitespace so assertions do not depend on how mammoth breaks paragraphs and cells. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('writeReportDocx', () => {
  let dir: string;
  let file: string;
  let text: string;
  let html: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nhiemvu-docx-'));
    file = join(dir, 'bao-cao.docx');
    await writeReportDocx(SAMPLE_REPORT, file);
    text = squash((await mammoth.extractRawText({ path: file })).value);
    html = (await mammoth.convertToHtml({ path: file })).value;
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves only the finished file in the folder', async () => {
    expect(await readdir(dir)).toEqual(['bao-cao.docx']);
  });

  it('shows the heading block, the title and the period', () => {
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC — QUÝ IV NĂM 2026');
    expect(text).toContain('Kế hoạch cải cách hành chính năm 2026 của Sở Nội vụ');
    expect(text).toContain('ngày 15 tháng 01 năm 2026');
    expect(text).toContain('Kỳ báo cáo: Quý IV năm 2026');
    expect(text).toContain('Số liệu tính đến ngày 14/12/2026');
    for (const heading of [
      'I. TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ',
      'II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ',
      'III. CHỈ TIÊU ĐỊNH LƯỢNG',
    ])
      expect(text).toContain(heading);
  });

  it('writes the Part 1 total row in bold with its counts and decimal-comma rates', () => {
    // Tổng cộng | 6 | one per status | 20 | 33,3
    const total = /<tr>(?:(?!<\/tr>).)*Tổng cộng(?:(?!<\/tr>).)*<\/tr>/.exec(html)?.[0] ?? '';
    const cells = [...total.matchAll(/<td>(.*?)<\/td>/g)].map((match) =>
      squash((match[1] ?? '').replace(/<[^>]+>/g, '')),
    );
    expect(cells).toEqual(['', 'Tổng cộng', '6', '1', '1', '1', '1', '1', '1', '20', '33,3']);
    expect(total).toContain('<strong>Tổng cộng</strong>');
    expect(text).not.toContain('33.3');
  });

  it('gives each lead unit its own result on a two-lead task', () => {
    expect(text).toContain(
      'Văn phòng Sở: Đã hoàn thành rà soát 42 văn bản, kiến nghị sửa đổi 3 văn bản — 100%',
    );
    expect(text).toContain('Phòng Cải cách hành chính: Đang tổng hợp kết quả rà soát của các phòng — 60%');
    expect(text).toContain('Văn phòng Sở: 25/09/2026, Nguyễn Thị Hương');
    expect(text).toContain('Phòng Cải cách hành chính: 12/10/2026, Trần Văn Đức');
    // One lead unit: just the text.
    expect(text).toContain('Đã tổ chức 2 lớp cho 85 học viên — 100%');
    expect(text).not.toContain('Phòng Công chức, viên chức: Đã tổ chức');
  });

  it('prints the status words of every kind in the sample', () => {
    const kinds = new Set(SAMPLE_REPORT.tasks.flatMap((row) => (row.kind === 'task' ? [row.status] : [])));
    expect(kinds.size).toBe(6);
    for (const status of kinds) expect(text).toContain(STATUS_WORDS[status]);
  });

  it('judges each KPI in words', () => {
    expect(text).toMatch(/trên 99% 97,5 Không đạt/);
    expect(text).toMatch(/100% 100 Đạt/);
    expect(text).toMatch(/từ 80% trở lên — Chưa có số liệu/);
  });

  it('uses landscape pages, Times New Roman and repeating header rows', async () => {
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Times New Roman');
    expect(xml).toContain('<w:tblHeader');
    expect(xml).toContain('w:w="11906" w:h="16838"'); // the portrait first page
    expect(xml).toContain('w:w="16838" w:h="11906"'); // landscape A4
    expect(xml).toContain('w:fill="FFC7CE"'); // the overdue task's shading
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('Times New Roman');
  });

  it('rejects when the folder is missing and leaves no file behind', async () => {
    const missing = join(dir, 'khong-co', 'bao-cao.docx');
    await expect(writeReportDocx(SAMPLE_REPORT, missing)).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual(['bao-cao.docx']);
  });
});
