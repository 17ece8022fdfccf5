/**
 * Measurable targets in a task's content or product text: "Tỷ lệ hồ sơ đúng hạn >99%", "tối thiểu 80%",
 * "ít nhất 01 sáng kiến". Matching runs on a folded copy of the text that keeps every character at the same
 * index, so the clause shown to the user is cut from the original wording.
 *
 * Only two shapes count: a number followed by '%', and a quantity after a bounding word ("ít nhất", "tối đa")
 * followed by a noun. A bare number before a noun is far more often a year, an article or an ordinal.
 */
import { collapseSpaces, foldKeepLength } from './fold.ts';

export const KPI_OPS = ['>', '>=', '=', '<', '<='] as const;
export type KpiOp = (typeof KPI_OPS)[number];

export interface KpiTarget {
  /** The short clause around the target, as written (NFC, single spaces). */
  text: string;
  op: KpiOp;
  value: number;
  /** '%' or the counted noun ('sáng kiến', 'hoạt động', 'điểm', …). */
  unit: string;
}

interface OperatorWord {
  /** Folded form: no diacritics, lower case. */
  words: string;
  op: KpiOp;
  /** 'before' the number ("trên 99%") or 'after' the unit ("80% trở lên"). */
  place: 'before' | 'after';
  /** Also bounds a bare count ("ít nhất 01 sáng kiến"). */
  count?: true;
}

/** The whole operator vocabulary. A number with no operator word is an exact target ('='). */
const OPERATOR_WORDS: readonly OperatorWord[] = [
  { words: 'khong duoi', op: '>=', place: 'before', count: true },
  { words: 'khong it hon', op: '>=', place: 'before', count: true },
  { words: 'it nhat', op: '>=', place: 'before', count: true },
  { words: 'toi thieu', op: '>=', place: 'before', count: true },
  { words: 'tu', op: '>=', place: 'before' },
  { words: '>=', op: '>=', place: 'before' },
  { words: '≥', op: '>=', place: 'before' },
  { words: 'khong vuot qua', op: '<=', place: 'before', count: true },
  { words: 'khong qua', op: '<=', place: 'before', count: true },
  { words: 'toi da', op: '<=', place: 'before', count: true },
  { words: '<=', op: '<=', place: 'before' },
  { words: '≤', op: '<=', place: 'before' },
  { words: 'cao hon', op: '>', place: 'before' },
  { words: 'lon hon', op: '>', place: 'before' },
  { words: 'tren', op: '>', place: 'before' },
  { words: '>', op: '>', place: 'before' },
  { words: 'thap hon', op: '<', place: 'before' },
  { words: 'nho hon', op: '<', place: 'before' },
  { words: 'duoi', op: '<', place: 'before' },
  { words: '<', op: '<', place: 'before' },
  { words: '=', op: '=', place: 'before' },
  // "Thực hiện đầy đủ 03 hoạt động": the plan fixes the number of activities.
  { words: 'day du', op: '=', place: 'before', count: true },
  { words: 'tro len', op: '>=', place: 'after' },
  { words: 'tro xuong', op: '<=', place: 'after' },
];

/** Words that end a counted noun: "01 sáng kiến hoặc giải pháp" → 'sáng kiến', "10 điểm trở lên" → 'điểm'. */
const UNIT_STOP_WORDS: ReadonlySet<string> = new Set([
  ...['bi', 'cho', 'co', 'cua', 'da', 'dang', 'de', 'den', 'duoc', 'duoi', 'hoac', 'khi', 'la', 'moi', 'nam'],
  ...['nhu', 'o', 'se', 'tai', 'theo', 'thi', 'tro', 'trong', 'tren', 'tu', 'va', 've', 'voi'],
]);
/** Longest clause shown; longer clauses are narrowed at commas or "và" (see `narrowClause`). */
const MAX_TEXT = 120;

// ---- Patterns built from the vocabulary ----

function alternation(place: 'before' | 'after', countOnly: boolean): string {
  return OPERATOR_WORDS.filter((w) => w.place === place && (!countOnly || w.count))
    .map((w) => w.words)
    .sort((a, b) => b.length - a.length)
    .map((w) => (/^\p{L}/u.test(w) ? `(?<![\\p{L}\\p{N}])${w.replace(/ /g, '\\s+')}` : escapeRegExp(w)))
    .join('|');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PERCENT_RE = new RegExp(
  `(?:(${alternation('before', false)})\\s*)?(?<![\\p{N}.,/])(\\d+(?:[.,]\\d+)?)\\s*%` +
    `(?:\\s*(${alternation('after', false)})(?![\\p{L}\\p{N}]))?`,
  'gu',
);
const COUNT_RE = new RegExp(
  `(${alternation('before', true)})\\s+(\\d+)\\s+(\\p{L}+)(?:\\s+(\\p{L}+))?`,
  'gud',
);
const OP_BY_WORDS = new Map(OPERATOR_WORDS.map((w) => [w.words, w.op]));

// ---- Extraction ----

interface Hit {
  start: number;
  end: number;
  op: KpiOp;
  value: number;
  unit: string;
}

export function extractKpis(text: string): KpiTarget[] {
  const source = text.normalize('NFC');
  const folded = foldKeepLength(source);
  const hits = [...findPercents(folded), ...findCounts(source, folded)].sort((a, b) => a.start - b.start);
  return hits.map((h) => ({
    text: clauseAround(source, h.start, h.end),
    op: h.op,
    value: h.value,
    unit: h.unit,
  }));
}

function opOf(words: string | undefined): KpiOp | undefined {
  return words === undefined ? undefined : OP_BY_WORDS.get(collapseSpaces(words));
}

function findPercents(folded: string): Hit[] {
  return [...folded.matchAll(PERCENT_RE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    op: opOf(m[1]) ?? opOf(m[3]) ?? '=',
    value: Number((m[2] ?? '').replace(',', '.')),
    unit: '%',
  }));
}

function findCounts(source: string, folded: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of folded.matchAll(COUNT_RE)) {
    const first = m.indices?.[3];
    const second = m.indices?.[4];
    if (first === undefined) continue;
    const firstWord = source.slice(first[0], first[1]);
    // An acronym ("01 ĐVSNCL được giao") is a whole noun; a function word is not part of the noun.
    const oneWord = second === undefined || isAcronym(firstWord) || UNIT_STOP_WORDS.has(m[4] ?? '');
    const unitEnd = oneWord || second === undefined ? first[1] : second[1];
    const unit = source.slice(first[0], unitEnd);
    hits.push({
      start: m.index,
      end: unitEnd,
      op: opOf(m[1]) ?? '=',
      value: Number(m[2]),
      unit: isAcronym(firstWord) ? unit : collapseSpaces(unit.toLowerCase()),
    });
  }
  return hits;
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

// ---- Clause around a target ----

/**
 * Ends of clauses: ';', a sentence-ending '.', a line or cell break, and a dash list item (" - Bảo đảm …").
 * A dash before a lower-case word is part of a name ("kinh tế - xã hội") and does not end the clause.
 */
const CLAUSE_BREAK = /[;\n\r\t]|\.(?=\s|$)|\s[-–]\s+(?=[\p{Lu}\p{N}])|^\s*[-–•]\s+/gu;

function clauseAround(source: string, start: number, end: number): string {
  let left = 0;
  let right = source.length;
  for (const m of source.matchAll(CLAUSE_BREAK)) {
    const breakEnd = m.index + m[0].length;
    if (breakEnd <= start) left = breakEnd;
    else if (m.index >= end) {
      right = m.index;
      break;
    }
  }
  const [from, to] = narrowClause(source, left, right, start, end);
  return tidy(source.slice(from, to));
}

/** Softer clause ends, used only when a clause is too long to show: commas, then "và" between two parts. */
const SOFT_BREAK = /,|\s(?:và|va)\s/gu;

/** Keeps the pieces nearest the target, preferring those before it (they name the subject). */
function narrowClause(
  source: string,
  left: number,
  right: number,
  start: number,
  end: number,
): [number, number] {
  if (right - left <= MAX_TEXT) return [left, right];
  const pieces: [number, number][] = [];
  let from = left;
  for (const m of source.slice(left, right).matchAll(SOFT_BREAK)) {
    const at = left + m.index;
    if (at >= start && at < end) continue;
    pieces.push([from, at]);
    from = at + m[0].length;
  }
  pieces.push([from, right]);
  let lo = pieces.findIndex(([, b]) => b > start);
  let hi = pieces.findIndex(([, b]) => b >= end);
  const span = (a: number, b: number) => (pieces[b]?.[1] ?? right) - (pieces[a]?.[0] ?? left);
  while (lo > 0 && span(lo - 1, hi) <= MAX_TEXT) lo--;
  while (hi < pieces.length - 1 && span(lo, hi + 1) <= MAX_TEXT) hi++;
  const a = pieces[lo]?.[0] ?? left;
  const b = pieces[hi]?.[1] ?? right;
  return b - a <= MAX_TEXT ? [a, b] : windowAround(source, a, b, start, end);
}

/** Last resort for one very long piece: whole words around the target. */
function windowAround(
  source: string,
  from: number,
  to: number,
  start: number,
  end: number,
): [number, number] {
  const room = Math.max(0, Math.floor((MAX_TEXT - (end - start)) / 2));
  const a = source.lastIndexOf(' ', Math.max(from, start - room));
  const b = source.indexOf(' ', Math.min(to, end + room));
  return [Math.max(a, from), b === -1 || b > to ? to : b];
}

/** Single spaces, no list bullet in front, no separator left at either end. */
function tidy(clause: string): string {
  return collapseSpaces(clause).replace(/^[-–•+*,:\s]+|[\s,;:.–-]+$/g, '');
}
