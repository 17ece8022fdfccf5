import { TOPIC_KEEP_PHRASES, TOPIC_STOP_PHRASES, TOPIC_STOPWORDS } from '../intent/topic-vocabulary.ts';
import type { TopicIndex, TopicRow } from './topic-index.ts';

/**
 * Matches topic words against section titles and task text (all folded, abbreviations expanded the same way as
 * the message). A word the plans never use is replaced by its nearest spelling in them (fuse.js), so a typo
 * ("tuyen dunng") still finds "tuyen dung". A topic that is a section title returns the whole section.
 */
export function topicWordsOf(tokens: string[], exclude: ReadonlySet<number>): string[] {
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const keep = TOPIC_KEEP_PHRASES.find((p) => p.every((w, k) => tokens[i + k] === w));
    if (keep) {
      kept.push(...keep);
      i += keep.length - 1;
      continue;
    }
    const phrase = TOPIC_STOP_PHRASES.find((p) => p.every((w, k) => tokens[i + k] === w));
    if (phrase) {
      i += phrase.length - 1;
      continue;
    }
    const w = tokens[i] ?? '';
    if (!exclude.has(i) && !TOPIC_STOPWORDS.has(w) && /\p{L}/u.test(w) && w.length > 1) kept.push(w);
  }
  return kept;
}

/** The words as the plans spell them: a word the plans never use becomes its nearest spelling in them. */
export function correct(words: string[], index: TopicIndex): string[] {
  if (words.every((w) => index.vocabulary.has(w))) return words;
  return words.map((w) =>
    index.vocabulary.has(w) ? w : (index.fuse().search(w, { limit: 1 })[0]?.item ?? w),
  );
}

/** Tasks matching the topic, best first; empty when nothing matches well enough. */
export function searchTopic(words: string[], index: TopicIndex): TopicRow[] {
  const rows = index.rows;
  if (words.length === 0 || rows.length === 0) return [];
  const fixed = correct(words, index);
  const sectionHits = rows.filter((r) => fixed.every((w) => r.titleWords.has(w)));
  if (sectionHits.length > 0) return sectionHits;
  const phrase = ` ${fixed.join(' ')} `;
  const candidates = new Set(fixed.flatMap((w) => [...index.rowsWith(w)]));
  const scored = [...candidates]
    .map((row) => {
      const words = fixed.filter((w) => row.words.has(w)).length;
      // The words side by side, as typed ("tuyển dụng", "tài sản công"), beat the same words scattered.
      const together = fixed.length > 1 && row.expanded.includes(phrase) ? 0.5 : 0;
      return { row, score: words + together };
    })
    .sort((a, b) => a.row.planId.localeCompare(b.row.planId) || a.row.ord - b.row.ord);
  const best = scored.reduce((max, s) => Math.max(max, s.score), 0);
  const needed = Math.max(1, Math.ceil(fixed.length * 0.6));
  if (best < needed) return [];
  return scored.filter((s) => s.score >= best - 0.25).map((s) => s.row);
}
