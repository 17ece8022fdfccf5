import { fold, foldWords } from '../../vi/fold.ts';
import { toPlainCellText } from '../cell-text.ts';
import type { Coverage, KnownName, Lexicon } from './lexicon.ts';
import { type MaskedText, maskKnownNames, PLACEHOLDER_AT_START, unmask } from './mask-known.ts';

/** One body named in a unit cell, with what the cell says about its part in the task. */
export interface UnitPhrase {
  /** The piece of the cell as written (trimmed). */
  raw: string;
  /** Canonical name: the lexicon's when known, else the written name. */
  name: string;
  /** Role words that followed the name ("tổng hợp", "theo dõi, đôn đốc"), or null. */
  role: string | null;
  /** For collectives: the restriction written after the name ("có trách nhiệm đối với TTHC"), or null. */
  condition: string | null;
  collective: { covers: Coverage } | null;
}

const EDGE_PUNCTUATION = /^[\s,.;:–-]+|[\s,.;:–-]+$/g;

/**
 * Cuts a cell into pieces at ';', line breaks and bullets (never inside a masked known name). A dash in the
 * middle of a line is a flattened bullet only when another body follows it ("… TTHC - Nhân viên bưu điện"),
 * so "Phòng Quy hoạch - Kiến trúc" stays one name.
 */
function toSegments(masked: string, lexicon: Lexicon): string[] {
  const bulleted = masked.replace(/\s[-–+•]\s+/g, (dash, offset: number) =>
    startsBody(masked.slice(offset + dash.length), lexicon) ? '\n' : dash,
  );
  return bulleted
    .split(/;|\n/)
    .map((s) => s.replace(/^\s*[-–+•]\s+/, '').replace(EDGE_PUNCTUATION, ''))
    .filter((s) => s.length > 0);
}

/**
 * "Các Sở: Tư pháp, Tài chính, Kế hoạch và Đầu tư và Văn phòng UBND tỉnh" names each Sở by its bare name;
 * rewrite it as "Sở Tư pháp, Sở Tài chính, Sở Kế hoạch và Đầu tư, Văn phòng UBND tỉnh".
 */
function expandDepartmentList(text: string, lexicon: Lexicon): string {
  return text.replace(/(?:các\s+)?Sở\s*:\s*([^;\n]+)/giu, (_m, list: string) =>
    list
      .split(/\s*,\s*/)
      .flatMap((item) => splitTrailingBody(item, lexicon))
      .map((item) => (startsBody(item, lexicon) ? item : `Sở ${item}`))
      .join(', '),
  );
}

/** "Kế hoạch và Đầu tư và Văn phòng UBND tỉnh" → the Sở name and the body after the last "và". */
function splitTrailingBody(item: string, lexicon: Lexicon): string[] {
  if (lookupKnown(`Sở ${item}`, lexicon)) return [item];
  const m = item.match(/^(.+)\s+và\s+(.+)$/u);
  if (m?.[1] && m[2] && startsBody(m[2], lexicon)) return [m[1], m[2]];
  return [item];
}

export function splitUnitCell(text: string, lexicon: Lexicon): UnitPhrase[] {
  const cleaned = expandDepartmentList(toPlainCellText(text), lexicon);
  if (cleaned === '') return [];
  const masked = maskKnownNames(cleaned, lexicon);
  const phrases: UnitPhrase[] = [];
  for (const segment of toSegments(masked.text, lexicon)) {
    for (const piece of splitSegment(segment, lexicon)) {
      const phrase = toPhrase(piece, masked, lexicon, phrases.at(-1));
      if (phrase) phrases.push(phrase);
    }
  }
  return phrases;
}

interface Piece {
  name: string;
  tail: string;
}

/** Splits one segment into bodies at ", " / " và " / " - " before a head word; the first role or condition ends it. */
function splitSegment(segment: string, lexicon: Lexicon): Piece[] {
  const pieces: Piece[] = [];
  let rest = segment;
  while (rest.length > 0) {
    const nameEnd = findNameEnd(rest, lexicon);
    const name = rest.slice(0, nameEnd);
    rest = rest.slice(nameEnd);
    const next = rest.match(/^(?:\s*,\s*|\s+và\s+|\s+[-–]\s+)/);
    if (next && startsBody(rest.slice(next[0].length), lexicon)) {
      pieces.push({ name, tail: '' });
      rest = rest.slice(next[0].length);
      continue;
    }
    const tailEnd = findTailEnd(rest);
    pieces.push({ name, tail: rest.slice(0, tailEnd) });
    rest = rest.slice(tailEnd).replace(/^(?:\s*,\s*|\s+và\s+|\s+[-–]\s+)/, '');
  }
  return pieces;
}

function startsBody(text: string, lexicon: Lexicon): boolean {
  if (PLACEHOLDER_AT_START.test(text)) return true;
  const folded = fold(text);
  return lexicon.headWords.some((w) => folded === w || folded.startsWith(`${w} `));
}

function startsRole(text: string, lexicon: Lexicon): boolean {
  // Role words are written in lower case; a capitalised word is part of a name ("Phòng Tổ chức, …").
  const trimmed = text.replace(/^[\s,]+/, '');
  return lexicon.roleWords.some(
    (w) => trimmed === w || trimmed.startsWith(`${w} `) || trimmed.startsWith(`${w},`),
  );
}

/** Where the body's name stops: before a separator + head word, a role word, a colon, or at the end. */
function findNameEnd(text: string, lexicon: Lexicon): number {
  const known = text.match(PLACEHOLDER_AT_START);
  if (known) return known[0].length;
  for (const m of text.matchAll(/\s*,\s*|\s+và\s+|\s+[-–]\s+|\s*:\s*|\s+/g)) {
    const after = text.slice(m.index + m[0].length);
    if (m[0].includes(':')) return m.index;
    if (m[0].trim() === '' && startsRole(after, lexicon)) return m.index;
    if (m[0].trim() !== '' && (startsBody(after, lexicon) || startsRole(after, lexicon))) return m.index;
  }
  return text.length;
}

/** A tail (role or condition) runs to the end of the segment, or to the next known name after a separator. */
function findTailEnd(text: string): number {
  const m = text.match(/(?:\s*,\s*|\s+và\s+|\s+[-–]\s+)(?=\uE000\d+\uE001)/);
  return m?.index ?? text.length;
}

function toPhrase(
  piece: Piece,
  masked: MaskedText,
  lexicon: Lexicon,
  previous: UnitPhrase | undefined,
): UnitPhrase | null {
  const raw = unmask(`${piece.name}${piece.tail}`, masked).replace(EDGE_PUNCTUATION, '');
  const tail = unmask(piece.tail, masked).replace(EDGE_PUNCTUATION, '');
  const knownMatch = piece.name.match(PLACEHOLDER_AT_START);
  const known = knownMatch ? masked.names[Number(knownMatch[1])]?.known : undefined;
  let name = unmask(piece.name, masked).replace(EDGE_PUNCTUATION, '');
  if (name === '') return null;
  const resolved = known ?? lookupKnown(expandEllipsis(name, previous, lexicon), lexicon);
  if (resolved) name = resolved.canonical;
  else name = expandEllipsis(name, previous, lexicon);
  const collective = resolved?.collective ?? null;
  if (!collective) return { raw, name, role: tail || null, condition: null, collective: null };
  const isRole = tail !== '' && startsRole(tail, lexicon);
  const condition = [collective.condition, isRole ? null : tail || null].filter(Boolean).join('; ') || null;
  return { raw, name, role: isRole ? tail : null, condition, collective: { covers: collective.covers } };
}

function lookupKnown(name: string, lexicon: Lexicon): KnownName | undefined {
  const words = foldWords(name);
  return lexicon.known.find((k) => k.folded === words);
}

/** "UBND cấp huyện, cấp xã": a bare "cấp xã" borrows the head of the body before it. */
function expandEllipsis(name: string, previous: UnitPhrase | undefined, lexicon: Lexicon): string {
  const folded = fold(name);
  const ellipsis = lexicon.ellipses.find((e) => folded === e.fragment);
  if (!ellipsis || !previous) return name;
  return `${ellipsis.prefix} ${name}`;
}
