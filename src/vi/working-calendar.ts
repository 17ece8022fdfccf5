/**
 * The civil-service working calendar of Viet Nam. Holidays are data (`data/calendar/vn-holidays.json`) because
 * the Government fixes bridge days and make-up Saturdays by notice each year. Dates are days in Viet Nam, handled
 * as UTC midnights so that neither the machine clock nor its time zone can shift a day.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_CALENDAR_PATH } from '../paths.ts';

export interface WorkingCalendar {
  isWorkingDay(iso: string): boolean;
  /** The name of the day off, or null (also for weekends and make-up working days). */
  holidayName(iso: string): string | null;
  /** n working days after (n > 0) or before (n < 0) `iso`, never counting `iso` itself; n = 0 returns `iso`. */
  addWorkingDays(iso: string, n: number): string;
  /** n ≥ 1: n working days before the due date. n = 0: the due date, or the last working day before it. */
  workingDaysBefore(dueIso: string, n: number): string;
  /** Working days d with from < d ≤ to (negative when to < from): the inverse of addWorkingDays. */
  workingDaysBetween(fromIso: string, toIso: string): number;
  /** Years the data covers; outside them only weekends are off, which callers should say out loud. */
  knownYears: number[];
}

const DAY_MS = 86_400_000;
/** A guard against a typo (n = 1e9) spinning the loop, far beyond any real reminder. */
const MAX_STEPS = 10_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or null when the text is not a real calendar day (2026-02-30). */
function dayNumber(iso: string): number | null {
  const m = ISO_RE.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === iso ? ms / DAY_MS : null;
}

const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: number): number => new Date(day * DAY_MS).getUTCDay();

function requireDay(iso: string): number {
  const day = dayNumber(iso);
  if (day === null) throw new RangeError(`Ngày không hợp lệ: "${iso}" (cần dạng YYYY-MM-DD).`);
  return day;
}

const isoDate = z.string().refine((s) => dayNumber(s) !== null, 'ngày không hợp lệ (cần dạng YYYY-MM-DD)');
const namedDay = z.object({ date: isoDate, name: z.string().trim().min(1, 'thiếu tên ngày') });

export const calendarDataSchema = z
  .object({
    // Pinned: the dates are days in Viet Nam; another zone would silently mean something else.
    timezone: z.literal('Asia/Ho_Chi_Minh'),
    weekend: z
      .array(z.number().int().min(0).max(6))
      .max(6, 'phải còn ít nhất một ngày làm việc trong tuần')
      .refine((w) => new Set(w).size === w.length, 'ngày nghỉ cuối tuần bị lặp'),
    years: z.record(
      z.string().regex(/^\d{4}$/, 'năm phải có 4 chữ số'),
      z.object({
        source: z.string().trim().min(1, 'thiếu nguồn (văn bản hoặc "dự kiến")'),
        days: z.array(namedDay),
        workingDays: z.array(namedDay).default([]),
      }),
    ),
  })
  .superRefine((data, ctx) => {
    const weekend = new Set(data.weekend);
    for (const [year, entry] of Object.entries(data.years)) {
      const seen = new Set<string>();
      for (const list of ['days', 'workingDays'] as const) {
        entry[list].forEach(({ date }, i) => {
          const message = dateProblem(date, year, list === 'workingDays' ? weekend : null, seen);
          seen.add(date);
          if (message) ctx.addIssue({ code: 'custom', path: ['years', year, list, i, 'date'], message });
        });
      }
    }
  });

/** `weekend` is given for make-up days only: a make-up day on a weekday would change nothing, so it is a typo. */
function dateProblem(date: string, year: string, weekend: Set<number> | null, seen: Set<string>) {
  const day = dayNumber(date);
  if (day === null) return null; // already reported by the field's own check
  if (!date.startsWith(`${year}-`)) return `ngày ${date} không thuộc năm ${year}`;
  if (seen.has(date)) return `ngày ${date} bị khai báo hai lần`;
  if (weekend && !weekend.has(weekday(day))) return `ngày làm bù ${date} không rơi vào ngày nghỉ cuối tuần`;
  return null;
}

export type CalendarData = z.infer<typeof calendarDataSchema>;

export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  const weekend = new Set(data.weekend);
  const names = new Map<string, string>();
  const makeUp = new Set<string>();
  for (const entry of Object.values(data.years)) {
    for (const { date, name } of entry.days) names.set(date, name);
    for (const { date } of entry.workingDays) makeUp.add(date);
  }
  // Year keys are four digits (schema), so text order is numeric order.
  const knownYears = Object.keys(data.years).sort().map(Number);
  const works = (day: number): boolean => {
    const iso = toIso(day);
    return makeUp.has(iso) || (!names.has(iso) && !weekend.has(weekday(day)));
  };
  const step = (from: number, n: number): number => {
    if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_STEPS) {
      throw new RangeError(`Số ngày làm việc phải là số nguyên, tối đa ${MAX_STEPS}; nhận được ${n}.`);
    }
    let day = from;
    for (let left = Math.abs(n); left > 0; left -= works(day) ? 1 : 0) day += Math.sign(n);
    return day;
  };

  return {
    isWorkingDay: (iso) => works(requireDay(iso)),
    holidayName: (iso) => names.get(toIso(requireDay(iso))) ?? null,
    addWorkingDays: (iso, n) => toIso(step(requireDay(iso), n)),
    workingDaysBefore(dueIso, n) {
      if (n < 0) throw new RangeError(`Số ngày làm việc trước hạn không được âm; nhận được ${n}.`);
      const due = requireDay(dueIso);
      // "0 days before" a due date on a holiday means the last chance to act, not the holiday itself.
      return toIso(n === 0 && !works(due) ? step(due, -1) : step(due, -n));
    },
    workingDaysBetween(fromIso, toIsoDate) {
      const [from, to] = [requireDay(fromIso), requireDay(toIsoDate)];
      let count = 0;
      for (let day = Math.min(from, to) + 1; day <= Math.max(from, to); day += 1) if (works(day)) count += 1;
      return from <= to ? count : -count;
    },
    knownYears,
  };
}

/** Reads and validates the holiday file; every failure names the file, since an admin edits it by hand. */
export function loadWorkingCalendar(path: string = DEFAULT_CALENDAR_PATH): WorkingCalendar {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const what = error instanceof SyntaxError ? 'không phải JSON hợp lệ' : 'không đọc được';
    throw new Error(`Tệp lịch ngày nghỉ ${path} ${what}: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = calendarDataSchema.safeParse(json, { error: z.locales.vi().localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`);
    throw new Error(`Tệp lịch ngày nghỉ ${path} sai cấu trúc: ${issues.join('; ')}`);
  }
  return createWorkingCalendar(parsed.data);
}
