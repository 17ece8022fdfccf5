/**
 * A PDF shows a cell's text as lines, but does not say which line ends a paragraph. A Word cell's paragraphs
 * matter: "Sở Tư pháp" and "Văn phòng UBND tỉnh" on two paragraphs are two units. The rule a typesetter follows
 * decides: a line was wrapped when the next line's first word would not have fitted after it; when it would
 * have fitted, the line ended on purpose.
 */
import type { Span } from './table-frame.ts';
import type { PdfLine } from './types.ts';

const BULLET = /^(?:[-+•–*]|[a-zđ]\)|\d+[.)]\s)/u;
/** Room a space takes, in font sizes; and the slack allowed for estimating a word's width from its share. */
const SPACE = 0.25;
const SLACK = 3;
/** An estimated width can be short by this share: a break is a paragraph only when the word clearly fitted. */
const WORD_MARGIN = 1.2;
const MAX_PADDING = 8;

/** Words a body's name starts with, in a unit cell: a line starting with one is a new body, unless the line
 * above ended mid-phrase ("… tham mưu" / "UBND tỉnh …"). */
const UNIT_HEAD =
  /^(?:Sở|Ban|Phòng|UBND|Ủy ban|Uỷ ban|Văn phòng|Trung tâm|Chi cục|Công an|Bộ|Cục|Đài|Báo|Kho bạc|Thanh tra|Bảo hiểm|Liên đoàn|Hội|Các|Tỉnh đoàn|Viện|Trường)\s/u;
const MID_PHRASE =
  /(?:\s|^)(?:và|của|với|thuộc|cho|tại|các|trực|tham mưu|phối hợp|chủ trì|trình|giúp|đối với|cùng|gồm|là|văn phòng|sở|ban|phòng|ủy ban|uỷ ban|trung tâm|chi cục|cục|bộ|hội|kho bạc|thanh tra|bảo hiểm|liên đoàn|công an)$/iu;

export interface CellText {
  /** The cell's borders, when the table is ruled; else the column's (or nothing). */
  cell: Span | undefined;
  ruled: boolean;
  /** A unit column (lead, coordinate): a body's name at a line start is a new body. */
  units: boolean;
}

export function joinCellLines(lines: readonly PdfLine[], { cell, ruled, units }: CellText): string {
  if (lines.length === 0) return '';
  const room = roomOf(lines, cell);
  let text = lines[0]?.text ?? '';
  for (let i = 1; i < lines.length; i += 1) {
    const previous = lines[i - 1] as PdfLine;
    const line = lines[i] as PdfLine;
    // A word processor breaks a line after a hyphen ("NQ-" / "HĐND"): the hyphen glues the two halves. A dash
    // with a space before it ("kinh tế -" / "xã hội", "…chính; -" / "Văn phòng Sở") stands between words.
    // A web address has no place to break: the line is cut inside it, and the rest follows without a space.
    // A word longer than the cell is wide fills a line of its own and goes on on the next ("TTPVHC" / "C").
    const cut =
      /[^\s;,.:][-/]$/u.test(previous.text) ||
      /(?:^|\s)(?:https?:\/\/|www\.)\S+$/u.test(previous.text) ||
      (ruled && isCutWord(previous, line, room));
    const glue = cut && !BULLET.test(line.text) ? '' : ' ';
    const newBody =
      units && UNIT_HEAD.test(line.text) && !MID_PHRASE.test(previous.text.replace(/[,;:]$/u, ''));
    text += newBody || endsParagraph(previous, line, room) ? '\n' : glue;
    text += line.text;
  }
  return text;
}

/** The width a line of this cell can take: the cell less its padding, else the widest line seen. */
function roomOf(lines: readonly PdfLine[], cell: Span | undefined): number {
  const widest = Math.max(...lines.map((line) => line.x1 - line.x0));
  if (!cell) return widest;
  const padding = Math.min(MAX_PADDING, Math.max(0.5, Math.min(...lines.map((line) => line.x0 - cell.x0))));
  return Math.max(widest, cell.x1 - cell.x0 - 2 * padding);
}

/** Whether `line`'s first word would have fitted after `previous` in `room`: then `previous` ended on purpose. */
export function endsParagraph(previous: PdfLine, line: PdfLine, room: number): boolean {
  // A bullet's dash comes with its first word: "- Ứng" must have fitted for the line before to end on purpose.
  const words = line.text.split(' ');
  const word = (BULLET.test(line.text) ? words.slice(0, 2).join(' ') : words[0]) ?? '';
  const wordWidth = ((line.x1 - line.x0) * widthOf(word)) / Math.max(1, widthOf(line.text));
  return previous.x1 - previous.x0 + SPACE * line.h + WORD_MARGIN * wordWidth < room - SLACK;
}

/**
 * A line holding one token that runs to the cell's edge was cut inside that token ("TTPVHC" / "C tỉnh"), when the
 * token cannot be a Vietnamese syllable (those fit any column) and the next line does not start with a word of its
 * own. Only a ruled cell's edge is known well enough to say so.
 */
function isCutWord(line: PdfLine, next: PdfLine, room: number): boolean {
  if (line.text.includes(' ') || line.x1 - line.x0 < room - 0.6 * line.h) return false;
  if (/^\p{Ll}/u.test(next.text)) return false;
  return /[\d/]/u.test(line.text) || /^\p{Lu}{3,}$/u.test(line.text) || line.text.length > 7;
}

/** A word's width in rough font units: capitals are wider than small letters, spaces and stops narrower. */
function widthOf(text: string): number {
  let width = 0;
  for (const char of text) {
    if (char === ' ') width += 0.25;
    else if (/[.,;:'’!|()-]/.test(char)) width += 0.3;
    else if (/[MWmwĐ]/.test(char)) width += 0.85;
    else if (char !== char.toLowerCase()) width += 0.68;
    else width += 0.5;
  }
  return width;
}
