/**
 * The period a message asks about: "tuần này", "tháng 12/2026", "quý IV", "trước 31/12", "7 ngày tới",
 * "sắp đến hạn" … → inclusive ISO dates and a Vietnamese label. Reads the folded message; `today` (YYYY-MM-DD,
 * the caller's clock) anchors every relative phrase. Weeks start on Monday. A day or month written without a
 * year is in the current year, even when it has already passed.
 *
 * When a message holds several phrases, the most precise kind wins (an explicit date over a week over a year),
 * in the order of MATCHERS below.
 */
import { addDays, type Day, dayOf, lastDayOfMonth, makeDay, mondayOf, toIso } from './calendar.ts';

export interface TimeRange {
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
  /** Natural Vietnamese, with diacritics: "tuần này (16/11–22/11/2026)". */
  label: string;
}

// ---- Vocabulary (folded) and labels ----

const VOCABULARY = {
  /** "trước 31/12", "chậm nhất ngày 31/12": from today up to that day. */
  byLeads: ['truoc', 'cham nhat', 'han chot', 'han'],
  untilLeads: ['den', 'toi'],
  /** "từ 1/12 đến 15/12". */
  fromLeads: ['tu'],
  /** May sit between a lead and its day ("chậm nhất là ngày 31/12"). */
  fillers: ['la'],
  dayWords: ['ngay'],
  today: ['hom nay'],
  tomorrow: ['ngay mai'],
  yesterday: ['hom qua'],
  /** "7 ngày tới", "trong 14 ngày tới". */
  nextDays: ['toi', 'nua', 'sap toi', 'ke tiep'],
  /** Tasks falling due soon: the next SOON_DAYS days. */
  soon: ['sap den han', 'sap het han', 'sap toi han', 'gan den han'],
  week: 'tuan',
  month: 'thang',
  quarter: 'quy',
  year: 'nam',
  /** Relative words after tuần/tháng/quý/năm. */
  current: ['nay'],
  next: ['toi', 'sau', 'ke tiep'],
  previous: ['truoc', 'ngoai'],
  /** "đến hết năm", "từ nay đến cuối tháng". */
  toEndOf: ['den het', 'den cuoi', 'toi cuoi', 'cuoi'],
  /** "6 tháng đầu năm" / "6 tháng cuối năm". */
  halfFirst: 'dau',
  halfSecond: 'cuoi',
} as const;

export const SOON_DAYS = 14;
const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;
const QUARTER_OF: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

const dm = (d: Day): string => `${d.day}/${d.month}`;
const dmy = (d: Day): string => `${d.day}/${d.month}/${d.year}`;
const span = (a: Day, b: Day): string => (a.year === b.year ? `${dm(a)}–${dmy(b)}` : `${dmy(a)}–${dmy(b)}`);

const LABELS = {
  day: (d: Day) => `ngày ${dmy(d)}`,
  today: (d: Day) => `hôm nay (${dmy(d)})`,
  tomorrow: (d: Day) => `ngày mai (${dmy(d)})`,
  yesterday: (d: Day) => `hôm qua (${dmy(d)})`,
  by: (d: Day) => `trước ${dmy(d)}`,
  until: (d: Day) => `đến ${dmy(d)}`,
  between: (a: Day, b: Day) => span(a, b),
  nextDays: (n: number) => `${n} ngày tới`,
  week: { current: 'tuần này', next: 'tuần sau', previous: 'tuần trước' },
  weekSpan: (name: string, a: Day, b: Day) => `${name} (${span(a, b)})`,
  month: (month: number, year: number) => `tháng ${month}/${year}`,
  monthNamed: (name: string, month: number, year: number) => `${name} (${month}/${year})`,
  monthRel: { current: 'tháng này', next: 'tháng sau', previous: 'tháng trước' },
  toEndOfMonth: (month: number, year: number) => `đến hết tháng ${month}/${year}`,
  quarter: (q: string, year: number) => `quý ${q}/${year}`,
  quarterNamed: (name: string, q: string, year: number) => `${name} (${q}/${year})`,
  quarterRel: { current: 'quý này', next: 'quý sau', previous: 'quý trước' },
  half: (first: boolean, year: number) => `6 tháng ${first ? 'đầu' : 'cuối'} năm ${year}`,
  year: (year: number) => `năm ${year}`,
  yearNamed: (name: string, year: number) => `${name} (${year})`,
  yearRel: { current: 'năm nay', next: 'năm sau', previous: 'năm trước' },
  toEndOfYear: (year: number) => `đến hết năm ${year}`,
} as const;

// ---- Patterns ----

const alt = (words: readonly string[]): string => words.map((w) => w.replace(/ /g, '\\s+')).join('|');
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const V = VOCABULARY;
const re = (source: string): RegExp => new RegExp(source, 'u');

/** d/m, d/m/yyyy (also with - or .) or "31 tháng 12 năm 2026"; groups: day, month, year. */
const DATE = `(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+${V.month}\\s+)(\\d{1,2})(?:(?:\\s*[/.-]\\s*|\\s+${V.year}\\s+)(\\d{4}))?(?![\\p{N}/%]|[.,]\\d)`;
const YEAR_TAIL = `(?:\\s*(?:/|${V.year})\\s*(\\d{4}))?${E}`;
const QUARTER = '(iv|i{1,3}|[1-4])';
const REL = `(${alt([...V.current, ...V.next, ...V.previous])})${E}`;

const BETWEEN_RE = re(
  `${B}(?:${alt(V.fromLeads)})\\s+(?:${alt(V.dayWords)}\\s+)?${DATE}\\s*(?:-|${alt(V.untilLeads)})\\s*(?:${alt(V.dayWords)}\\s+)?${DATE}`,
);
const BY_RE = re(
  `${B}(${alt([...V.byLeads, ...V.untilLeads])})\\s+(?:(?:(?:${alt(V.fillers)})\\s+)?${alt(V.dayWords)}\\s+)?${DATE}`,
);
/** "ngày 31/12" (any separator) or a bare "31/12" (slash only: "2.2" is a task number). */
const DAY_RE = re(`${B}(?:${alt(V.dayWords)})\\s+${DATE}`);
const SLASH_DAY_RE = re(
  `(?<![\\p{L}\\p{N}/.,-])(\\d{1,2})\\s*/\\s*(\\d{1,2})(?:\\s*/\\s*(\\d{4}))?(?![\\p{N}/%]|[.,]\\d)`,
);
const NEXT_DAYS_RE = re(`${B}(\\d{1,3})\\s+${alt(V.dayWords)}\\s+(?:${alt(V.nextDays)})${E}`);
const words = (list: readonly string[]): RegExp => re(`${B}(?:${alt(list)})${E}`);
const SOON_RE = words(V.soon);
const TODAY_RE = words(V.today);
const TOMORROW_RE = words(V.tomorrow);
const YESTERDAY_RE = words(V.yesterday);
const WEEK_RE = re(`${B}${V.week}\\s+${REL}`);
const HALF_RE = re(
  `${B}6\\s+${V.month}\\s+(${V.halfFirst}|${V.halfSecond})\\s+${V.year}(?:\\s+(\\d{4}))?${E}`,
);
const MONTH_RE = re(`${B}${V.month}\\s+(\\d{1,2})${YEAR_TAIL}`);
const MONTH_REL_RE = re(`${B}${V.month}\\s+${REL}`);
const QUARTER_RE = re(`${B}${V.quarter}\\s+${QUARTER}${YEAR_TAIL}`);
const QUARTER_REL_RE = re(`${B}${V.quarter}\\s+${REL}`);
const TO_END_RE = re(
  `${B}(?:${alt(V.toEndOf)})\\s+(${V.month}|${V.year})(?:\\s+(?:${alt(V.current)}))?${E}(?!\\s*\\d)`,
);
const YEAR_RE = re(`${B}${V.year}\\s+(\\d{4})${E}`);
const YEAR_REL_RE = re(`${B}${V.year}\\s+${REL}`);

// ---- Matchers, most precise first ----

type Matcher = (folded: string, today: Day) => TimeRange | null;

const range = (from: Day, to: Day, label: string): TimeRange => ({ from: toIso(from), to: toIso(to), label });

/** -1, 0 or +1 for "trước", "này", "tới/sau". */
function offsetOf(word: string | undefined): number {
  const w = (word ?? '').replace(/\s+/g, ' ');
  if ((V.next as readonly string[]).includes(w)) return 1;
  return (V.previous as readonly string[]).includes(w) ? -1 : 0;
}

function dateOf(m: RegExpExecArray, at: number, today: Day): Day | null {
  const year = m[at + 2] === undefined ? today.year : Number(m[at + 2]);
  return makeDay(year, Number(m[at + 1]), Number(m[at]));
}

const MATCHERS: readonly Matcher[] = [
  (f, today) => {
    const m = BETWEEN_RE.exec(f);
    const [a, b] = m === null ? [null, null] : [dateOf(m, 1, today), dateOf(m, 4, today)];
    return a === null || b === null || toIso(b) < toIso(a) ? null : range(a, b, LABELS.between(a, b));
  },
  (f, today) => {
    const m = BY_RE.exec(f);
    const due = m === null ? null : dateOf(m, 2, today);
    if (m === null || due === null) return null;
    const label = (V.untilLeads as readonly string[]).includes(m[1] ?? '')
      ? LABELS.until(due)
      : LABELS.by(due);
    // A day already past is asked about on its own: "trước 1/3" said in November names 1/3 only.
    return range(toIso(due) < toIso(today) ? due : today, due, label);
  },
  (f, today) => {
    const m = DAY_RE.exec(f) ?? SLASH_DAY_RE.exec(f);
    const day = m === null ? null : dateOf(m, 1, today);
    return day === null ? null : range(day, day, LABELS.day(day));
  },
  (f, today) => {
    const n = Number(NEXT_DAYS_RE.exec(f)?.[1] ?? 0);
    return n > 0 ? range(today, addDays(today, n), LABELS.nextDays(n)) : null;
  },
  (f, today) =>
    SOON_RE.test(f) ? range(today, addDays(today, SOON_DAYS), LABELS.nextDays(SOON_DAYS)) : null,
  (f, today) => (TODAY_RE.test(f) ? range(today, today, LABELS.today(today)) : null),
  (f, today) => relativeDay(f, TOMORROW_RE, addDays(today, 1), LABELS.tomorrow),
  (f, today) => relativeDay(f, YESTERDAY_RE, addDays(today, -1), LABELS.yesterday),
  (f, today) => {
    const m = WEEK_RE.exec(f);
    if (m === null) return null;
    const offset = offsetOf(m[1]);
    const monday = addDays(mondayOf(today), 7 * offset);
    const name = offset === 0 ? LABELS.week.current : offset > 0 ? LABELS.week.next : LABELS.week.previous;
    return range(monday, addDays(monday, 6), LABELS.weekSpan(name, monday, addDays(monday, 6)));
  },
  (f, today) => {
    const m = HALF_RE.exec(f);
    if (m === null) return null;
    const year = m[2] === undefined ? today.year : Number(m[2]);
    const first = m[1] === V.halfFirst;
    return monthsRange(year, first ? 1 : 7, first ? 6 : 12, LABELS.half(first, year));
  },
  (f, today) => {
    const m = TO_END_RE.exec(f);
    if (m === null) return null;
    if (m[1] === V.year)
      return range(today, makeDay(today.year, 12, 31) ?? today, LABELS.toEndOfYear(today.year));
    const end = makeDay(today.year, today.month, lastDayOfMonth(today.year, today.month)) ?? today;
    return range(today, end, LABELS.toEndOfMonth(today.month, today.year));
  },
  (f, today) => {
    const m = MONTH_RE.exec(f);
    const month = Number(m?.[1] ?? 0);
    const year = m?.[2] === undefined ? today.year : Number(m[2]);
    return month >= 1 && month <= 12 ? monthsRange(year, month, month, LABELS.month(month, year)) : null;
  },
  (f, today) => {
    const m = MONTH_REL_RE.exec(f);
    if (m === null) return null;
    const offset = offsetOf(m[1]);
    const index = today.year * 12 + today.month - 1 + offset;
    const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
    const name =
      offset === 0 ? LABELS.monthRel.current : offset > 0 ? LABELS.monthRel.next : LABELS.monthRel.previous;
    return monthsRange(year, month, month, LABELS.monthNamed(name, month, year));
  },
  (f, today) => {
    const m = QUARTER_RE.exec(f);
    if (m === null) return null;
    const quarter = QUARTER_OF[m[1] ?? ''] ?? 0;
    const year = m[2] === undefined ? today.year : Number(m[2]);
    return quarterRange(year, quarter, (q) => LABELS.quarter(q, year));
  },
  (f, today) => {
    const m = QUARTER_REL_RE.exec(f);
    if (m === null) return null;
    const offset = offsetOf(m[1]);
    const index = today.year * 4 + Math.floor((today.month - 1) / 3) + offset;
    const year = Math.floor(index / 4);
    const name =
      offset === 0
        ? LABELS.quarterRel.current
        : offset > 0
          ? LABELS.quarterRel.next
          : LABELS.quarterRel.previous;
    return quarterRange(year, (index % 4) + 1, (q) => LABELS.quarterNamed(name, q, year));
  },
  (f) => {
    const year = Number(YEAR_RE.exec(f)?.[1] ?? 0);
    return year >= 1900 && year <= 2200 ? monthsRange(year, 1, 12, LABELS.year(year)) : null;
  },
  (f, today) => {
    const m = YEAR_REL_RE.exec(f);
    if (m === null) return null;
    const offset = offsetOf(m[1]);
    const year = today.year + offset;
    const name =
      offset === 0 ? LABELS.yearRel.current : offset > 0 ? LABELS.yearRel.next : LABELS.yearRel.previous;
    return monthsRange(year, 1, 12, LABELS.yearNamed(name, year));
  },
];

function relativeDay(f: string, pattern: RegExp, day: Day, label: (d: Day) => string): TimeRange | null {
  return pattern.test(f) ? range(day, day, label(day)) : null;
}

function monthsRange(year: number, first: number, last: number, label: string): TimeRange | null {
  const from = makeDay(year, first, 1);
  const to = makeDay(year, last, lastDayOfMonth(year, last));
  return from === null || to === null ? null : range(from, to, label);
}

function quarterRange(year: number, quarter: number, label: (roman: string) => string): TimeRange | null {
  const roman = ROMAN_QUARTERS[quarter - 1];
  return roman === undefined ? null : monthsRange(year, quarter * 3 - 2, quarter * 3, label(roman));
}

// ---- Entry point ----

/** The period the message names, or null. Throws a RangeError when `today` is not a YYYY-MM-DD day. */
export function findTimeRange(folded: string, today: string): TimeRange | null {
  const day = dayOf(today);
  for (const match of MATCHERS) {
    const found = match(folded, day);
    if (found !== null) return found;
  }
  return null;
}
