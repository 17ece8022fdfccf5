/**
 * A chat message as typed by staff → one normalised form the intent rules and entity finders read.
 *
 * `text` keeps the diacritics (for display and for names); `folded` has none, keeps the punctuation that carries
 * meaning in task numbers, dates and percentages (". / % ( ) : , -") and has chat shorthand ("ko", "nv", "đc")
 * and domain abbreviations ("CCHC", "UBND") written out, so the rules only ever see one spelling.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { collapseSpaces, fold, foldWords, normalizeToneMarks } from './fold.ts';

/** Longer messages are cut: nobody asks a question in more than this, and it bounds the work per message. */
export const MAX_MESSAGE_CHARS = 2000;
/** Raw input beyond this is not even looked at (it could never shrink back under the limit in practice). */
const MAX_SCANNED_CHARS = MAX_MESSAGE_CHARS * 8;

export const DEFAULT_CHAT_LEXICON_PATH = new URL('../../data/lexicon/chat.json', import.meta.url);
export const DEFAULT_UNITS_LEXICON_PATH = new URL('../../data/lexicon/units.json', import.meta.url);

export interface ChatLexicon {
  /** Folded token → folded expansion (may be several words). */
  shorthand: Map<string, string>;
}

export interface NormalizedMessage {
  /** As received. */
  raw: string;
  /** NFC, canonical tone marks (hòa/hoà), single spaces, trimmed, at most MAX_MESSAGE_CHARS characters. */
  text: string;
  /** True when `text` was cut from a longer message. */
  truncated: boolean;
  /** Folded `text`, symbols and emoji removed, shorthand and abbreviations expanded token by token. */
  folded: string;
  /** Folded words of `folded` (split on everything but letters, digits and %). */
  tokens: string[];
}

// ---- Lexicon ----

const chatFileSchema = z.object({ shorthand: z.record(z.string(), z.string()) });
const unitsFileSchema = z.object({ abbreviations: z.record(z.string(), z.string()) });

/** A key is one token: letters, digits and "&" ("kh&dt"); anything else could never match a chat token. */
const KEY_RE = /^[\p{L}\p{N}&]+$/u;

/**
 * Builds the lexicon from `data/lexicon/chat.json` (already parsed) and the units lexicon's abbreviations.
 * Entries of chat.json win over an abbreviation with the same key. Abbreviations that are not one token
 * ("Sở NV") are left to the unit matcher. Throws an Error naming the first bad entry.
 */
export function createChatLexicon(chatJson: unknown, abbreviations: Record<string, string>): ChatLexicon {
  const parsed = chatFileSchema.safeParse(chatJson);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new Error(`chat lexicon: expected { "shorthand": { token: expansion } }, wrong at ${where}`);
  }
  const shorthand = new Map<string, string>();
  for (const [key, value] of Object.entries(abbreviations)) {
    const folded = fold(key);
    const expansion = foldWords(value);
    if (KEY_RE.test(folded) && expansion !== '') shorthand.set(folded, expansion);
  }
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed.data.shorthand)) {
    const folded = fold(key);
    const expansion = foldWords(value);
    if (!KEY_RE.test(folded)) {
      throw new Error(`chat lexicon: shorthand "${key}" must be one word (letters, digits or &)`);
    }
    if (expansion === '') throw new Error(`chat lexicon: shorthand "${key}" has an empty expansion`);
    const earlier = seen.get(folded);
    if (earlier !== undefined && shorthand.get(folded) !== expansion) {
      throw new Error(`chat lexicon: shorthand "${key}" and "${earlier}" fold to the same token`);
    }
    seen.set(folded, key);
    shorthand.set(folded, expansion);
  }
  return { shorthand };
}

/** Reads chat.json and the abbreviations of units.json (the only I/O of this module). */
export function loadChatLexicon(
  chatPath: string | URL = DEFAULT_CHAT_LEXICON_PATH,
  unitsPath: string | URL = DEFAULT_UNITS_LEXICON_PATH,
): ChatLexicon {
  const units = unitsFileSchema.safeParse(readJson(unitsPath));
  if (!units.success) throw new Error(`${String(unitsPath)}: "abbreviations" must map strings to strings`);
  try {
    return createChatLexicon(readJson(chatPath), units.data.abbreviations);
  } catch (error) {
    throw new Error(`${String(chatPath)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readJson(path: string | URL): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// ---- Normalisation ----

/** Dashes of every kind read as "-" (16/11–22/11, KH–SXD). */
const DASHES = /[\u2010-\u2015\u2212]/g;
/** Everything that is neither a letter, a digit, a space nor meaningful punctuation goes (emoji, ?, !, quotes). */
const DROPPED = /[^\p{L}\p{N}\s./%():,&-]+/gu;
const WORD_CHAR = /[\p{L}\p{N}&]/u;
const TOKEN_SPLIT = /[^\p{L}\p{N}%]+/u;

export function normalizeMessage(raw: string, lexicon: ChatLexicon): NormalizedMessage {
  const scanned = raw.length > MAX_SCANNED_CHARS ? cut(raw, MAX_SCANNED_CHARS) : raw;
  const whole = collapseSpaces(normalizeToneMarks(scanned));
  const text = whole.length > MAX_MESSAGE_CHARS ? cut(whole, MAX_MESSAGE_CHARS).trimEnd() : whole;
  const truncated = scanned.length < raw.length || text.length < whole.length;
  const cleaned = collapseSpaces(fold(text).replace(DASHES, '-').replace(DROPPED, ' '));
  const folded = collapseSpaces(expandTokens(cleaned, lexicon.shorthand).replace(/&/g, ' '));
  const tokens = folded.split(TOKEN_SPLIT).filter((token) => token !== '');
  return { raw, text, truncated, folded, tokens };
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Expands each space-separated chunk whose core (the chunk without edge punctuation) is a known token:
 * "nv?" → "nhiem vu?", "(cchc)" → "(cai cach hanh chinh)". Chunks with inner punctuation ("55/kh-sxd",
 * "p.khtc", "iii.8") are codes and stay as typed. A one-letter key before ")" is a list item ("p)"), not shorthand.
 */
function expandTokens(cleaned: string, shorthand: ReadonlyMap<string, string>): string {
  const chunks = cleaned.split(' ');
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] ?? '';
    let start = 0;
    let end = chunk.length;
    while (start < end && !WORD_CHAR.test(chunk.charAt(start))) start++;
    while (end > start && !WORD_CHAR.test(chunk.charAt(end - 1))) end--;
    const expansion = shorthand.get(chunk.slice(start, end));
    if (expansion === undefined) continue;
    const tail = chunk.slice(end);
    if (end - start === 1 && tail.startsWith(')')) continue;
    chunks[i] = chunk.slice(0, start) + expansion + tail;
  }
  return chunks.join(' ');
}
