import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fold, foldWords } from '../../vi/fold.ts';

/** What a collective covers; resolved against the organisation tree by the knowledge base. */
export const COVERAGES = [
  'internal_units',
  'agencies',
  'agencies_and_localities',
  'districts',
  'communes',
  'vertical_agencies',
  'public_service_units',
] as const;
export type Coverage = (typeof COVERAGES)[number];

export const UNIT_CATEGORIES = [
  'province',
  'department',
  'agency',
  'district',
  'commune',
  'vertical',
  'central',
  'internal',
] as const;
export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

export const lexiconFileSchema = z.object({
  /** Abbreviation → written-out form; every known name is also matched with each one swapped either way. */
  abbreviations: z.record(z.string().min(1), z.string().min(1)),
  aliases: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)) })),
  collectives: z.array(
    z.object({
      name: z.string().min(1),
      variants: z.array(z.string().min(1)),
      covers: z.enum(COVERAGES),
      condition: z.string().min(1).optional(),
    }),
  ),
  categories: z.array(z.object({ prefix: z.string().min(1), category: z.enum(UNIT_CATEGORIES) })),
  headWords: z.array(z.string().min(1)),
  roleWords: z.array(z.string().min(1)),
  ellipses: z.array(z.object({ fragment: z.string().min(1), prefix: z.string().min(1) })),
});
export type LexiconFile = z.infer<typeof lexiconFileSchema>;

/** A name the splitter recognises whole, so commas and dashes inside it never split it. */
export interface KnownName {
  /** Folded words of the written form, for matching. */
  folded: string;
  words: string[];
  canonical: string;
  collective: { covers: Coverage; condition: string | null } | null;
}

export interface Lexicon {
  /** Longest first, so "Các sở, ban, ngành, địa phương" wins over "Các sở, ban, ngành". */
  known: KnownName[];
  /**
   * Known names by the folded word they start with, longest first. A name starting with "các" is also filed
   * under its second word, since "Sở, ban, ngành" and "các Sở, ban, ngành" name the same collective.
   */
  byFirstWord: Map<string, { known: KnownName; skip: number }[]>;
  /** Hash of the lexicon's content: an import done with another lexicon must be redone. */
  version: string;
  categories: { folded: string; category: UnitCategory }[];
  headWords: string[];
  roleWords: string[];
  ellipses: { fragment: string; prefix: string }[];
}

type Swap = [from: RegExp, to: string];

/** Both directions of every abbreviation, on folded words ("ubnd" ⇄ "uy ban nhan dan"). */
function toSwaps(abbreviations: Record<string, string>): Swap[] {
  return Object.entries(abbreviations).flatMap(([short, long]): Swap[] => {
    const [s, l] = [foldWords(short), foldWords(long)];
    return [
      [new RegExp(`(^| )${s}(?= |$)`, 'g'), `$1${l}`],
      [new RegExp(`(^| )${l}(?= |$)`, 'g'), `$1${s}`],
    ];
  });
}

function withVariants(written: string, swaps: Swap[]): string[] {
  const folded = foldWords(written);
  const variants = new Set([folded]);
  for (const [from, to] of swaps) variants.add(folded.replace(from, to));
  return [...variants];
}

export function createLexicon(file: LexiconFile): Lexicon {
  const swaps = toSwaps(file.abbreviations);
  const known: KnownName[] = [];
  const add = (forms: string[], canonical: string, collective: KnownName['collective']) => {
    const seen = new Set<string>();
    for (const folded of forms.flatMap((f) => withVariants(f, swaps))) {
      if (seen.has(folded)) continue;
      seen.add(folded);
      known.push({ folded, words: folded.split(' '), canonical, collective });
    }
  };
  for (const entry of file.aliases) add([entry.name, ...entry.aliases], entry.name, null);
  for (const entry of file.collectives) {
    add([entry.name, ...entry.variants], entry.name, {
      covers: entry.covers,
      condition: entry.condition ?? null,
    });
  }
  known.sort((a, b) => b.folded.length - a.folded.length);
  return {
    known,
    byFirstWord: indexByFirstWord(known),
    version: createHash('sha256').update(JSON.stringify(file)).digest('hex').slice(0, 16),
    categories: file.categories.map((c) => ({ folded: foldWords(c.prefix), category: c.category })),
    headWords: file.headWords.map((w) => fold(w)),
    roleWords: file.roleWords,
    ellipses: file.ellipses.map((e) => ({ fragment: fold(e.fragment), prefix: e.prefix })),
  };
}

function indexByFirstWord(known: KnownName[]): Lexicon['byFirstWord'] {
  const index: Lexicon['byFirstWord'] = new Map();
  const file = (word: string | undefined, entry: { known: KnownName; skip: number }) => {
    if (word === undefined) return;
    index.set(word, [...(index.get(word) ?? []), entry]);
  };
  for (const k of known) {
    file(k.words[0], { known: k, skip: 0 });
    if (k.words[0] === 'cac' && k.words.length > 2) file(k.words[1], { known: k, skip: 1 });
  }
  for (const list of index.values())
    list.sort((a, b) => b.known.words.length - b.skip - (a.known.words.length - a.skip));
  return index;
}

/** Category of a specific (non-collective) unit from its name; `fallback` depends on who issued the plan. */
export function categoryOf(lexicon: Lexicon, name: string, fallback: UnitCategory): UnitCategory {
  const words = foldWords(name);
  for (const { folded, category } of lexicon.categories) {
    if (words === folded || words.startsWith(`${folded} `)) return category;
  }
  return fallback;
}
