/**
 * "No lost or doubled reply", checked from both ends. The fake Zalo's call log is in arrival order and the bot
 * answers one chat strictly in sequence. A one-piece reply is one sendMessage; a reply split in pieces starts
 * with a typing call, and each later piece is recognised as the continuation of the one before (joined, they
 * exceed Zalo's limit and the splitter cuts them exactly there): a long reply is still one reply.
 * The bot's `inbound_updates` table says which updates it claimed (once per chat and message id, in claim order)
 * and which it finished. Every update the webhook accepted (HTTP 200) must be claimed and handled, and every
 * chat must have exactly as many non-empty replies as claimed updates.
 */
import { splitForZalo, ZALO_TEXT_LIMIT } from '../adapters/zalo/split-text.ts';
import type { Db } from '../src/kb/open.ts';

/** The fake's record of one Bot API call (`FakeZalo['calls']`). */
export interface ZaloCall {
  method: string;
  params: Record<string, unknown>;
}

export interface ClaimedRow {
  rowid: number;
  chatId: string;
  messageId: string;
  handled: boolean;
}

export interface DeliveryCheck {
  /** Updates the webhook answered 200 to, and those the bot claimed (includes any in flight when load stopped). */
  accepted: number;
  claimed: number;
  handled: number;
  /** Replies (one or more pieces each) and pieces (sendMessage calls) seen by the fake. */
  replies: number;
  pieces: number;
  /** A reply split in more than one piece. */
  splitReplies: number;
  /** Accepted but never claimed or never handled, or a chat with fewer replies than claimed updates. */
  lost: number;
  /** A chat with more replies than claimed updates, or a message id claimed that was posted more than once. */
  doubled: number;
  /** Typing with no piece after it, or a piece the fake refused. */
  malformed: number;
  /** Claimed by the bot, but the webhook's answer never reached the load generator (posted as the load stopped). */
  claimedNotAcknowledged: number;
  ok: boolean;
}

/** Claimed rows after `afterRowid`, in claim order. */
export function readClaims(db: Db, afterRowid: number): ClaimedRow[] {
  const rows = db
    .prepare<[number], { rowid: number; chat_id: string; message_id: string; handled_at: string | null }>(
      `SELECT rowid, chat_id, message_id, handled_at FROM inbound_updates
       WHERE channel = 'zalo' AND rowid > ? ORDER BY rowid`,
    )
    .all(afterRowid);
  return rows.map((r) => ({
    rowid: r.rowid,
    chatId: r.chat_id,
    messageId: r.message_id,
    handled: r.handled_at !== null,
  }));
}

export function lastClaimRowid(db: Db): number {
  const row = db.prepare<[], { n: number | null }>('SELECT max(rowid) AS n FROM inbound_updates').get();
  return row?.n ?? 0;
}

export function countUnhandled(db: Db, afterRowid: number): { claimed: number; unhandled: number } {
  const row = db
    .prepare<[number], { claimed: number; unhandled: number | null }>(
      `SELECT count(*) AS claimed, sum(handled_at IS NULL) AS unhandled FROM inbound_updates
       WHERE channel = 'zalo' AND rowid > ?`,
    )
    .get(afterRowid);
  return { claimed: row?.claimed ?? 0, unhandled: row?.unhandled ?? 0 };
}

/** True when `next` is the piece the splitter cut from the same reply right after `previous`. */
function continues(previous: string, next: string): boolean {
  return ['\n', ' '].some((sep) => {
    const whole = `${previous}${sep}${next}`;
    return whole.length > ZALO_TEXT_LIMIT && splitForZalo(whole)[0] === previous;
  });
}

/** Pieces per reply, per chat, from the fake's call log. */
function repliesByChat(calls: readonly ZaloCall[]): Map<string, number[]> {
  const byChat = new Map<string, number[]>();
  const open = new Map<string, string | null>();
  for (const { method, params } of calls) {
    const chatId = typeof params.chat_id === 'string' ? params.chat_id : '';
    const replies = byChat.get(chatId) ?? [];
    byChat.set(chatId, replies);
    if (method === 'sendChatAction') {
      // A split reply starts: its first piece follows.
      replies.push(0);
      open.set(chatId, '');
    } else if (method === 'sendMessage') {
      const text = typeof params.text === 'string' ? params.text : '';
      const previous = open.get(chatId);
      const last = replies.length - 1;
      const joins = previous === '' || (previous != null && continues(previous, text));
      if (joins && last >= 0) {
        replies[last] = (replies[last] ?? 0) + 1;
        open.set(chatId, text);
      } else {
        replies.push(1);
        open.set(chatId, null);
      }
    }
  }
  return byChat;
}

export interface CheckInput {
  /** The fake's calls made during the measured load only. */
  calls: readonly ZaloCall[];
  /** sendMessage calls the fake accepted in the same span (it refuses a malformed one but still logs the call). */
  acceptedPieces: number;
  claims: readonly ClaimedRow[];
  /** Message ids posted, with their chat; and those the webhook answered 200. */
  posted: ReadonlyMap<string, string>;
  postedTwice: number;
  acknowledged: ReadonlySet<string>;
}

export function checkDeliveries(input: CheckInput): DeliveryCheck {
  const byChat = repliesByChat(input.calls);
  const claimedPerChat = new Map<string, number>();
  const claimedIds = new Set<string>();
  let handled = 0;
  let foreign = 0;
  for (const row of input.claims) {
    claimedPerChat.set(row.chatId, (claimedPerChat.get(row.chatId) ?? 0) + 1);
    claimedIds.add(row.messageId);
    if (row.handled) handled++;
    if (input.posted.get(row.messageId) !== row.chatId) foreign++;
  }
  let lost =
    [...input.acknowledged].filter((id) => !claimedIds.has(id)).length + (input.claims.length - handled);
  let doubled = input.postedTwice + foreign;
  for (const chatId of new Set([...claimedPerChat.keys(), ...byChat.keys()])) {
    const expected = claimedPerChat.get(chatId) ?? 0;
    const got = (byChat.get(chatId) ?? []).filter((pieces) => pieces > 0).length;
    if (got < expected) lost += expected - got;
    if (got > expected) doubled += got - expected;
  }
  const all = [...byChat.values()].flat();
  const pieces = all.reduce((sum, n) => sum + n, 0);
  const refused = Math.abs(pieces - input.acceptedPieces);
  const malformed = all.filter((n) => n === 0).length + refused;
  const claimedNotAcknowledged = [...claimedIds].filter((id) => !input.acknowledged.has(id)).length;
  return {
    accepted: input.acknowledged.size,
    claimed: input.claims.length,
    handled,
    replies: all.filter((pieces) => pieces > 0).length,
    pieces,
    splitReplies: all.filter((pieces) => pieces > 1).length,
    lost,
    doubled,
    malformed,
    claimedNotAcknowledged,
    ok: lost === 0 && doubled === 0 && malformed === 0,
  };
}
