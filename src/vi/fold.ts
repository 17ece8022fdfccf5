/**
 * Vietnamese text folding. Two keys are used across the code base:
 * - `toIdentityKey` keeps diacritics (so "Sở Tư pháp" never collides with a name that differs only by tone)
 *   but ignores Unicode form, tone-mark placement (hòa/hoà), case, spacing and edge punctuation;
 * - `fold` drops diacritics too (đ→d) and is what user input is matched on.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
// In NFD, an old-style tone on the second vowel of oa/oe/uy at the end of a syllable ("hoà", "thuý", "uỷ")
// is moved to the first vowel ("hòa", "thúy", "ủy"). "qu" is a consonant cluster, so "quý" is left alone.
const OLD_STYLE_TONE = new RegExp(`(?<![qQ])([oOuU])([aAeEyY])([${TONE_MARKS}])(?!\\p{L})`, 'gu');

export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/** Canonical tone-mark placement, NFC output. */
export function normalizeToneMarks(text: string): string {
  return text.normalize('NFD').replace(OLD_STYLE_TONE, '$1$3$2').normalize('NFC');
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Key for identity of names: tone placement, case, Unicode form and spacing do not matter. */
export function toIdentityKey(text: string): string {
  return collapseSpaces(
    normalizeToneMarks(text)
      .toLowerCase()
      .replace(/^[\s.,;:–-]+|[\s.,;:–-]+$/g, ''),
  );
}

/** Fully folded form for matching: no diacritics, đ→d, lower case, single spaces. */
export function fold(text: string): string {
  return collapseSpaces(
    text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase(),
  );
}

/** Folded form with punctuation turned into spaces: for token matching. */
export function foldWords(text: string): string {
  return collapseSpaces(fold(text).replace(/[^\p{L}\p{N}%]+/gu, ' '));
}

/**
 * Like `fold` but never changes the length (no space collapsing), so an index found in the folded copy is an
 * index in the source. Characters whose folded form would change length are kept as they are.
 */
export function foldKeepLength(source: string): string {
  const quick = source
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
  if (quick.length === source.length) return quick;
  let out = '';
  for (const ch of source) {
    const f = fold(ch);
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

/** A file name from Vietnamese words, ASCII only: "Báo cáo Quý IV 2026 Sở Nội vụ" → "Bao-cao-Quy-IV-2026-So-Noi-vu". */
export function toFileStem(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
