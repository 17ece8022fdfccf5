/**
 * Whether a PDF's text layer can be trusted before any of it is imported:
 * - a scan has no text at all;
 * - a document typed in the old TCVN3 (ABC) or VNI encodings shows Vietnamese only through its font, and its
 *   text layer holds Latin-1 symbols ("Së Néi vô" for "Sở Nội vụ");
 * - a font without a character map gives private-use or replacement characters.
 * Importing such text would file tasks under nonsense unit names, so the file is refused with the reason.
 */
import { DocumentError } from '../types.ts';
import { PDF_MESSAGES } from './messages.ts';
import type { PdfPage } from './types.ts';

/** Letters that exist only in Vietnamese Unicode text: ă đ ơ ư and the precomposed vowels with tones. */
const VIETNAMESE_ONLY = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/gu;
/** Latin-1 characters that Vietnamese never uses, and that TCVN3/VNI text is full of. */
const LEGACY_SIGNS =
  /[\u00A1-\u00BF\u00C4-\u00C7\u00CB\u00CE-\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE-\u00DF\u00E4-\u00E7\u00EB\u00EE-\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/gu;
const UNMAPPED = /[\uE000-\uF8FF\uFFFD]/gu;
const LETTER = /\p{L}/gu;

/** Fewer visible characters than this on the whole document: nothing to read. */
const SCAN_CHARACTERS = 40;
/** Below this many letters the ratios below say nothing. */
const ENOUGH_LETTERS = 100;
const SAMPLE_LENGTH = 60;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function checkTextLayer(pages: readonly PdfPage[]): void {
  const lines = pages.flatMap((page) => page.items.map((item) => item.text.trim()));
  const text = lines.join(' ');
  if (text.replace(/\s+/g, '').length < SCAN_CHARACTERS) throw new DocumentError(PDF_MESSAGES.scanned);
  const letters = count(text, LETTER);
  if (letters < ENOUGH_LETTERS) return;
  const vietnamese = count(text, VIETNAMESE_ONLY) / letters;
  const legacy = count(text, LEGACY_SIGNS) / letters;
  const unmapped = count(text, UNMAPPED) / text.length;
  if (vietnamese < 0.01 && legacy > 0.01)
    throw new DocumentError(PDF_MESSAGES.legacyFont(sample(lines, LEGACY_SIGNS)));
  const mixed = legacyLines(lines);
  if (mixed !== null) throw new DocumentError(PDF_MESSAGES.legacyFont(mixed));
  if (unmapped > 0.05) throw new DocumentError(PDF_MESSAGES.unreadable(sample(lines, UNMAPPED)));
  // Real plans use ă, đ, ơ, ư and toned vowels in every sentence; text without any is not Vietnamese as written.
  if (vietnamese < 0.005) throw new DocumentError(PDF_MESSAGES.unreadable(sample(lines, LETTER)));
}

/**
 * A document typed partly in an old encoding (a table pasted from an old file into a Unicode document): lines of
 * letters with legacy signs and no Vietnamese letter. One such line in twenty is too many to import. Gives the first.
 */
function legacyLines(lines: readonly string[]): string | null {
  const worded = lines.filter((line) => count(line, LETTER) >= 10);
  const legacy = worded.filter(
    (line) => count(line, LEGACY_SIGNS) >= 2 && count(line, VIETNAMESE_ONLY) === 0,
  );
  if (worded.length === 0 || legacy.length / worded.length < 0.05) return null;
  return (legacy[0] ?? '').slice(0, SAMPLE_LENGTH);
}

/** The first line that shows the problem, cut short and stripped of what cannot be printed. */
function sample(lines: readonly string[], pattern: RegExp): string {
  const line = lines.find((l) => l.length > 8 && count(l, pattern) > 0) ?? lines[0] ?? '';
  return line.replace(UNMAPPED, '?').slice(0, SAMPLE_LENGTH);
}
