/**
 * What a staff member says about a task's progress: a status ("đã hoàn thành", "đang làm", "chưa bắt đầu"),
 * a percentage of completion ("đạt 60%", "tiến độ 60%", "60% khối lượng") and the actual value of a KPI
 * ("tỷ lệ thực tế 85%", "kết quả 99,2%"). Reads the folded message (shorthand such as "ht" already expanded).
 *
 * A percentage is a KPI value when its clause names one (thực tế, kết quả, số liệu, tỷ lệ …) unless a completion
 * word stands right before it ("tỷ lệ hoàn thành 60%", "tiến độ 60%"); otherwise it is the percentage done.
 */

import type { ProgressStatus } from '../../kb/progress-repo.ts';

export type { ProgressStatus };

/** Why a statement cannot be recorded as said; the reply module words it for the user. */
export const PROGRESS_PROBLEMS = ['percent_over_100', 'percent_negative', 'actual_negative'] as const;
export type ProgressProblem = (typeof PROGRESS_PROBLEMS)[number];

export interface ProgressStatement {
  status: ProgressStatus | null;
  /** Percentage of the task done, 0–100. */
  percent: number | null;
  /** Actual value of the task's KPI ("tỷ lệ thực tế 85,5%" → 85.5). */
  actual: number | null;
  invalid: ProgressProblem | null;
}

// ---- Vocabulary (folded) ----

/** "Tỷ lệ hoàn thành" is a completion percentage although it starts with the KPI word "tỷ lệ". */
const completionRate = 'ty le hoan thanh';

const VOCABULARY = {
  done: ['hoan thanh', 'hoan tat', 'xong'],
  /** Before a done word they make it a plan or a question, not a statement ("phải hoàn thành trước …"). */
  notDoneBefore: ['phai', 'can', 'se', 'de', 'han', 'thoi gian', 'bao gio', 'khi nao', 'du kien', 'chua the'],
  /** After a done word: a deadline or a question ("hoàn thành trước 31/12", "xong chưa"). */
  notDoneAfter: ['truoc', 'trong', 'vao', 'chua', 'khong', 'khi nao', 'bao gio'],
  /** A negated done word means the task is under way ("chưa xong", "chưa làm xong"). */
  negations: ['chua', 'khong', 'chang', 'van chua'],
  /** May sit between the negation and the done word ("chưa làm xong", "chưa thực hiện xong"). */
  doneVerbs: ['lam', 'thuc hien'],
  inProgress: [
    'dang thuc hien',
    'dang lam',
    'dang trien khai',
    'dang tien hanh',
    'dang xu ly',
    'sap xong',
    'gan xong',
  ],
  notStarted: ['chua bat dau', 'chua lam', 'chua thuc hien', 'chua trien khai', 'chua khoi dong'],
  /** In the clause before a percentage: a KPI value. */
  actualCues: ['ty le thuc te', 'thuc te', 'ket qua', 'so lieu', 'ty le'],
  /** Right before a percentage (filler words allowed): always completion, even after a KPI word. */
  percentCues: [completionRate, 'tien do', 'hoan thanh', 'xong', 'lam duoc', 'thuc hien duoc'],
  /** Filler between a cue and its number ("tiến độ đạt khoảng 60%"). */
  fillers: ['dat', 'duoc', 'la', 'khoang', 'tren', 'gan', 'tam', 'chung'],
  /** Right after a percentage: completion ("60% khối lượng"). */
  percentAfter: ['khoi luong', 'cong viec', 'ke hoach'],
  /** Spelled-out percent sign and minus sign. */
  percentWords: ['phan tram'],
  minusWords: ['am'],
} as const;

const alt = (words: readonly string[]): string => words.map((w) => w.replace(/ /g, '\\s+')).join('|');
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const V = VOCABULARY;

const NEGATED_DONE_RE = new RegExp(
  `${B}(?:${alt(V.negations)})\\s+(?:(?:${alt(V.doneVerbs)})\\s+)?(?:${alt(V.done)})${E}`,
  'u',
);
const NOT_STARTED_RE = new RegExp(`${B}(?:${alt(V.notStarted)})${E}`, 'u');
const IN_PROGRESS_RE = new RegExp(`${B}(?:${alt(V.inProgress)})${E}`, 'u');
const DONE_RE = new RegExp(
  `(?<!${B}(?:${alt(V.notDoneBefore)})\\s+(?:da\\s+)?)${B}(?:${alt(V.done)})(?!\\s+(?:${alt(V.notDoneAfter)})${E})${E}`,
  'u',
);
const NUMBER = '(\\d{1,4}(?:[.,]\\d{1,3})?)';
const PERCENT_RE = new RegExp(
  `(?:${B}(?:${alt(V.minusWords)})\\s+|${B}-\\s*)?(?<![\\p{L}\\p{N}.,])${NUMBER}\\s*(?:%|\\s(?:${alt(V.percentWords)})${E})`,
  'gu',
);
const ACTUAL_CUE_RE = new RegExp(`${B}(?:${alt(V.actualCues)})${E}`, 'u');
const COMPLETION_RATE_RE = new RegExp(`${B}${alt([completionRate])}${E}`, 'u');
const PERCENT_CUE_BEFORE_RE = new RegExp(
  `${B}(?:${alt(V.percentCues)})(?:\\s+(?:${alt(V.fillers)}))*\\s*:?\\s*(?:-|(?:${alt(V.minusWords)})\\s+)?$`,
  'u',
);
const PERCENT_AFTER_RE = new RegExp(`^\\s*(?:${alt(V.percentAfter)})${E}`, 'u');
const ACTUAL_COUNT_RE = new RegExp(
  `${B}(?:${alt(V.actualCues)})(?:\\s+(?:${alt(V.fillers)}))*\\s*:?\\s*(-\\s*)?${NUMBER}(?![\\p{N}%/]|[.,]\\d|\\s*(?:${alt(V.percentWords)}))`,
  'u',
);
/** A clause ends at ; ! ? or at a full stop or comma followed by a space ("85,5" and "III.8" stay whole). */
const CLAUSE_BREAK = /[;!?]|[.,](?=\s)/g;

// ---- Finding ----

export function findProgress(folded: string): ProgressStatement {
  const numbers = findNumbers(folded);
  const wordStatus = findWordStatus(folded);
  if (numbers.invalid !== null)
    return { status: wordStatus, percent: null, actual: null, invalid: numbers.invalid };
  const status = numbers.percent === null ? wordStatus : statusOf(numbers.percent);
  return { status, percent: numbers.percent, actual: numbers.actual, invalid: null };
}

function findWordStatus(folded: string): ProgressStatus | null {
  if (NEGATED_DONE_RE.test(folded)) return 'in_progress';
  if (NOT_STARTED_RE.test(folded)) return 'not_started';
  if (IN_PROGRESS_RE.test(folded)) return 'in_progress';
  if (DONE_RE.test(folded)) return 'done';
  return null;
}

function statusOf(percent: number): ProgressStatus {
  if (percent >= 100) return 'done';
  return percent <= 0 ? 'not_started' : 'in_progress';
}

type Numbers = Pick<ProgressStatement, 'percent' | 'actual' | 'invalid'>;

/** The first completion percentage and the first KPI value; the first out-of-range one makes it invalid. */
function findNumbers(folded: string): Numbers {
  const out: Numbers = { percent: null, actual: null, invalid: null };
  for (const m of folded.matchAll(PERCENT_RE)) {
    // The match starts with a digit unless a minus sign or "âm" came first.
    const value = toNumber(m[1] ?? '') * (/^\d/.test(m[0]) ? 1 : -1);
    const isActual = isKpiValue(folded, m.index, m.index + m[0].length);
    if (isActual && out.actual === null) out.actual = value;
    if (!isActual && out.percent === null) out.percent = value;
    out.invalid ??= problemOf(value, isActual);
  }
  if (out.actual === null) {
    const count = ACTUAL_COUNT_RE.exec(folded);
    if (count !== null) {
      out.actual = toNumber(count[2] ?? '') * (count[1] === undefined ? 1 : -1);
      out.invalid ??= problemOf(out.actual, true);
    }
  }
  return out;
}

function isKpiValue(folded: string, start: number, end: number): boolean {
  const before = clauseBefore(folded, start);
  if (PERCENT_CUE_BEFORE_RE.test(before) || PERCENT_AFTER_RE.test(folded.slice(end, end + 24))) return false;
  return ACTUAL_CUE_RE.test(before) && !COMPLETION_RATE_RE.test(before);
}

/** The text of the clause up to `index` (at most 80 characters back). */
function clauseBefore(folded: string, index: number): string {
  const window = folded.slice(Math.max(0, index - 80), index);
  let from = 0;
  for (const m of window.matchAll(CLAUSE_BREAK)) from = m.index + 1;
  return window.slice(from);
}

function problemOf(value: number, isActual: boolean): ProgressProblem | null {
  if (value < 0) return isActual ? 'actual_negative' : 'percent_negative';
  return !isActual && value > 100 ? 'percent_over_100' : null;
}

/** "85,5" and "85.5" are both 85.5 (Vietnamese writes a decimal comma; chat often a point). */
function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}
