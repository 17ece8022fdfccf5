/**
 * Deadline cells of a plan ("Thời gian thực hiện", "Tiến độ") → a kind and, when the cell names a fixed period,
 * its last calendar day. Matching runs on the folded text, so "Quý III/2026", "quy iii/2026" and NFD input agree.
 *
 * A cell is only read as a date when the whole cell is a date phrase: a date buried in a longer sentence
 * ("Theo Kế hoạch số 06-KH/TU ngày 28/11/2025") is a reference, not a deadline, and we never guess.
 */
import { collapseSpaces, fold } from './fold.ts';

export const DEADLINE_KINDS = ['ongoing', 'date', 'conditional', 'done', 'none'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** `due` is a calendar day (YYYY-MM-DD) as read in Asia/Ho_Chi_Minh; no instant or offset is implied. */
export interface Deadline {
  raw: string;
  due: string | null;
  kind: DeadlineKind;
}

export interface DeadlineContext {
  /** Year of the plan, used when a cell names a quarter, month or "Trong năm" without a year. */
  year?: number | null;
}

// ---- Vocabulary (folded: no diacritics, lower case, single spaces) ----

/** A cell starting with one of these is a recurring task, whatever follows ("Thường xuyên, liên tục"). */
const ONGOING_PREFIXES = ['thuong xuyen', 'hang nam', 'dinh ky', 'hang quy', 'hang thang'];
const ONGOING_RE = new RegExp(`^(?:${ONGOING_PREFIXES.join('|')})(?![a-z0-9])`);
/** "Đã hoàn thành" anywhere wins: the plan itself says the task is closed. */
const DONE = /(?<![a-z])da hoan thanh(?![a-z])/;
/** Words that may open a fixed period ("Trong năm 2024", "Trong Quý I/2026"). */
const PERIOD_LEAD = String.raw`(?:(?:trong|ca)\s+)?`;
/** Words that may open a single day ("Trước ngày", "chậm nhất là ngày"); they all mean "by that day". */
const DAY_LEAD = String.raw`(?:(?:truoc|cham nhat|han|den|hoan thanh truoc)(?:\s+la)?\s+)?(?:ngay\s+)?`;
const QUARTER = '(?:iv|i{1,3}|[1-4])';
const YEAR_TAIL = String.raw`(?:\s*(?:/|nam)\s*(\d{4}))?`;
/** Only trailing punctuation may follow a date phrase; anything else makes the cell conditional. */
const END = String.raw`\s*[.;,]?$`;

const YEAR_RE = new RegExp(String.raw`^${PERIOD_LEAD}nam(?:\s+(\d{4}))?${END}`);
const QUARTER_RE = new RegExp(
  String.raw`^${PERIOD_LEAD}quy\s+(${QUARTER}(?:\s*(?:,|-|va)\s*${QUARTER})*)${YEAR_TAIL}${END}`,
);
const HALF_RE = new RegExp(String.raw`^${PERIOD_LEAD}6\s+thang\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?${END}`);
const MONTH_RE = new RegExp(String.raw`^${PERIOD_LEAD}thang\s+(\d{1,2})${YEAR_TAIL}${END}`);
const DAY_RE = new RegExp(
  String.raw`^${DAY_LEAD}(\d{1,2})(?:\s*[/.-]\s*|\s+thang\s+)(\d{1,2})(?:(?:\s*[/.-]\s*|\s+nam\s+)(\d{4}))?${END}`,
);
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

// ---- Parsing ----

/** A date phrase that was recognised: with a day, or without one (no year known, impossible date). */
type PeriodMatch = { due: string } | { due: null };
type Matcher = (folded: string, year: number | null) => PeriodMatch | null;

export function parseDeadline(raw: string, context?: DeadlineContext): Deadline {
  const text = collapseSpaces(raw);
  const folded = fold(text);
  if (folded === '') return { raw: text, due: null, kind: 'none' };
  if (DONE.test(folded)) return { raw: text, due: null, kind: 'done' };
  if (ONGOING_RE.test(folded)) return { raw: text, due: null, kind: 'ongoing' };
  const year = context?.year ?? null;
  for (const match of MATCHERS) {
    const found = match(folded, year);
    if (found === null) continue;
    return found.due === null
      ? { raw: text, due: null, kind: 'conditional' }
      : { raw: text, due: found.due, kind: 'date' };
  }
  return { raw: text, due: null, kind: 'conditional' };
}

const MATCHERS: readonly Matcher[] = [
  (f, year) => {
    const m = YEAR_RE.exec(f);
    return m ? toDue(pickYear(m[1], year), 12, 31) : null;
  },
  (f, year) => {
    const m = QUARTER_RE.exec(f);
    if (!m) return null;
    // "Quý II, III/2026": the task may run until the end of the last quarter named.
    const last = m[1]?.match(/iv|i{1,3}|[1-4]/g)?.at(-1) ?? '';
    const quarter = ROMAN[last] ?? Number(last);
    return toDue(pickYear(m[2], year), quarter * 3, 'last');
  },
  (f, year) => {
    const m = HALF_RE.exec(f);
    return m ? toDue(pickYear(m[2], year), m[1] === 'dau' ? 6 : 12, 'last') : null;
  },
  (f, year) => {
    const m = MONTH_RE.exec(f);
    return m ? toDue(pickYear(m[2], year), Number(m[1]), 'last') : null;
  },
  (f, year) => {
    const m = DAY_RE.exec(f);
    return m ? toDue(pickYear(m[3], year), Number(m[2]), Number(m[1])) : null;
  },
];

/** The year written in the cell wins over the plan's year. */
function pickYear(written: string | undefined, fallback: number | null): number | null {
  return written === undefined ? fallback : Number(written);
}

/** Builds the due day, or `{ due: null }` when the year is unknown or the day does not exist (31/2). */
function toDue(year: number | null, month: number, day: number | 'last'): PeriodMatch {
  if (year === null || !Number.isInteger(year) || year < 1900) return { due: null };
  if (!Number.isInteger(month) || month < 1 || month > 12) return { due: null };
  // Day 0 of the next month is the last day of this one (UTC, so no local offset can shift it).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const d = day === 'last' ? lastDay : day;
  if (d < 1 || d > lastDay) return { due: null };
  return { due: `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
