import Fuse from 'fuse.js';
import type { Db } from '../kb/open.ts';
import { findSearchRows, type SearchRow } from '../kb/task-queries.ts';
import { foldWords } from '../vi/fold.ts';
import type { ChatLexicon } from '../vi/message.ts';

/** A task row as topic search reads it: its folded words, and its section title's. Defined here, beside the
 * index that builds it, so topic-search imports the index and never the reverse. */
export interface TopicRow extends SearchRow {
  /**
   * The row's text with abbreviations expanded as in a message ("cchc" → "cai cach hanh chinh") and numbers left
   * out, space-padded: what "the words side by side" is checked against.
   */
  expanded: string;
  words: Set<string>;
  titleWords: Set<string>;
}

/**
 * Topic rows and their vocabulary, built once per plan (and per set of plans) while the knowledge base is
 * unchanged: topic questions then only score rows, they never re-read or re-tokenize the plans.
 */
export interface TopicIndex {
  rows: TopicRow[];
  vocabulary: Set<string>;
  /** Rows containing a word: a question scores only rows that share a word with it. */
  rowsWith(word: string): readonly TopicRow[];
  /** fuse.js over the vocabulary, built on the first misspelt word. */
  fuse(): Fuse<string>;
}

const MAX_SCOPES = 64;

export function createTopicCache(db: Db, chat: ChatLexicon): (planIds: readonly string[]) => TopicIndex {
  const perPlan = new Map<string, TopicRow[]>();
  const perScope = new Map<string, TopicIndex>();
  // Task text is already folded; only abbreviations need expanding ("tthc" → "thu tuc hanh chinh").
  const expand = (text: string) =>
    text
      .split(' ')
      .flatMap((w) => (chat.shorthand.get(w) ?? w).split(' '))
      .filter(Boolean);
  const words = (text: string) => new Set(expand(text));
  const rowsOf = (planId: string): TopicRow[] => {
    let rows = perPlan.get(planId);
    if (!rows) {
      rows = findSearchRows(db, [planId]).map((r) => ({
        ...r,
        // Numbers left out: "công khai 100% TTHC" still has "công khai TTHC" side by side.
        expanded: ` ${expand(r.search)
          .filter((w) => !/^\d+(?:[.,]\d+)?%?$/.test(w))
          .join(' ')} `,
        words: words(r.search),
        titleWords: words(foldWords(r.sectionTitle)),
      }));
      perPlan.set(planId, rows);
    }
    return rows;
  };
  return (planIds) => {
    const key = planIds.join('|');
    const hit = perScope.get(key);
    if (hit) return hit;
    const rows = planIds.flatMap(rowsOf);
    const byWord = new Map<string, TopicRow[]>();
    for (const row of rows) {
      for (const w of row.words) {
        const list = byWord.get(w);
        if (list) list.push(row);
        else byWord.set(w, [row]);
      }
    }
    const vocabulary = new Set(byWord.keys());
    let fuse: Fuse<string> | null = null;
    const index: TopicIndex = {
      rows,
      vocabulary,
      rowsWith: (word) => byWord.get(word) ?? [],
      fuse: () => {
        fuse ??= new Fuse([...vocabulary], { threshold: 0.3, includeScore: true });
        return fuse;
      },
    };
    if (perScope.size >= MAX_SCOPES) perScope.delete(perScope.keys().next().value ?? '');
    perScope.set(key, index);
    return index;
  };
}
