import { findAnswer, saveAnswer } from '../kb/inbound-repo.ts';
import type { Db } from '../kb/open.ts';
import { changesSoFar } from '../kb/prepared.ts';
import type { Assistant } from './assistant.ts';
import type { Answer, Inbound } from './types.ts';

/** A chat message as the platform identifies it: the key of its claim in `inbound_updates`. */
export interface DeliveryKey {
  channel: string;
  chatId: string;
  messageId: string;
}

/**
 * Answers a claimed message once, whatever happens after. The answer is stored in the same transaction as the
 * message's own writes (a progress report, a registration), so a server killed before the reply went out leaves
 * both or neither: the next server sends the stored answer, and never records the report a second time.
 * Only what a reply is rendered from is kept (the task list's page, not the whole result set).
 */
export function createAnswerOnce(db: Db, assistant: Assistant) {
  // Rows changed on this connection so far. A question that wrote nothing (most of them) is answered afresh on a
  // replay at no harm, so only answers that wrote are stored: the webhook's hot path keeps its one small commit.
  const run = db.transaction((key: DeliveryKey, inbound: Inbound): Answer => {
    const stored = findAnswer(db, key.channel, key.chatId, key.messageId);
    if (stored !== null) return JSON.parse(stored) as Answer;
    const before = changesSoFar(db);
    const answer = assistant.handle(inbound);
    // The follow-up memory alone ("thế còn Văn phòng Sở?" reads it) is no write worth keeping an answer for.
    if (changesSoFar(db) !== before && !assistant.replayable?.(answer)) {
      const kept: Answer = { ...answer, tasks: [] };
      saveAnswer(db, key.channel, key.chatId, key.messageId, JSON.stringify(kept));
    }
    return answer;
  });
  return (key: DeliveryKey, inbound: Inbound): Answer => run(key, inbound);
}
