/**
 * A pasted article, a forwarded notice or a long off-topic message: text nobody typed as a question. Searching
 * the whole province's plans for its words would answer something nobody asked, so such a message is `unknown`.
 *
 * Reads the raw message (its line breaks and links are gone from the normalised forms) and the folded one.
 * When in doubt the message is NOT pasted: a real question or report must never be dropped, and a missed
 * article only costs the old behaviour.
 */
import { fold } from '../vi/fold.ts';

const PASTED = {
  /** Shorter than this, a message is read as typed, whatever it contains. */
  minChars: 200,
  /** A pasted text has sentences; a long question seldom has more than two. */
  minSentences: 3,
  /** A link plus this much text is a shared article or notice. */
  minCharsWithLink: 120,
  /** Only the head is examined: enough for any marker, and the work stays bounded. */
  scannedChars: 2000,
} as const;

/** Lines that mail and chat clients put at the top of what they forward (folded). */
const FORWARD_MARKER =
  /^(?:[-=_]{2,}\s*)?(?:forwarded message|fwd?\s*:|tin nhan (?:duoc )?chuyen tiep|chuyen tiep(?: tu)?\s*:|noi dung chuyen tiep|trich dan\s*:)/;
const QUOTED_LINE = /^\s*>/;
const LINK = /https?:\/\/|www\./i;
/** Words that make a sentence a question or a request to the bot (folded). */
// Not bare "hoi" ("hội trường") nor "nho" ("nhớ"): without diacritics they are as often statements.
const ASKING =
  /(?:^|\s)(?:ai|gi|nao|bao nhieu|bao gio|the nao|ra sao|o dau|co phai|(?:cho|xin) (?:em |minh |toi )?hoi|giup (?:em|minh|toi)|cho biet|liet ke|tra cuu|kiem tra giup|xem giup)(?=\s|$|[.,:;!])/;
/** A message that opens with a task number or a report or registration verb is staff talking to the bot. */
const COMMAND_OPENING =
  /^(?:@\S+\s+)?(?:bao cao|cap nhat|dang ky|dang ki|nhiem vu|nv|muc|stt|toi thuoc|em thuoc|minh thuoc|[ivx]+\.\d)/;

const asks = (sentence: string): boolean => sentence.includes('?') || ASKING.test(fold(sentence));
const sentencesOf = (text: string): string[] =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?…;])\s+/)
    .filter((sentence) => sentence.length > 1);

export function isPastedText(raw: string): boolean {
  const head = raw.slice(0, PASTED.scannedChars);
  const lines = head
    .split(/\r?\n/)
    .map((line) => fold(line))
    .filter((line) => line !== '');
  const flat = fold(head);
  if (COMMAND_OPENING.test(flat)) return false;
  const sentences = sentencesOf(head);
  const last = sentences[sentences.length - 1] ?? '';
  // A forward with a question mark at its end is a question about what was forwarded.
  const forwarded =
    lines.some((line) => FORWARD_MARKER.test(line)) ||
    lines.filter((line) => QUOTED_LINE.test(line)).length >= 2;
  if (forwarded) return !last.includes('?');
  if ([sentences[0] ?? '', last].some(asks)) return false;
  if (LINK.test(head) && flat.length >= PASTED.minCharsWithLink) return true;
  const sentenceCount = Math.max(sentences.length, lines.length);
  return flat.length >= PASTED.minChars && sentenceCount >= PASTED.minSentences;
}

/**
 * A long message that ends with a question ("Chào bot. Em mới về phòng… Cho em hỏi phòng em phải làm gì ạ?"):
 * the question is its last sentence, and the story before it would only mislead the rules ("cuối năm" read as a
 * deadline). Null when the message is short, opens with a command, or does not end by asking.
 */
export function findAskedSentence(raw: string): string | null {
  if (raw.length > PASTED.scannedChars || fold(raw).length < PASTED.minChars) return null;
  if (COMMAND_OPENING.test(fold(raw))) return null;
  const sentences = sentencesOf(raw);
  const last = sentences[sentences.length - 1];
  if (sentences.length < PASTED.minSentences || last === undefined || !asks(last)) return null;
  return last;
}
