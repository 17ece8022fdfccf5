import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_PATH } from '../../src/paths.ts';
import {
  type CalendarData,
  calendarDataSchema,
  createWorkingCalendar,
  loadWorkingCalendar,
} from '../../src/vi/working-calendar.ts';

// Everything below runs against the file we ship, so a wrong edit of the data fails here.
const calendar = loadWorkingCalendar();
const shipped: CalendarData = calendarDataSchema.parse(
  JSON.parse(readFileSync(DEFAULT_CALENDAR_PATH, 'utf8')),
);

const isoDays = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
};

describe('shipped data', () => {
  it('covers 2023–2027 and names the fixed-date holidays of every year', () => {
    expect(calendar.knownYears).toEqual([2023, 2024, 2025, 2026, 2027]);
    for (const year of calendar.knownYears) {
      expect(calendar.holidayName(`${year}-01-01`)).toBe('Tết Dương lịch');
      expect(calendar.holidayName(`${year}-04-30`)).toBe('Ngày Chiến thắng 30/4');
      expect(calendar.holidayName(`${year}-05-01`)).toBe('Quốc tế Lao động 1/5');
      expect(calendar.holidayName(`${year}-09-02`)).toBe('Quốc khánh 2/9');
    }
  });

  it('puts Giỗ Tổ Hùng Vương on 10/3 lunar of each year', () => {
    for (const date of ['2023-04-29', '2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16']) {
      expect(calendar.holidayName(date), date).toBe('Giỗ Tổ Hùng Vương');
    }
  });

  it('gives Quốc khánh two days off in every year (Bộ luật Lao động 2019)', () => {
    for (const year of calendar.knownYears) {
      const around = [`${year}-09-01`, `${year}-09-03`].filter((d) => calendar.holidayName(d) !== null);
      expect(around, String(year)).toHaveLength(1);
    }
  });

  it('tells the admin which years are only provisional', () => {
    expect(shipped.years['2027']?.source).toMatch(/^Dự kiến/);
    expect(shipped.years['2026']?.source).not.toMatch(/dự kiến/i);
  });
});

describe('working calendar', () => {
  it('puts a reminder 1 working day before a Monday due date on the Friday', () => {
    expect(calendar.workingDaysBefore('2026-06-15', 1)).toBe('2026-06-12');
    expect(calendar.workingDaysBefore('2026-06-17', 1)).toBe('2026-06-16');
  });

  it('skips 30/4–1/5 and the Giỗ Tổ compensating day when counting back 5 working days', () => {
    // 5/5, 4/5, then 3/5–30/4 are off, 29/4, 28/4, then 27/4 is the day off for Giỗ Tổ on Sunday 26/4.
    expect(calendar.workingDaysBefore('2026-05-06', 5)).toBe('2026-04-24');
    expect(calendar.isWorkingDay('2026-04-30')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-01')).toBe(false);
    expect(calendar.holidayName('2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('counts the make-up Saturday of 2025 when counting back over 30/4–4/5', () => {
    expect(calendar.workingDaysBefore('2025-05-07', 5)).toBe('2025-04-26');
  });

  it('keeps every day of Tết Nguyên đán 2026 (14/02–22/02) off', () => {
    for (const date of isoDays('2026-02-14', '2026-02-22')) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
      expect(calendar.holidayName(date), date).toBe('Tết Nguyên đán');
    }
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  it('treats every make-up Saturday in the data as a working day', () => {
    const makeUp = Object.values(shipped.years).flatMap((y) => y.workingDays.map((d) => d.date));
    expect(makeUp).toContain('2026-01-10');
    for (const date of makeUp) {
      expect(new Date(`${date}T00:00:00Z`).getUTCDay(), date).toBe(6);
      expect(calendar.isWorkingDay(date), date).toBe(true);
      expect(calendar.holidayName(date), date).toBeNull();
    }
    expect(calendar.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('counts only weekends in a year the data does not cover', () => {
    expect(calendar.knownYears).not.toContain(2030);
    expect(calendar.isWorkingDay('2030-01-01')).toBe(true);
    expect(calendar.holidayName('2030-01-01')).toBeNull();
    expect(calendar.isWorkingDay('2030-01-05')).toBe(false);
    expect(calendar.workingDaysBetween('2030-04-28', '2030-05-05')).toBe(5);
    expect(calendar.workingDaysBefore('2030-05-06', 1)).toBe('2030-05-03');
  });

  it('makes addWorkingDays and workingDaysBetween inverse across holidays', () => {
    for (const from of ['2025-01-24', '2026-04-24', '2026-08-28', '2027-02-03']) {
      for (const n of [1, 3, 7, -4]) {
        const to = calendar.addWorkingDays(from, n);
        expect(calendar.isWorkingDay(to), `${from} ${n}`).toBe(true);
        expect(calendar.workingDaysBetween(from, to), `${from} ${n}`).toBe(n);
      }
    }
  });

  it('moves a reminder "on the due date" off a holiday to the working day before', () => {
    expect(calendar.workingDaysBefore('2026-09-02', 0)).toBe('2026-08-28');
    expect(calendar.workingDaysBefore('2026-09-03', 0)).toBe('2026-09-03');
  });

  it('rejects dates that are not real YYYY-MM-DD days and counts that are not whole', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/Ngày không hợp lệ: "2026-02-30"/);
    expect(() => calendar.addWorkingDays('04/05/2026', 1)).toThrow(/Ngày không hợp lệ/);
    expect(() => calendar.addWorkingDays('2026-05-04', 1.5)).toThrow(/số nguyên/);
    expect(() => calendar.workingDaysBefore('2026-05-04', -1)).toThrow(/không được âm/);
  });

  it('does not depend on the weekend of Viet Nam being hard-coded', () => {
    const fridayOff = createWorkingCalendar({ ...shipped, weekend: [5, 6], years: {} });
    expect(fridayOff.isWorkingDay('2026-06-12')).toBe(false);
    expect(fridayOff.isWorkingDay('2026-06-14')).toBe(true);
  });
});

describe('loadWorkingCalendar errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'working-calendar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('names the file when the JSON is broken', () => {
    const path = write('broken.json', '{ "timezone": "Asia/Ho_Chi_Minh", "weekend": [6, 0], ');
    expect(() => loadWorkingCalendar(path)).toThrow(`Tệp lịch ngày nghỉ ${path} không phải JSON hợp lệ`);
  });

  it('names the file and the field when the structure is wrong', () => {
    const data = {
      timezone: 'Asia/Ho_Chi_Minh',
      weekend: [6, 0],
      years: { '2026': { source: 'x', days: [{ date: '2025-02-30', name: 'Tết' }], workingDays: [] } },
    };
    const path = write('invalid.json', JSON.stringify(data));
    expect(() => loadWorkingCalendar(path)).toThrow(
      `Tệp lịch ngày nghỉ ${path} sai cấu trúc: years.2026.days.0.date: ngày không hợp lệ`,
    );
  });

  it('rejects a make-up day that is not on a weekend, and a day listed twice', () => {
    const newYear = { date: '2026-01-01', name: 'Tết Dương lịch' };
    const friday = { date: '2026-01-09', name: 'Làm bù' };
    const data = {
      timezone: 'Asia/Ho_Chi_Minh',
      weekend: [6, 0],
      years: { '2026': { source: 'x', days: [newYear, newYear], workingDays: [friday] } },
    };
    const path = write('twice.json', JSON.stringify(data));
    expect(() => loadWorkingCalendar(path)).toThrow(
      /2026-01-01 bị khai báo hai lần; .*2026-01-09 không rơi vào ngày nghỉ cuối tuần/,
    );
  });

  it('names the file when it cannot be read', () => {
    const path = join(dir, 'missing.json');
    expect(() => loadWorkingCalendar(path)).toThrow(`Tệp lịch ngày nghỉ ${path} không đọc được`);
  });
});
