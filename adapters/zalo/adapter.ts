import type { Logger } from 'pino';
import { createAnswerOnce } from '../../src/core/answer-once.ts';
import type { Assistant } from '../../src/core/assistant.ts';
import {
  claimUpdate,
  findOrphans,
  markHandled,
  recordGroup,
  takeOverOrphan,
} from '../../src/kb/inbound-repo.ts';
import type { Db } from '../../src/kb/open.ts';
import { toFailureReply } from '../../src/reply/failure-reply.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import { splitForZalo, type ZaloClient } from './client.ts';
import { parseZaloUpdate, stripMention, type ZaloInbound } from './inbound.ts';

export const ZALO_CHANNEL = 'zalo';

export interface ZaloAdapterDeps {
  db: Db;
  client: ZaloClient;
  assistant: Assistant;
  logger: Logger;
  botName: string | null;
  clock: () => Date;
  /** This server in the `instances` table: its claims name it, so a live server's updates are never replayed. */
  instanceId: string;
}

export interface ZaloAdapter {
  /**
   * Accepts a raw update (webhook body or polled). It is claimed (persisted) before this returns, so the webhook
   * answers 200 only for an update that survives a crash; throws if it cannot be stored. The promise resolves
   * once the update is answered (or dropped).
   */
  handle(raw: unknown): Promise<void>;
  /**
   * Answers the updates stored but never answered by a server that is gone (killed mid-answer), taking each over
   * first so that of two servers only one answers it. Returns how many were taken.
   */
  replayOrphans(): number;
  /** Resolves when every update in hand is handled (graceful shutdown). */
  idle(): Promise<void>;
  /** Updates accepted and not yet answered: what a stop cut short would leave to the next active server. */
  inHand(): number;
}

/** Translates Zalo updates to the core and back; no business rule lives here. */
export function createZaloAdapter(deps: ZaloAdapterDeps): ZaloAdapter {
  // Sends to one chat are sequential: a reply split in pieces must not interleave with the next reply.
  const chains = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();

  // The claim and the group's record in one commit. A redelivery of an update a dead server left unanswered is
  // taken over and answered; one a live server (this one included) is answering is a duplicate.
  const claim = deps.db.transaction((raw: unknown, update: Extract<ZaloInbound, { kind: 'message' }>) => {
    const now = deps.clock();
    const { db, instanceId } = deps;
    const { chatId, messageId } = update;
    const claimed =
      claimUpdate(db, ZALO_CHANNEL, chatId, messageId, JSON.stringify(raw), now, instanceId) ||
      takeOverOrphan(db, ZALO_CHANNEL, chatId, messageId, instanceId, now);
    if (claimed && update.isGroup) recordGroup(db, ZALO_CHANNEL, chatId, now);
    return claimed;
  });

  const answerOnce = createAnswerOnce(deps.db, deps.assistant);
  // A failed answer (a read-only or full database, a bug) still gets a reply saying so; the log keeps the error.
  const answerOrApology = (update: Extract<ZaloInbound, { kind: 'message' }>, text: string) => {
    try {
      const key = { channel: ZALO_CHANNEL, chatId: update.chatId, messageId: update.messageId };
      return answerOnce(key, {
        channel: ZALO_CHANNEL,
        userKey: update.userId,
        displayName: update.displayName,
        text,
        chat: { id: update.chatId, isGroup: update.isGroup },
      });
    } catch (error) {
      deps.logger.error({ err: error, chatId: update.chatId }, 'zalo: answer failed');
      return { reply: toFailureReply(error) };
    }
  };

  const process = async (update: Extract<ZaloInbound, { kind: 'message' }>): Promise<void> => {
    if (update.event !== 'message.text.received') {
      if (!update.isGroup) await deps.client.sendText(update.chatId, MESSAGES.nonText);
    } else {
      const text = update.isGroup ? stripMention(update.text, deps.botName) : update.text;
      const answer = answerOrApology(update, text);
      // An answer takes a few milliseconds; what takes time is sending a long one in pieces. "typing" shows
      // while those go out, and is not worth a round trip to Zalo before a one-message reply.
      if (splitForZalo(answer.reply).length > 1) {
        await deps.client.sendChatAction(update.chatId, 'typing').catch((error: unknown) => {
          deps.logger.warn({ err: error }, 'zalo: typing indicator failed');
        });
      }
      await deps.client.sendText(update.chatId, answer.reply);
    }
    markHandled(deps.db, ZALO_CHANNEL, update.chatId, update.messageId, deps.clock());
  };

  const enqueue = (raw: unknown, alreadyClaimed: boolean): Promise<void> => {
    const parsed = parseZaloUpdate(raw);
    if (parsed.kind === 'ignored') {
      deps.logger.info({ reason: parsed.reason }, 'zalo: update ignored');
      return Promise.resolve();
    }
    if (!alreadyClaimed && !claim(raw, parsed)) {
      deps.logger.info(
        { chatId: parsed.chatId, messageId: parsed.messageId },
        'zalo: duplicate delivery dropped',
      );
      return Promise.resolve();
    }
    const key = parsed.chatId;
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => process(parsed))
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'zalo: update failed');
      });
    chains.set(key, next);
    inFlight.add(next);
    void next.finally(() => {
      inFlight.delete(next);
      if (chains.get(key) === next) chains.delete(key);
    });
    return next;
  };

  const replayOrphans = (): number => {
    const { db, instanceId } = deps;
    const now = deps.clock();
    let taken = 0;
    for (const orphan of findOrphans(db, ZALO_CHANNEL, now)) {
      if (!takeOverOrphan(db, ZALO_CHANNEL, orphan.chatId, orphan.messageId, instanceId, now)) continue;
      taken++;
      const raw = parseStored(orphan.payload);
      if (raw === null) {
        // Nothing to answer from; left unhandled it would be taken over again after every restart.
        markHandled(db, ZALO_CHANNEL, orphan.chatId, orphan.messageId, now);
        deps.logger.warn({ chatId: orphan.chatId }, 'zalo: stored update unreadable; not answered');
      } else void enqueue(raw, true);
    }
    if (taken > 0)
      deps.logger.info(
        { taken },
        'zalo: trả lời các tin đã nhận nhưng chưa trả lời trước khi máy chủ cũ dừng',
      );
    return taken;
  };

  return {
    handle: (raw) => enqueue(raw, false),
    replayOrphans,
    async idle() {
      await Promise.all([...inFlight]);
    },
    inHand: () => inFlight.size,
  };
}

/** A stored payload was written by JSON.stringify; null when it cannot be read back. */
function parseStored(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}
