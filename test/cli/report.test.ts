import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/ask.ts';
import { createCore } from '../../src/compose/core.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { SNV_CCVC, SNV_TCBC, TODAY } from '../support/bot.ts';
import { importInto, tempDb, tempDir, testLexicon } from '../support/kb.ts';
import { runCli } from './run-cli.ts';

/**
 * `report` as deployment scripts and the office run it: after staff reported in chat, the .xlsx and .docx hold
 * what the reports imply; a wrong call exits 2 and writes nothing.
 */
const TCBC = SNV_TCBC;
let dbPath: string;
let out: string;

const report = (args: string[]) =>
  runCli(['report', '--db', dbPath, '--org', 'Sở Nội vụ', '--year', '2026', '--today', TODAY, ...args]);

beforeAll(async () => {
  const { db, path } = tempDb();
  await importInto(db, [SHIPPED_PLANS_DIR]);
  const core = createCore(db, testLexicon(), loadChatLexicon(), () => new Date(`${TODAY}T09:00:00+07:00`));
  for (const [who, text] of [
    [SNV_CCVC, 'báo cáo nhiệm vụ V.4 đã hoàn thành'],
    [TCBC, 'báo cáo nhiệm vụ I.3 đã hoàn thành'],
    [TCBC, 'báo cáo nhiệm vụ I.6 đạt 60%'],
  ] as const)
    expect(ask(core, { ...who, text, today: TODAY }).intent).toBe('report_progress');
  db.close();
  dbPath = path;
  out = tempDir();
}, 60_000);

describe('cli report', () => {
  it('writes the .xlsx: the summary names the organisation, a two-lead task shows each unit’s result', async () => {
    const file = join(out, 'q4.xlsx');
    const run = await report(['--period', 'q4', '--format', 'xlsx', '--out', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Quý IV năm 2026');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells = (name: string) => {
      const values: string[] = [];
      book.getWorksheet(name)?.eachRow((row) => {
        row.eachCell((cell) => {
          values.push(String(cell.value ?? ''));
        });
      });
      return values;
    };
    expect(cells('Tổng hợp').join('\n')).toContain('SỞ NỘI VỤ');
    // 33 tasks: I.1 and I.2 done per the plan itself, I.3 done after its 31/03 due day, I.6 at 60% before its
    // 31/12 due day, I.5 and III.8 past 30/09 unreported, V.4 with Văn phòng Sở (its second lead) unreported,
    // 26 "Thường xuyên"; rates 2/33 and 2/33.
    let total: unknown[] = [];
    book.getWorksheet('Tổng hợp')?.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') total = (row.values as unknown[]).slice(3);
    });
    expect(total).toEqual([33, 2, 1, 1, 2, 26, 1, 6.1, 6.1]);
    const tasks = cells('Chi tiết nhiệm vụ');
    expect(tasks.some((v) => v.includes('Phòng Công chức, viên chức: Đã hoàn thành'))).toBe(true);
    expect(tasks).toContain('Hoàn thành quá hạn');
    expect(tasks).toContain('Quá hạn, chưa hoàn thành');
  }, 60_000);

  it('writes the .docx with the period, the statuses and the result texts', async () => {
    const file = join(out, 'q4.docx');
    const run = await report(['--period', 'q4', '--format', 'docx', '--out', file]);
    expect(run.code).toBe(0);
    const { value } = await mammoth.extractRawText({ path: file });
    expect(value).toContain('Quý IV năm 2026');
    expect(value).toContain('Hoàn thành quá hạn');
    expect(value).toContain('Đang thực hiện, 60%');
  }, 60_000);

  it.each([
    [['--org', 'Sở Ngoại giao', '--format', 'json'], 'Không tìm thấy cơ quan'],
    [['--period', 'q9', '--format', 'json'], 'Kỳ báo cáo không hợp lệ'],
    [['--unit', 'Phòng Kế hoạch - Tài chính', '--format', 'json'], 'Không tìm thấy đơn vị'],
    [['--plan', 'khong-co', '--format', 'json'], 'không có kế hoạch'],
  ])(
    '%j exits 2 with a Vietnamese message and writes nothing',
    async (args, message) => {
      const file = join(out, `bad-${readdirSync(out).length}.json`);
      const run = await report([...args, '--out', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(existsSync(file)).toBe(false);
    },
    60_000,
  );

  it('a folder that does not exist is named, and nothing is written', async () => {
    const run = await report(['--format', 'xlsx', '--out', join(out, 'no-such', 'r.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such');
    expect(readdirSync(out).some((f) => f.includes('.tmp-'))).toBe(false);
  }, 60_000);
});
