import type { Logger } from 'pino';
import type { Assistant } from '../../src/core/assistant.ts';
import { claimUpdate, markHandled, recordGroup } from '../../src/kb/inbound-repo.ts';
import type { Db } from '../../src/kb/open.ts';
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
}

export interface ZaloAdapter {
  /**
   * Accepts a raw update (webhook body or polled). It is claimed (persisted) before this returns, so the webhook
   * answers 200 only for an update that survives a crash; throws if it cannot be stored. The promise resolves
   * once the update is answered (or dropped).
   */
  handle(raw: unknown): Promise<void>;
  /** Answers an update stored earlier but never answered (the process stopped in between). */
  replay(raw: unknown): Promise<void>;
  /** Resolves when every update in hand is handled (graceful shutdown). */
  idle(): Promise<void>;
}

/** Translates Zalo updates to the core and back; no business rule lives here. */
export function createZaloAdapter(deps: ZaloAdapterDeps): ZaloAdapter {
  // Sends to one chat are sequential: a reply split in pieces must not interleave with the next reply.
  const chains = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();

  // The claim and the group's record in one commit.
  const claim = deps.db.transaction((raw: unknown, update: Extract<ZaloInbound, { kind: 'message' }>) => {
    const now = deps.clock();
    const claimed = claimUpdate(
      deps.db,
      ZALO_CHANNEL,
      update.chatId,
      update.messageId,
      JSON.stringify(raw),
      now,
    );
    if (claimed && update.isGroup) recordGroup(deps.db, ZALO_CHANNEL, update.chatId, now);
    return claimed;
  });

  const process = async (update: Extract<ZaloInbound, { kind: 'message' }>): Promise<void> => {
    if (update.event !== 'message.text.received') {
      if (!update.isGroup) await deps.client.sendText(update.chatId, MESSAGES.nonText);
    } else {
      const text = update.isGroup ? stripMention(update.text, deps.botName) : update.text;
      const answer = deps.assistant.handle({
        channel: ZALO_CHANNEL,
        userKey: update.userId,
        text,
        chat: { id: update.chatId, isGroup: update.isGroup },
      });
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

  return {
    handle: (raw) => enqueue(raw, false),
    replay: (raw) => enqueue(raw, true),
    async idle() {
      await Promise.all([...inFlight]);
    },
  };
}
