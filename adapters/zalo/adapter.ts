import type { Logger } from 'pino';
import type { Assistant } from '../../src/core/assistant.ts';
import { claimUpdate, markHandled, recordGroup } from '../../src/kb/inbound-repo.ts';
import type { Db } from '../../src/kb/open.ts';
import type { ZaloClient } from './client.ts';
import { parseZaloUpdate, stripMention, type ZaloInbound } from './inbound.ts';

export const ZALO_CHANNEL = 'zalo';

const UNSUPPORTED_HINT =
  'Tôi chỉ đọc được tin nhắn chữ. Bạn hãy gõ câu hỏi, ví dụ: “phòng tôi phụ trách gì?” hoặc “hướng dẫn”.';

export interface ZaloAdapterDeps {
  db: Db;
  client: ZaloClient;
  assistant: Assistant;
  logger: Logger;
  botName: string | null;
  clock: () => Date;
}

export interface ZaloAdapter {
  /** Accepts a raw update (webhook body or polled); returns once it is handled (or dropped). */
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

  const process = async (raw: unknown, update: ZaloInbound, alreadyClaimed: boolean): Promise<void> => {
    if (update.kind === 'ignored') {
      deps.logger.info({ reason: update.reason }, 'zalo: update ignored');
      return;
    }
    const now = deps.clock();
    const claimed =
      alreadyClaimed ||
      claimUpdate(deps.db, ZALO_CHANNEL, update.chatId, update.messageId, JSON.stringify(raw), now);
    if (!claimed) {
      deps.logger.info(
        { chatId: update.chatId, messageId: update.messageId },
        'zalo: duplicate delivery dropped',
      );
      return;
    }
    if (update.isGroup) recordGroup(deps.db, ZALO_CHANNEL, update.chatId, now);
    if (update.event !== 'message.text.received') {
      if (!update.isGroup) await deps.client.sendText(update.chatId, UNSUPPORTED_HINT);
    } else {
      const text = update.isGroup ? stripMention(update.text, deps.botName) : update.text;
      await deps.client.sendChatAction(update.chatId, 'typing').catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'zalo: typing indicator failed');
      });
      const answer = deps.assistant.handle({
        channel: ZALO_CHANNEL,
        userKey: update.userId,
        text,
        chat: { id: update.chatId, isGroup: update.isGroup },
      });
      await deps.client.sendText(update.chatId, answer.reply);
    }
    markHandled(deps.db, ZALO_CHANNEL, update.chatId, update.messageId, deps.clock());
  };

  const enqueue = (raw: unknown, alreadyClaimed: boolean): Promise<void> => {
    const parsed = parseZaloUpdate(raw);
    const key = parsed.kind === 'message' ? parsed.chatId : '';
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => process(raw, parsed, alreadyClaimed))
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
