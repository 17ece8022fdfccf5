/**
 * Finds the responsible body at the start of a narrative task sentence ("UBND cấp huyện, cấp xã tăng cường …"
 * → "UBND cấp huyện, cấp xã") and, when the sentence reads "X chủ trì, phối hợp với Y <verb> …", the
 * coordinating bodies Y.
 */

/** Words that end the subject of a task sentence: the action verbs and the phrases that follow a subject. */
export const SUBJECT_END_WORDS = [
  'thực hiện',
  'tăng cường',
  'tiếp tục',
  'hướng dẫn',
  'chủ trì',
  'chỉ đạo',
  'giao',
  'thường xuyên',
  'theo chức năng',
  'theo lĩnh vực',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'phối hợp',
  'tổ chức',
  'nâng cao',
  'căn cứ',
  'làm đầu mối',
  'tham mưu',
  'kiểm tra',
  'tổng hợp',
  'triển khai',
  'tập trung',
  'đổi mới',
  'quyết liệt',
  'đề xuất',
  'đôn đốc',
  'theo dõi',
  'xây dựng',
  'rà soát',
] as const;

/** A verb right after one of these is part of a noun phrase ("được tổ chức theo ngành dọc", "các tổ chức"). */
const NOT_A_VERB_AFTER = ['được', 'các'] as const;
/** Titles of office holders that stand for their body ("Thủ trưởng các Sở" → "các Sở"). */
const BODY_PREFIXES = ['Đề nghị', 'Thủ trưởng', 'Chủ tịch'] as const;
const COORDINATE_MARK = 'phối hợp với';
const MAX_BODY_LENGTH = 200;

const VERB_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${SUBJECT_END_WORDS.join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

interface VerbMatch {
  index: number;
  length: number;
}

/** The first subject-ending word of `text` that is used as a verb (lower case, not after "được"/"các"). */
function findVerb(text: string): VerbMatch | null {
  for (const match of text.matchAll(VERB_PATTERN)) {
    const before = text.slice(0, match.index).trimEnd();
    if (NOT_A_VERB_AFTER.some((word) => before.endsWith(` ${word}`) || before === word)) continue;
    return { index: match.index, length: match[0].length };
  }
  return null;
}

function startsWithVerb(text: string): boolean {
  const lower = text.toLowerCase();
  return SUBJECT_END_WORDS.some((word) => lower.startsWith(`${word} `) || lower.startsWith(`${word},`));
}

/**
 * The body named before the first verb of the first clause, normalised with `toBodyText`; null when the sentence
 * starts with a verb ("Làm đầu mối theo dõi …") or no verb ends a plausible subject.
 */
export function findSubject(sentence: string): { subject: string; rest: string } | null {
  if (startsWithVerb(sentence)) return null;
  const clauseEnd = firstClauseEnd(sentence);
  const verb = findVerb(sentence);
  if (verb === null || verb.index === 0 || verb.index > clauseEnd) return null;
  const subject = toBodyText(sentence.slice(0, verb.index));
  if (subject === '' || subject.length > MAX_BODY_LENGTH) return null;
  return { subject, rest: sentence.slice(verb.index) };
}

/**
 * Coordinating bodies in "[chủ trì,] phối hợp với Y <verb> …" at the start of `rest` (the sentence after its
 * subject). Only verbs and commas may stand before "phối hợp với", so "giao các Tổ …, phối hợp với …" is ignored.
 */
export function findCoordinator(rest: string): string {
  const at = rest.toLowerCase().indexOf(COORDINATE_MARK);
  if (at < 0) return '';
  const gap = rest.slice(0, at).replace(VERB_PATTERN, '');
  if (!/^[\s,]*$/u.test(gap)) return '';
  const after = rest.slice(at + COORDINATE_MARK.length).trim();
  const verb = findVerb(after);
  if (verb === null) return '';
  const bodies = trimPunctuation(after.slice(0, verb.index));
  return bodies.length > MAX_BODY_LENGTH || /[;.]/u.test(bodies) ? '' : bodies;
}

/**
 * A body as named in a heading or subject, without request and office-holder words:
 * "Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND các huyện" → "các Sở, ban, ngành; UBND các huyện".
 */
export function toBodyText(text: string): string {
  return trimPunctuation(text)
    .split(';')
    .map((part) => stripPrefixes(part.trim()))
    .join('; ');
}

function stripPrefixes(part: string): string {
  let result = part;
  for (const prefix of BODY_PREFIXES) {
    if (result.startsWith(`${prefix} `)) result = result.slice(prefix.length + 1).trim();
  }
  return result;
}

function firstClauseEnd(sentence: string): number {
  const end = sentence.search(/[;]|\.\s/u);
  return end < 0 ? sentence.length : end;
}

/** Drops the spaces and list punctuation around a unit text ("Văn phòng UBND tỉnh." → "Văn phòng UBND tỉnh"). */
export function trimPunctuation(text: string): string {
  return text.replace(/^[\s,;:.]+|[\s,;:.]+$/gu, '');
}
