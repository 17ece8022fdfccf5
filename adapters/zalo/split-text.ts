import { splitText } from '../split-text.ts';

/** Zalo refuses a sendMessage text longer than this (counted here in UTF-16 units, the safe reading). */
export const ZALO_TEXT_LIMIT = 2000;

export function splitForZalo(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  return splitText(text, limit);
}
