import Fuse from 'fuse.js';
import type { Lexicon } from '../ingest/units/lexicon.ts';
import { GROUP_NAMES } from '../intent/topic-vocabulary.ts';
import type { UnitNode, UnitTree } from '../kb/unit-tree.ts';
import { foldWords, toIdentityKey } from '../vi/fold.ts';

/**
 * Finds the units a message names: exact on folded words first (names and every alias from the lexicon, so
 * "phong khtc", "p. ke hoach tai chinh" and "Phòng Kế hoạch - Tài chính" meet), then fuse.js on the words after
 * a head word ("phong …", "so …") to forgive a typo. The same written name can belong to several organisations
 * ("Văn phòng Sở"): a following organisation name ("… Sở Xây dựng") or the asker's organisation decides.
 */
export interface UnitMatch {
  candidates: UnitNode[];
  start: number;
  end: number;
  exact: boolean;
}

export type Tokenize = (text: string) => string[];

interface Entry {
  words: string[];
  units: UnitNode[];
}

const HEADS = new Set([
  'phong',
  'so',
  'van',
  'uy',
  'trung',
  'ban',
  'thanh',
  'cong',
  'chi',
  'doan',
  'dai',
  'bao',
]);
/** "sở tôi", "phòng mình", "ban nào": a pronoun or question word after the head is no name to guess at. */
const NOT_NAME_WORDS = new Set([
  'toi',
  'minh',
  'em',
  'chung',
  'nao',
  'ay',
  'do',
  'nay',
  'ban',
  'ta',
  'co',
  'la',
  'gi',
  'khac',
]);

export interface UnitMatcher {
  find(tokens: string[], preferOrgId: number | null): UnitMatch[];
}

export function createUnitMatcher(tree: UnitTree, lexicon: Lexicon, tokenize: Tokenize): UnitMatcher {
  const byName = new Map<string, UnitNode[]>();
  for (const node of tree.all()) {
    if (node.kind === 'collective') continue;
    const key = toIdentityKey(node.name);
    byName.set(key, [...(byName.get(key) ?? []), node]);
  }
  const entries = new Map<string, Entry>();
  const add = (written: string, units: UnitNode[]) => {
    // Both the expanded words ("phong ke hoach tai chinh") and the words as written ("phong khtc"): a message
    // keeps "p.khtc" or "tcbc&cchc" as typed when the chunk holds punctuation.
    for (const words of [tokenize(written), foldWords(written).split(' ')]) {
      const key = words.join(' ');
      if (words.length === 0 || key === '' || units.length === 0) continue;
      const entry = entries.get(key);
      entries.set(key, { words, units: [...new Set([...(entry?.units ?? []), ...units])] });
    }
  };
  for (const [, units] of byName) if (units[0]) add(units[0].name, units);
  // A group named as a whole ("UBND cấp huyện", "các sở, ngành"): the collective with that coverage, by any name.
  for (const node of tree.all()) {
    const names = node.kind === 'collective' && node.covers ? GROUP_NAMES[node.covers] : undefined;
    if (!names) continue;
    for (const written of [node.name, ...names]) add(written, [node]);
  }
  for (const k of lexicon.known) {
    if (!k.collective) add(k.folded, byName.get(toIdentityKey(k.canonical)) ?? []);
  }
  const index = indexByFirstWord([...entries.values()]);
  return { find: (tokens, preferOrgId) => resolve(findAll(tokens, index), tree, preferOrgId) };
}

interface Group {
  entries: Entry[];
  fuse: Fuse<Entry> | null;
}

/** Entries grouped by their first word, longest first; a fuse.js index per group is built on first use. */
function indexByFirstWord(entries: Entry[]): Map<string, Group> {
  const index = new Map<string, Group>();
  for (const e of entries) {
    const first = e.words[0] ?? '';
    const group = index.get(first) ?? { entries: [], fuse: null };
    group.entries.push(e);
    index.set(first, group);
  }
  for (const g of index.values()) g.entries.sort((a, b) => b.words.length - a.words.length);
  return index;
}

function fuseOf(group: Group): Fuse<Entry> {
  group.fuse ??= new Fuse(group.entries, {
    keys: [{ name: 'text', getFn: (e) => e.words.join(' ') }],
    threshold: 0.25,
    includeScore: true,
  });
  return group.fuse;
}

function matchesAt(tokens: string[], i: number, words: string[]): boolean {
  return words.every((w, k) => tokens[i + k] === w);
}

/** Fuzzy guesses per message: a long message full of "số"/"phòng" must not cost a fuse.js search per word. */
const MAX_FUZZY_TRIES = 3;

function findAll(tokens: string[], index: Map<string, Group>): UnitMatch[] {
  const found: UnitMatch[] = [];
  let fuzzyTries = 0;
  for (let i = 0; i < tokens.length; i++) {
    const group = index.get(tokens[i] ?? '');
    const exact = group?.entries.find((e) => matchesAt(tokens, i, e.words));
    if (exact) {
      found.push({ candidates: exact.units, start: i, end: i + exact.words.length, exact: true });
      // "Văn phòng Sở Xây dựng": the last word of the unit ("Sở") also starts the organisation that qualifies it.
      const last = i + exact.words.length - 1;
      const overlap =
        exact.words.length > 1
          ? index
              .get(tokens[last] ?? '')
              ?.entries.find((e) => e.words.length > 1 && matchesAt(tokens, last, e.words))
          : undefined;
      if (overlap)
        found.push({ candidates: overlap.units, start: last, end: last + overlap.words.length, exact: true });
      i = (overlap ? last + overlap.words.length : i + exact.words.length) - 1;
      continue;
    }
    const tryFuzzy = group && HEADS.has(tokens[i] ?? '') && fuzzyTries++ < MAX_FUZZY_TRIES;
    const fuzzy = tryFuzzy ? findFuzzy(tokens, i, fuseOf(group)) : null;
    if (fuzzy) {
      found.push(fuzzy);
      i = fuzzy.end - 1;
    }
  }
  return found;
}

/** Tries spans of 2–7 words after a head word; keeps the best close match. */
function findFuzzy(tokens: string[], i: number, fuse: Fuse<Entry>): UnitMatch | null {
  let best: { entry: Entry; score: number; end: number } | null = null;
  for (let n = 2; n <= 7 && i + n <= tokens.length; n++) {
    if (NOT_NAME_WORDS.has(tokens[i + n - 1] ?? '')) break;
    const span = tokens.slice(i, i + n).join(' ');
    const hit = fuse.search(span, { limit: 1 })[0];
    if (hit?.score === undefined || hit.item.words.length !== n) continue;
    if (!best || hit.score < best.score) best = { entry: hit.item, score: hit.score, end: i + n };
  }
  return best ? { candidates: best.entry.units, start: i, end: best.end, exact: false } : null;
}

/**
 * Narrows each match to one unit where the message or the asker says which organisation is meant: first an
 * organisation named right after the unit ("văn phòng sở xây dựng"), then any organisation named, then the
 * asker's own.
 */
function resolve(matches: UnitMatch[], tree: UnitTree, preferOrgId: number | null): UnitMatch[] {
  const out: UnitMatch[] = [];
  for (const m of matches) {
    const previous = out[out.length - 1];
    const qualified =
      previous && m.start >= previous.end - 1 && m.start <= previous.end
        ? previous.candidates.filter((c) => m.candidates.some((x) => x.id === c.parentId))
        : [];
    if (previous && qualified.length > 0) {
      previous.candidates = qualified;
      continue;
    }
    out.push({ ...m });
  }
  const orgsNamed = out.flatMap((m) => m.candidates.filter((c) => c.kind === 'organisation'));
  for (const m of out) {
    if (m.candidates.length <= 1) continue;
    const inNamedOrg = m.candidates.filter((c) => orgsNamed.some((o) => o.id === c.parentId));
    const inOwnOrg = m.candidates.filter((c) => preferOrgId !== null && tree.orgOf(c.id)?.id === preferOrgId);
    const narrowed = inNamedOrg.length > 0 ? inNamedOrg : inOwnOrg;
    if (narrowed.length > 0) m.candidates = narrowed;
  }
  return out;
}
