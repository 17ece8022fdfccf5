import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEADLINE_KINDS, type DeadlineKind, parseDeadline } from '../../src/vi/deadline.ts';

type Row = [input: string, kind: DeadlineKind, due: string | null];

// Cells as they appear in data/plans/*.txt, then the spellings staff and converters produce.
const WITHOUT_CONTEXT: Row[] = [
  // ongoing
  ['Thường xuyên', 'ongoing', null],
  ['thuong xuyen', 'ongoing', null],
  ['THƯỜNG XUYÊN', 'ongoing', null],
  ['Thường xuyên'.normalize('NFD'), 'ongoing', null],
  ['Thường xuyên, liên tục', 'ongoing', null],
  ['Hằng năm', 'ongoing', null],
  ['Hàng năm', 'ongoing', null],
  ['Định kỳ', 'ongoing', null],
  // a year
  ['Năm 2025', 'date', '2025-12-31'],
  ['Trong năm 2024', 'date', '2024-12-31'],
  ['Trong năm 2026', 'date', '2026-12-31'],
  ['năm 2024', 'date', '2024-12-31'],
  // quarters
  ['Quý I/2026', 'date', '2026-03-31'],
  ['Quý II/2026', 'date', '2026-06-30'],
  ['Quý III/2026', 'date', '2026-09-30'],
  ['Quý IV/2026', 'date', '2026-12-31'],
  ['Quý II, III/2026', 'date', '2026-09-30'],
  ['Quý II và III năm 2026', 'date', '2026-09-30'],
  ['quý 3 năm 2026', 'date', '2026-09-30'],
  ['Quý III năm 2026', 'date', '2026-09-30'],
  ['Quy III/2026', 'date', '2026-09-30'],
  ['Quý III/2026'.normalize('NFD'), 'date', '2026-09-30'],
  ['  Quý   I /  2026 ', 'date', '2026-03-31'],
  ['QUÝ IV/2026', 'date', '2026-12-31'],
  // half year and months
  ['6 tháng đầu năm 2025', 'date', '2025-06-30'],
  ['6 thang dau nam 2025', 'date', '2025-06-30'],
  ['Tháng 6/2025', 'date', '2025-06-30'],
  ['tháng 12 năm 2025', 'date', '2025-12-31'],
  ['Tháng 2/2024', 'date', '2024-02-29'],
  // written days
  ['30/6/2023', 'date', '2023-06-30'],
  ['ngày 30 tháng 11 năm 2023', 'date', '2023-11-30'],
  ['Trước ngày 30/11/2023', 'date', '2023-11-30'],
  ['Trước ngày 30 tháng 11 năm 2023', 'date', '2023-11-30'],
  ['trước 31/12/2026', 'date', '2026-12-31'],
  ['chậm nhất ngày 30/6/2023', 'date', '2023-06-30'],
  ['cham nhat ngay 30/6/2023', 'date', '2023-06-30'],
  // no year and no context: never guess
  ['Trong năm', 'conditional', null],
  ['Quý IV', 'conditional', null],
  ['Tháng 6', 'conditional', null],
  // impossible dates
  ['31/2/2025', 'conditional', null],
  ['Tháng 13/2025', 'conditional', null],
  ['Quý V/2026', 'conditional', null],
  // conditional phrases
  ['Theo kế hoạch', 'conditional', null],
  ['Theo Kế hoạch kiểm tra', 'conditional', null],
  ['Theo quy định của Bộ Nội vụ', 'conditional', null],
  ['Theo kế hoạch của Bộ Nội vụ', 'conditional', null],
  ['Sau khi có Thông tư hướng dẫn của các Bộ, ngành', 'conditional', null],
  ['Theo kỳ tuyển dụng', 'conditional', null],
  ['Theo lộ trình của từng CSDL đã được phê duyệt', 'conditional', null],
  ['Theo tiến độ cụ thể của từng nhiệm vụ', 'conditional', null],
  ['Theo tiến độ triển khai của Trung ương', 'conditional', null],
  ['Chậm nhất sau 10 ngày kể từ ngày Kế hoạch của UBND tỉnh được ban hành', 'conditional', null],
  // a date inside a sentence is a reference, not the deadline
  ['Theo Kế hoạch số 06-KH/TU, ngày 28/11/2025 của Ban Thường vụ Tỉnh ủy', 'conditional', null],
  // done
  ['Đã hoàn thành', 'done', null],
  ['Chậm nhất sau 10 ngày kể từ ngày Kế hoạch của UBND tỉnh được ban hành (đã hoàn thành)', 'done', null],
  ['(da hoan thanh)', 'done', null],
  // none
  ['', 'none', null],
  ['  \u00a0 \n', 'none', null],
];

const WITH_PLAN_YEAR_2026: Row[] = [
  ['Trong năm', 'date', '2026-12-31'],
  ['Quý IV', 'date', '2026-12-31'],
  ['quy 2', 'date', '2026-06-30'],
  ['Tháng 6', 'date', '2026-06-30'],
  ['6 tháng đầu năm', 'date', '2026-06-30'],
  ['Trước ngày 30/6', 'date', '2026-06-30'],
  // a written year wins over the plan's year
  ['Trong năm 2024', 'date', '2024-12-31'],
  ['Quý I/2027', 'date', '2027-03-31'],
  ['Thường xuyên', 'ongoing', null],
  ['Theo kế hoạch', 'conditional', null],
];

describe('parseDeadline', () => {
  it.each(WITHOUT_CONTEXT)('%j → %s %s', (input, kind, due) => {
    const deadline = parseDeadline(input);
    expect(deadline.kind).toBe(kind);
    expect(deadline.due).toBe(due);
  });

  it.each(WITH_PLAN_YEAR_2026)('%j in a 2026 plan → %s %s', (input, kind, due) => {
    const deadline = parseDeadline(input, { year: 2026 });
    expect(deadline.kind).toBe(kind);
    expect(deadline.due).toBe(due);
  });

  it('treats a null plan year like no context', () => {
    expect(parseDeadline('Quý IV', { year: null })).toMatchObject({ kind: 'conditional', due: null });
  });

  it('keeps the written cell, on one line', () => {
    expect(parseDeadline('  Quý II,\n III/2026 ').raw).toBe('Quý II, III/2026');
  });

  it('classifies every deadline cell of the 2026 plan of Sở Nội vụ', () => {
    const rows = readFileSync('data/plans/snv-2026-cchc-phu-luc.txt', 'utf8')
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cells) => cells.length === 6 && /^\d+$/.test(cells[0] ?? ''));
    const deadlines = rows.map((cells) => parseDeadline(cells[5] ?? '', { year: 2026 }));
    expect(deadlines.length).toBeGreaterThan(20);
    for (const d of deadlines) {
      expect(DEADLINE_KINDS).toContain(d.kind);
      expect(d.kind === 'date').toBe(d.due !== null);
      if (d.due !== null) expect(d.due.startsWith('2026-')).toBe(true);
    }
    expect(deadlines.filter((d) => d.kind === 'date').map((d) => d.due)).toContain('2026-09-30');
  });
});
