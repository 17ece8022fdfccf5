/**
 * References to a task by its number in a plan: "nhiệm vụ I.5", "III.8", "mục 2.2.1", "1.2.3 (1)", "3.2 b)",
 * "nhiệm vụ 5 mục I", as staff also write them: "nv IV 2", "nhiệm vụ I-3", "mục 3.2 điểm b", and a whole section
 * named with its appendix ("mục VII phụ lục III", for a row the plan left without a number). Reads the folded
 * message (`NormalizedMessage.folded`): lower case, so roman sections are upper-cased back ('iii' → 'III').
 * Dates, percentages, years, plan numbers and quarters are never taken.
 */

export interface TaskRef {
  /** Roman section code ('III') when the message names one, else null. */
  section: string | null;
  /** As the plans write it: '8', '2.2.1', '1.2.3 (1)', '3.2 b)'; '' for a whole section ("mục VII phụ lục III"). */
  stt: string;
  /** The matched part of the folded message. */
  raw: string;
}

// ---- Vocabulary (folded) ----

const VOCABULARY = {
  /** Words that name a task before its bare number ("nhiệm vụ 5", "STT 5"). */
  taskWords: ['nhiem vu', 'cong viec', 'stt', 'so thu tu'],
  /** May sit between the task word and the number ("nhiệm vụ số 5", "nhiệm vụ thứ 5"). */
  numberWords: ['so', 'thu'],
  /** Words that name a section before its roman numeral ("mục I", "phần II"). */
  sectionWords: ['muc', 'phan'],
  /** May sit between a task number and its section ("nhiệm vụ 5 thuộc mục I"). */
  linkWords: ['thuoc', 'cua', 'o', 'trong', 'tai'],
  /** Name a lettered item after its block ("mục 3.2 điểm b" is "3.2 b)"). */
  letterWords: ['diem', 'tiet'],
  /** A section named alone is a task only when the appendix is named too ("mục VII phụ lục III"). */
  appendixWords: ['phu luc', 'pl'],
  /** A dotted number after these is a date ("trước 31.12"), not a task. */
  dateLeads: ['ngay', 'truoc', 'den', 'han', 'tu', 'sau', 'het', 'nhat', 'hom', 'luc'],
  /** A roman numeral after these is a quarter or a plan ("quý IV"), not a section. */
  romanBlockers: ['quy', 'ke hoach', 'kh'],
  /** A number followed by these measures something ("2.5 triệu", "5 lần"), it is not a task. */
  // "tỷ" (billion) is a measure, "tỷ lệ" (rate) is not.
  measureWords: ['gio', 'phut', 'lan', 'trieu', 'ty(?!\\s+le)', 'nghin', 'dong', 'nguoi', 'ho so'],
  /** The same for calendar words, unless a number follows ("7 ngày tới" is a span; "5 tháng 12" is not). */
  calendarWords: ['ngay', 'tuan', 'thang', 'nam', 'quy'],
} as const;

const ROMAN = '(?:viii|vii|iii|xii|ii|iv|vi|ix|xi|i|v|x)';
const alt = (words: readonly string[]): string => words.map((w) => w.replace(/ /g, '\\s+')).join('|');
const B = '(?<![\\p{L}\\p{N}])';
/** A numbered item "(1)" or a letter item "b)" / "điểm b" may follow a task number: three groups. */
const SUFFIX = `(?:\\s*\\((\\d{1,2})\\)|\\s*([a-z])\\)|\\s*,?\\s+(?:${alt(VOCABULARY.letterWords)})\\s+([a-z])(?![\\p{L}\\p{N}]))?`;
/** Nothing number-like may continue the match (dates, decimals, codes, percentages). */
const END = '(?![\\p{L}\\p{N}%/]|[.,]\\d)';

const ROMAN_DOTTED = new RegExp(`${B}(${ROMAN})\\.(\\d{1,3}(?:\\.\\d{1,3})*)${SUFFIX}${END}`, 'gu');
const DOTTED = new RegExp(`(?<![\\p{L}\\p{N}.,/-])(\\d{1,2}(?:\\.\\d{1,2}){1,3})${SUFFIX}${END}`, 'gu');
const SECTION_TAIL = `(?:\\s*,?\\s+(?:(?:${alt(VOCABULARY.linkWords)})\\s+)?(?:${alt(VOCABULARY.sectionWords)})\\s+(${ROMAN})(?![\\p{L}\\p{N}]))?`;
const TASK_NUMBER = new RegExp(
  `${B}(?:${alt(VOCABULARY.taskWords)})(?:\\s+(?:${alt(VOCABULARY.numberWords)}))?\\s*:?\\s*(\\d{1,3})${SUFFIX}${END}${SECTION_TAIL}`,
  'gu',
);
/** "nv IV 2", "nhiệm vụ I-3", "mục II - 4": a roman section and a number without the dot, after a lead word. */
const ROMAN_SPACED = new RegExp(
  `${B}(?:${alt(VOCABULARY.taskWords)}|${alt(VOCABULARY.sectionWords)})\\s*:?\\s*(${ROMAN})(?:\\s*-\\s*|\\s+)(\\d{1,3}(?:\\.\\d{1,3})*)${SUFFIX}${END}`,
  'gu',
);
/** "IV-2" alone: the hyphen binds the two as tightly as a dot does. */
const ROMAN_HYPHEN = new RegExp(`${B}(${ROMAN})-(\\d{1,3})${SUFFIX}${END}`, 'gu');
/** "mục VII phụ lục III": the whole section, kept only when an appendix is named (see findTaskRefs). */
const SECTION_ONLY = new RegExp(
  `${B}(?:${alt(VOCABULARY.sectionWords)})\\s+(${ROMAN})(?![\\p{L}\\p{N}.\\-])(?!\\s*[-:,]?\\s*(?:\\d|${alt(VOCABULARY.taskWords)}))`,
  'gu',
);
const APPENDIX_RE = new RegExp(`${B}(?:${alt(VOCABULARY.appendixWords)})(?![\\p{L}])`, 'u');
const SECTION_THEN_TASK = new RegExp(
  `${B}(?:${alt(VOCABULARY.sectionWords)})\\s+(${ROMAN})\\s*[,:-]?\\s+(?:${alt(VOCABULARY.taskWords)})(?:\\s+(?:${alt(VOCABULARY.numberWords)}))?\\s*:?\\s*(\\d{1,3})${SUFFIX}${END}`,
  'gu',
);

const DATE_LEAD_RE = new RegExp(`${B}(?:${alt(VOCABULARY.dateLeads)})\\s*$`, 'u');
const ROMAN_BLOCKER_RE = new RegExp(`${B}(?:${alt(VOCABULARY.romanBlockers)})\\s*$`, 'u');
const MEASURE_RE = new RegExp(
  `^\\s*(?:(?:${alt(VOCABULARY.measureWords)})|(?:${alt(VOCABULARY.calendarWords)})(?!\\s*(?:\\d|${ROMAN}(?![\\p{L}]))))(?![\\p{L}\\p{N}])`,
  'u',
);

interface Candidate {
  start: number;
  end: number;
  ref: TaskRef;
}

// ---- Finding ----

export function findTaskRefs(folded: string): TaskRef[] {
  const candidates = [
    ...collect(folded, ROMAN_DOTTED, (m) => ({ section: m[1], stt: m[2], ...suffixAt(m, 3) })),
    ...collect(folded, DOTTED, (m) => ({ section: undefined, stt: m[1], ...suffixAt(m, 2) })),
    ...collect(folded, TASK_NUMBER, (m) => ({ section: m[5], stt: m[1], ...suffixAt(m, 2) })),
    ...collect(folded, SECTION_THEN_TASK, (m) => ({ section: m[1], stt: m[2], ...suffixAt(m, 3) })),
    ...collect(folded, ROMAN_SPACED, (m) => ({ section: m[1], stt: m[2], ...suffixAt(m, 3) })),
    ...collect(folded, ROMAN_HYPHEN, (m) => ({ section: m[1], stt: m[2], ...suffixAt(m, 3) })),
  ];
  const refs = pickNonOverlapping(candidates);
  if (refs.length > 0 || !APPENDIX_RE.test(folded)) return refs;
  // Only when nothing more precise was said: a section row without a number is named by its section.
  const sections = collect(folded, SECTION_ONLY, (m) => ({
    section: m[1],
    stt: '',
    item: undefined,
    letter: undefined,
  }));
  return pickNonOverlapping(sections);
}

/** The three SUFFIX groups starting at `first`: "(1)", "b)", "điểm b". */
function suffixAt(m: RegExpExecArray, first: number): Pick<Parts, 'item' | 'letter'> {
  return { item: m[first], letter: m[first + 1] ?? m[first + 2] };
}

interface Parts {
  section: string | undefined;
  stt: string | undefined;
  item: string | undefined;
  letter: string | undefined;
}

function collect(folded: string, pattern: RegExp, toParts: (m: RegExpExecArray) => Parts): Candidate[] {
  const found: Candidate[] = [];
  for (const m of folded.matchAll(pattern)) {
    const parts = toParts(m);
    if (parts.stt === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (!plausible(folded, start, end, pattern)) continue;
    found.push({ start, end, ref: toRef(parts, folded.slice(start, end)) });
  }
  return found;
}

/** Context checks that would make the patterns unreadable: what comes right before and after. */
function plausible(folded: string, start: number, end: number, pattern: RegExp): boolean {
  const before = folded.slice(Math.max(0, start - 16), start);
  if (pattern === DOTTED && DATE_LEAD_RE.test(before)) return false;
  if ((pattern === ROMAN_DOTTED || pattern === ROMAN_HYPHEN) && ROMAN_BLOCKER_RE.test(before)) return false;
  return !MEASURE_RE.test(folded.slice(end, end + 16));
}

function toRef(parts: Parts, raw: string): TaskRef {
  let stt = parts.stt ?? '';
  if (parts.item !== undefined) stt += ` (${parts.item})`;
  else if (parts.letter !== undefined) stt += ` ${parts.letter})`;
  return { section: parts.section === undefined ? null : parts.section.toUpperCase(), stt, raw };
}

/** Earliest first; on overlap the longer match wins ("nhiệm vụ 5 mục I" over "5"); the same task only once. */
function pickNonOverlapping(candidates: Candidate[]): TaskRef[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const refs: TaskRef[] = [];
  const seen = new Set<string>();
  let reached = 0;
  for (const candidate of candidates) {
    if (candidate.start < reached) continue;
    reached = candidate.end;
    const key = `${candidate.ref.section ?? ''}|${candidate.ref.stt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push(candidate.ref);
  }
  return refs;
}
