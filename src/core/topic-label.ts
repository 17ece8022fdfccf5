import type { Turn } from './types.ts';

/**
 * The topic as the person wrote it, for the reply: "công bố chỉ số CCHC", not the folded, expanded words the
 * search used ("cong bo chi so cai cach hanh chinh"). Keeps each written word whose folded form is a topic word
 * (an abbreviation counts when all its expanded words are), in the order written.
 */
export function topicLabel(turn: Turn, words: readonly string[]): string {
  if (words.length === 0) return '';
  const wanted = new Set(words);
  const kept = turn.msg.text
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w !== '')
    .filter((w) => {
      const folded = turn.k.tokenize(w);
      return folded.length > 0 && folded.every((f) => wanted.has(f));
    });
  // A typo the search corrected is not in the text as such: the search's own words then say it better.
  const covered = new Set(kept.flatMap((w) => turn.k.tokenize(w)));
  return words.every((w) => covered.has(w)) ? kept.join(' ') : words.join(' ');
}
