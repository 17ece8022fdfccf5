/**
 * The year and the plan number a message names: "năm 2024", "2025", "kế hoạch 126", "KH 55", "55/KH-SXD".
 * Reads the folded message. A year written inside a date (31/12/2026), a quarter or month ("quý IV/2026") or a
 * document code ("55/2024/NĐ-CP") is not the year the message is about and is not returned.
 */

// ---- Vocabulary (folded) ----

const VOCABULARY = {
  /** Word before an explicit year ("năm 2024"). */
  yearWords: ['nam'],
  /** Words that name a plan before its number ("kế hoạch số 126", "KH 55"). */
  planWords: ['ke hoach', 'kh'],
  /** May sit between the plan word and its number. */
  numberWords: ['so'],
  /** The "KH" of a plan code, after its number ("55/KH-SXD", "06-KH/TU"). */
  planCodeMarks: ['kh'],
} as const;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const alt = (words: readonly string[]): string => words.map((w) => w.replace(/ /g, '\\s+')).join('|');
const B = '(?<![\\p{L}\\p{N}])';

const YEAR_WORD_RE = new RegExp(`${B}(?:${alt(VOCABULARY.yearWords)})\\s+(\\d{4})(?!\\p{N})`, 'u');
/** Four digits standing alone: not glued to a date or code by / . - on either side, not a decimal. */
const BARE_YEAR_RE = /(?<![\p{L}\p{N}./,-])(\d{4})(?![\p{L}\p{N}%]|\s*[/-]|[.,]\d)/gu;
const PLAN_WORD_RE = new RegExp(
  `${B}(?:${alt(VOCABULARY.planWords)})(?:\\s+(?:${alt(VOCABULARY.numberWords)}))?\\s*[:.]?\\s*(\\d{1,4})(?![\\p{N}%]|[.,]\\d)`,
  'gu',
);
const PLAN_CODE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}./-])(\\d{1,4})\\s*[-/]\\s*(?:${alt(VOCABULARY.planCodeMarks)})(?![\\p{L}\\p{N}])`,
  'gu',
);

const isYear = (value: number): boolean => value >= MIN_YEAR && value <= MAX_YEAR;

/** "năm 2024" wins over a bare year; otherwise the first bare year 2000–2100. */
export function findYear(folded: string): number | null {
  const named = YEAR_WORD_RE.exec(folded);
  if (named?.[1] !== undefined && isYear(Number(named[1]))) return Number(named[1]);
  for (const m of folded.matchAll(BARE_YEAR_RE)) {
    const value = Number(m[1]);
    if (isYear(value)) return value;
  }
  return null;
}

/**
 * The number of the plan the message names, as written ('126', '06'), or null. "Kế hoạch 2024" names a year,
 * not plan number 2024: a number 2000–2100 after the plan word is left to `findYear`.
 */
export function findPlanNumber(folded: string): string | null {
  let best: { index: number; number: string } | null = null;
  for (const pattern of [PLAN_WORD_RE, PLAN_CODE_RE]) {
    for (const m of folded.matchAll(pattern)) {
      const number = m[1];
      if (number === undefined || (pattern === PLAN_WORD_RE && isYear(Number(number)))) continue;
      if (best === null || m.index < best.index) best = { index: m.index, number };
      break;
    }
  }
  return best?.number ?? null;
}

/** "phụ lục III", "pl 3", "PL I" → the appendix numeral in upper-case roman ('III'), or null. */
export function findAppendix(folded: string): string | null {
  const m = folded.match(/(?:^|\s)(?:phu luc|pl)\s+([ivx]+|\d{1,2})(?![\p{L}\p{N}])/u);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  if (!Number.isInteger(n)) return m[1].toUpperCase();
  return ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? null;
}

/** "năm ngoái" / "năm trước" → last year, "năm sau" / "năm tới" → next, from `today`. "Năm nay" is the
 * default year already (which falls back to the latest year with plans), so it sets nothing. */
const RELATIVE_YEARS: [RegExp, number][] = [
  [/(?:^|\s)nam (?:ngoai|truoc|roi|qua)(?=\s|$|[?.!,])/, -1],
  [/(?:^|\s)nam (?:sau|toi)(?=\s|$|[?.!,])/, 1],
];

export function findRelativeYear(folded: string, today: string): number | null {
  const year = Number(today.slice(0, 4));
  for (const [pattern, offset] of RELATIVE_YEARS) if (pattern.test(folded)) return year + offset;
  return null;
}
