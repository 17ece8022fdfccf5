/**
 * Unwraps the text of a PDF extraction into logical paragraphs. Every physical line of such a text is followed
 * by a blank line, sentences wrap mid-phrase, page breaks leave a leading space and link annotations leave stray
 * URL lines. A paragraph starts at a numbering ("1.2.3.", "(1)", "a)", "II.", "- ", "+ ") or where the layout
 * shows a break (a short line before it, an all-caps heading, an unnumbered sentence under a one-line heading).
 */
import { collapseSpaces, toNfc } from '../../vi/fold.ts';

export const MARKER_KINDS = ['roman', 'decimal', 'paren', 'letter', 'dash', 'plus', 'none'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface Paragraph {
  /** 1-based line of the original text where the paragraph starts. */
  line: number;
  kind: MarkerKind;
  /** The numbering without punctuation: "III", "1.2.3", "1" for "(1)", "a" for "a)"; '' for bullets and prose. */
  code: string;
  /** The text after the numbering, on one line with single spaces. */
  body: string;
}

interface SourceLine {
  line: number;
  text: string;
  /** The text's producer knew a paragraph ends before this line (a form-feed line from the PDF reader). */
  breakBefore: boolean;
}

/** A line holding only a form feed: a paragraph break known from the layout. */
const KNOWN_BREAK = '\f';

const MARKERS: readonly { kind: MarkerKind; pattern: RegExp }[] = [
  { kind: 'roman', pattern: /^([IVX]+)\.\s+(.*)$/u },
  { kind: 'decimal', pattern: /^(\d+(?:\.\d+)*)\.\s+(.*)$/u },
  { kind: 'paren', pattern: /^\((\d+)\)\s+(.*)$/u },
  { kind: 'letter', pattern: /^([a-zđ])\)\s+(.*)$/u },
  { kind: 'dash', pattern: /^()-\s+(.*)$/u },
  { kind: 'plus', pattern: /^()\+\s+(.*)$/u },
];

/** A line shorter than this ends its paragraph when the next line starts a sentence (full lines run ~62–82). */
const SHORT_LINE = 50;
const URL_LINE = /^https?:\/\//u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;

export function toParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lines: SourceLine[] = [];
  const flush = (): void => {
    if (lines.length > 0) paragraphs.push(toParagraph(lines));
    lines = [];
  };
  const sources = toSourceLines(text);
  // A text whose producer marked the breaks (the PDF reader) says where paragraphs end: the guesses below, made
  // for a bare extraction, would cut a paragraph wherever a line happens to wrap.
  const marked = sources.some((source) => source.breakBefore);
  for (const current of sources) {
    const starts = marked
      ? current.breakBefore || matchMarker(current.text) !== null
      : startsParagraph(lines, current);
    if (lines.length > 0 && starts) flush();
    lines.push(current);
  }
  flush();
  return paragraphs;
}

function toSourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let breakBefore = false;
  toNfc(text)
    .split('\n')
    .forEach((raw, index) => {
      if (raw === KNOWN_BREAK) breakBefore = true;
      const source = { line: index + 1, text: collapseSpaces(raw), breakBefore };
      if (source.text === '' || URL_LINE.test(source.text)) return;
      lines.push(source);
      breakBefore = false;
    });
  return lines;
}

function startsParagraph(lines: readonly SourceLine[], current: SourceLine): boolean {
  const previous = lines.at(-1);
  if (previous === undefined) return true;
  const text = current.text;
  if (matchMarker(text) !== null || isAllCaps(text) || isAllCaps(previous.text)) return true;
  if (previous.text.length < SHORT_LINE && /^[\p{Lu}(]/u.test(text)) return true;
  // "(Chi tiết mục tiêu phấn đấu theo Phụ lục I kèm theo)" after a full sentence.
  if (previous.text.endsWith('.') && /^\(\p{Lu}\p{Ll}/u.test(text)) return true;
  // A one-line numbered heading followed by an unnumbered sentence ("1.2.8. …" then "Kết quả về …").
  const first = lines[0];
  return lines.length === 1 && first !== undefined && isDecimal(first.text) && CAPITALISED_WORD.test(text);
}

function toParagraph(lines: readonly SourceLine[]): Paragraph {
  const joined = lines.reduce((text, source) => joinLine(text, source.text), '');
  const line = lines[0]?.line ?? 0;
  const marker = matchMarker(joined);
  if (marker === null) return { line, kind: 'none', code: '', body: joined };
  return { line, ...marker };
}

/** Joins a wrapped line with a space, or without one after a word cut at its hyphen ("2007/QĐ-" + "UBND"). */
function joinLine(text: string, next: string): string {
  if (text === '') return next;
  return /\p{L}-$/u.test(text) ? `${text}${next}` : `${text} ${next}`;
}

function matchMarker(text: string): Omit<Paragraph, 'line'> | null {
  for (const { kind, pattern } of MARKERS) {
    const match = pattern.exec(text);
    if (match !== null) return { kind, code: match[1] ?? '', body: collapseSpaces(match[2] ?? '') };
  }
  return null;
}

function isDecimal(text: string): boolean {
  return matchMarker(text)?.kind === 'decimal';
}

/** "KẾ HOẠCH", "CHỦ TỊCH": a line with several letters and no lower-case one. */
function isAllCaps(text: string): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 3;
}
