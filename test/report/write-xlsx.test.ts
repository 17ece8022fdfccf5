import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_WORDS } from '../../src/reply/status-words.ts';
import { TASK_STATUSES, type TaskStatus } from '../../src/report/types.ts';
import { writeReportXlsx } from '../../src/report/write-xlsx.ts';
import { SAMPLE_REPORT } from './sample-report.ts';

const FILLS: Record<TaskStatus, string> = {
  done_on_time: 'FFC6EFCE',
  done_late: 'FFFFD8A8',
  in_progress: 'FFBDD7EE',
  overdue: 'FFFFC7CE',
  ongoing: 'FFE7E6E6',
  no_report: 'FFE7E6E6',
};

let dir: string;
let file: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nhiemvu-xlsx-'));
  file = join(dir, 'bao-cao.xlsx');
  await writeReportXlsx(SAMPLE_REPORT, file);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sheet(name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function texts(row: Row): string[] {
  const out: string[] = [];
  for (let col = 1; col <= row.cellCount; col++) out.push(row.getCell(col).text);
  return out;
}

/** The header row: the first whose first cell is "TT" or "STT". */
function headerRow(ws: Worksheet): Row {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (['TT', 'STT'].includes(row.getCell(1).text)) return row;
  }
  throw new Error(`no header in ${ws.name}`);
}

function rowWhere(ws: Worksheet, col: number, text: string): Row {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(col).text === text) return row;
  }
  throw new Error(`no row with "${text}" in column ${col} of ${ws.name}`);
}

function fillOf(row: Row, col: number): string | undefined {
  const fill = row.getCell(col).fill;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

describe('writeReportXlsx', () => {
  it('writes the three parts as Vietnamese-named sheets', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', 'Chi tiết nhiệm vụ', 'Chỉ tiêu']);
  });

  it('opens each sheet with the title block and the cut-off day', () => {
    for (const ws of workbook.worksheets) {
      const top = [1, 2, 3, 4].map((r) => ws.getRow(r).getCell(1).text);
      expect(top).toEqual([
        'SỞ NỘI VỤ',
        SAMPLE_REPORT.title,
        'KH 2026 của Sở Nội vụ, ngày 15 tháng 01 năm 2026',
        'Quý IV năm 2026 — Số liệu tính đến ngày 14/12/2026',
      ]);
    }
  });

  it('has the header rows, frozen below the header and filterable on it', () => {
    const expected: Record<string, string[]> = {
      'Tổng hợp': [
        'TT',
        'Đơn vị chủ trì',
        'Tổng số',
        ...TASK_STATUSES.map((status) => STATUS_WORDS[status]),
        'Tỷ lệ hoàn thành đúng hạn (%)',
        'Tỷ lệ quá hạn (%)',
      ],
      'Chi tiết nhiệm vụ': [
        'STT',
        'Nội dung nhiệm vụ',
        'Đơn vị chủ trì',
        'Đơn vị phối hợp',
        'Thời hạn',
        'Sản phẩm',
        'Kết quả thực hiện',
        'Tình trạng',
        'Ngày báo cáo / người báo cáo',
      ],
      'Chỉ tiêu': ['STT', 'Chỉ tiêu', 'Mục tiêu', 'Thực tế', 'Đánh giá'],
    };
    for (const [name, headers] of Object.entries(expected)) {
      const ws = sheet(name);
      const header = headerRow(ws);
      expect(texts(header), name).toEqual(headers);
      expect(header.getCell(1).font?.bold, name).toBe(true);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: header.number });
      const lastColumn = String.fromCharCode(64 + headers.length);
      expect(ws.autoFilter, name).toBe(`A${header.number}:${lastColumn}${header.number}`);
      expect(ws.getColumn(2).width, name).toBeGreaterThanOrEqual(30);
    }
  });

  it('gives the total row the fixture counts and rates, bold, with no TT', () => {
    const ws = sheet('Tổng hợp');
    const total = SAMPLE_REPORT.summary.find((row) => row.isTotal);
    if (!total) throw new Error('fixture has no total row');
    const row = rowWhere(ws, 2, 'Tổng cộng');
    expect(row.getCell(1).value).toBeNull();
    expect(row.getCell(2).font?.bold).toBe(true);
    expect(row.getCell(3).value).toBe(total.total);
    TASK_STATUSES.forEach((status, i) => {
      expect(row.getCell(4 + i).value, status).toBe(total.counts[status]);
    });
    expect(row.getCell(10).value).toBe(total.onTimeRate);
    expect(row.getCell(11).value).toBe(total.overdueRate);
    expect(row.getCell(11).numFmt).toBe('0.0');
    expect(rowWhere(ws, 2, 'Văn phòng Sở').getCell(1).value).toBe(1);
  });

  it('puts each lead unit with its own result for a task with two lead units', () => {
    const ws = sheet('Chi tiết nhiệm vụ');
    const row = rowWhere(
      ws,
      2,
      SAMPLE_REPORT.tasks[1]?.kind === 'task' ? SAMPLE_REPORT.tasks[1].content : '',
    );
    expect(row.getCell(3).text).toBe('Văn phòng Sở; Phòng Cải cách hành chính');
    expect(row.getCell(7).text.split('\n')).toEqual([
      'Văn phòng Sở: Đã hoàn thành rà soát 42 văn bản, kiến nghị sửa đổi 3 văn bản — 100%',
      'Phòng Cải cách hành chính: Đang tổng hợp kết quả rà soát của các phòng — 60%',
    ]);
    expect(row.getCell(9).text.split('\n')).toEqual([
      '25/09/2026 — Nguyễn Thị Hương',
      '12/10/2026 — Trần Văn Đức',
    ]);
  });

  it('writes one merged bold row per section', () => {
    const ws = sheet('Chi tiết nhiệm vụ');
    const row = rowWhere(ws, 1, 'II. Cải cách tổ chức bộ máy và chế độ công vụ');
    expect(row.getCell(1).font?.bold).toBe(true);
    expect(row.getCell(9).isMerged).toBe(true);
  });

  it('writes every status in words and in its colour', () => {
    const ws = sheet('Chi tiết nhiệm vụ');
    const seen = new Set<TaskStatus>();
    for (const task of SAMPLE_REPORT.tasks) {
      if (task.kind !== 'task') continue;
      const row = rowWhere(ws, 2, task.content);
      expect(row.getCell(8).text, task.taskId).toBe(STATUS_WORDS[task.status]);
      expect(fillOf(row, 8), task.taskId).toBe(FILLS[task.status]);
      seen.add(task.status);
    }
    expect([...seen].sort()).toEqual([...TASK_STATUSES].sort());
    // A single lead unit's result is its text alone; an unreported task leaves the cells empty.
    const late = rowWhere(ws, 8, STATUS_WORDS.done_late);
    expect(late.getCell(7).text).toBe('Đã công khai 100% thủ tục hành chính ngày 15/7/2026 — 100%');
    expect(rowWhere(ws, 8, STATUS_WORDS.no_report).getCell(9).text).toBe('');
  });

  it('gives each KPI its actual and verdict in words and colour', () => {
    const ws = sheet('Chỉ tiêu');
    const header = headerRow(ws);
    const rows = [1, 2, 3].map((i) => ws.getRow(header.number + i));
    expect(rows.map((row) => [row.getCell(3).text, row.getCell(4).text, row.getCell(5).text])).toEqual([
      ['trên 99%', '97,5%', 'Không đạt'],
      ['100%', '100%', 'Đạt'],
      ['từ 80% trở lên', '—', 'Chưa có số liệu'],
    ]);
    expect(rows.map((row) => fillOf(row, 5))).toEqual(['FFFFC7CE', 'FFC6EFCE', 'FFE7E6E6']);
  });

  it('says so when there is no KPI', async () => {
    const path = join(dir, 'khong-chi-tieu.xlsx');
    await writeReportXlsx({ ...SAMPLE_REPORT, kpis: [], unit: 'Văn phòng Sở' }, path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.getWorksheet('Chỉ tiêu');
    if (!ws) throw new Error('no KPI sheet');
    expect(ws.getRow(5).getCell(1).text).toBe('Đơn vị: Văn phòng Sở');
    expect(ws.getRow(headerRow(ws).number + 1).getCell(1).text).toBe('Không có chỉ tiêu định lượng');
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('removes its temporary file when the last step fails', async () => {
    // The target is a folder: the workbook is written beside it, then the rename fails.
    const target = mkdtempSync(join(dir, 'la-thu-muc-'));
    await expect(writeReportXlsx(SAMPLE_REPORT, target)).rejects.toThrow();
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(readdirSync(target)).toEqual([]);
  });

  it('rejects a folder that does not exist and leaves nothing there', async () => {
    const missing = join(dir, 'khong-co', 'bao-cao.xlsx');
    await expect(writeReportXlsx(SAMPLE_REPORT, missing)).rejects.toThrow();
    expect(existsSync(join(dir, 'khong-co'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});
