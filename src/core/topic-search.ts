import Fuse from 'fuse.js';
import { TOPIC_STOPWORDS } from '../intent/vocabulary.ts';
import type { SearchRow } from '../kb/task-queries.ts';

/**
 * Matches topic words against section titles and task text (all folded, abbreviations expanded the same way as
 * the message). A word the plans never use is replaced by its nearest spelling in them (fuse.js), so a typo
 * ("tuyen dunng") still finds "tuyen dung". A topic that is a section title returns the whole section.
 */
export interface TopicRow extends SearchRow {
  words: Set<string>;
  titleWords: Set<string>;
}

export function topicWordsOf(tokens: string[], exclude: ReadonlySet<number>): string[] {
  return tokens.filter(
    (w, i) => !exclude.has(i) && !TOPIC_STOPWORDS.has(w) && /\p{L}/u.test(w) && w.length > 1,
  );
}

function correct(words: string[], rows: TopicRow[]): string[] {
  const vocabulary = new Set(rows.flatMap((r) => [...r.words]));
  const unknown = words.filter((w) => !vocabulary.has(w));
  if (unknown.length === 0) return words;
  const fuse = new Fuse([...vocabulary], { threshold: 0.3, includeScore: true });
  return words.map((w) => (vocabulary.has(w) ? w : (fuse.search(w, { limit: 1 })[0]?.item ?? w)));
}

/** Tasks matching the topic, best first; empty when nothing matches well enough. */
export function searchTopic(words: string[], rows: TopicRow[]): TopicRow[] {
  if (words.length === 0 || rows.length === 0) return [];
  const fixed = correct(words, rows);
  const sectionHits = rows.filter((r) => fixed.every((w) => r.titleWords.has(w)));
  if (sectionHits.length > 0) return sectionHits;
  const scored = rows
    .map((row) => ({ row, score: fixed.filter((w) => row.words.has(w)).length }))
    .filter((s) => s.score > 0);
  const best = Math.max(0, ...scored.map((s) => s.score));
  const needed = Math.max(1, Math.ceil(fixed.length * 0.6));
  if (best < needed) return [];
  return scored.filter((s) => s.score >= Math.max(needed, best - 1)).map((s) => s.row);
}
