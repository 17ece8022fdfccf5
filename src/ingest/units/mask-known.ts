import { fold } from '../../vi/fold.ts';
import type { KnownName, Lexicon } from './lexicon.ts';

/**
 * Known names ("Các sở, ban, ngành", "Sở Lao động - Thương binh và Xã hội") contain the very commas and dashes
 * that separate bodies elsewhere. They are replaced by placeholders before any splitting, so no rule can cut
 * through them.
 */
export const PLACEHOLDER = /\uE000(\d+)\uE001/;
export const PLACEHOLDER_AT_START = /^\uE000(\d+)\uE001/;

export interface MaskedText {
  text: string;
  names: { known: KnownName; written: string }[];
}

interface Token {
  folded: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    folded: fold(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** A known name may only start where a new body can start: at the beginning or after a separator. */
function canStartAt(text: string, tokens: Token[], i: number): boolean {
  const previous = tokens[i - 1];
  if (!previous) return true;
  const gap = text.slice(previous.end, tokens[i]?.start);
  return /[,;\n:(-]/.test(gap) || previous.folded === 'va';
}

function matchLength(text: string, tokens: Token[], i: number, words: string[]): number {
  for (let k = 0; k < words.length; k++) {
    const token = tokens[i + k];
    if (!token || token.folded !== words[k]) return 0;
    const previous = tokens[i + k - 1];
    if (k > 0 && previous && /[;\n]/.test(text.slice(previous.end, token.start))) return 0;
  }
  return words.length;
}

export function maskKnownNames(text: string, lexicon: Lexicon): MaskedText {
  const tokens = tokenize(text);
  const names: MaskedText['names'] = [];
  let out = '';
  let cursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!canStartAt(text, tokens, i)) continue;
    const hit = findKnownAt(text, tokens, i, lexicon);
    if (!hit) continue;
    const first = tokens[i];
    const last = tokens[i + hit.length - 1];
    if (!first || !last) continue;
    out += `${text.slice(cursor, first.start)}\uE000${names.length}\uE001`;
    names.push({ known: hit.known, written: text.slice(first.start, last.end) });
    cursor = last.end;
    i += hit.length - 1;
  }
  return { text: out + text.slice(cursor), names };
}

function findKnownAt(
  text: string,
  tokens: Token[],
  i: number,
  lexicon: Lexicon,
): { known: KnownName; length: number } | null {
  const first = tokens[i]?.folded;
  const candidates = first === undefined ? undefined : lexicon.byFirstWord.get(first);
  for (const { known, skip } of candidates ?? []) {
    const length = matchLength(text, tokens, i, skip === 0 ? known.words : known.words.slice(skip));
    if (length > 0) return { known, length };
  }
  return null;
}

/** Puts the written text back in place of placeholders. */
export function unmask(text: string, masked: MaskedText): string {
  return text.replace(
    new RegExp(PLACEHOLDER.source, 'g'),
    (_m, n: string) => masked.names[Number(n)]?.written ?? '',
  );
}
