const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Splits a reply into pieces of at most `limit` UTF-16 units (Zalo's 2,000, Teams' message size). Cuts on a line break, else a
 * space (preferring one in the second half of the window), else between graphemes, so no surrogate pair, tone
 * mark or emoji sequence is torn. The line break or space cut on is dropped; blank pieces are dropped.
 */
export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError('limit must be an integer ≥ 2');
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const { end, skip } = findCut(rest, limit);
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end + skip);
  }
  pieces.push(rest);
  return pieces.filter((piece) => piece.trim() !== '');
}

function findCut(text: string, limit: number): { end: number; skip: number } {
  const half = Math.floor(limit / 2);
  const newline = text.lastIndexOf('\n', limit);
  const space = text.lastIndexOf(' ', limit);
  const at = newline >= half ? newline : space >= half ? space : newline > 0 ? newline : space;
  if (at > 0) return text[at - 1] === '\r' && at > 1 ? { end: at - 1, skip: 2 } : { end: at, skip: 1 };
  return { end: hardCut(text, limit), skip: 0 };
}

/** The last grapheme boundary at or before `limit`; failing that, the limit moved off a surrogate pair. */
function hardCut(text: string, limit: number): number {
  let cut = 0;
  for (const { index } of graphemes.segment(text.slice(0, limit + 2))) {
    if (index > limit) break;
    cut = index;
  }
  if (cut > 0) return cut;
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}
