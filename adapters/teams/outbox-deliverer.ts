import { type Activity, ActivityTypes, CardFactory } from 'botbuilder';
import { fromPlainText } from '../../src/reply/doc.ts';
import type { OutboxPayload } from '../../src/schedule/payload.ts';
import { type Deliverer, DeliveryError } from '../outbox/deliverer.ts';
import { digestCard } from './digest-card.ts';
import { ServiceUrlRefusedError } from './loopback.ts';
import { ConversationGoneError, type TeamsSender } from './proactive.ts';
import { renderDoc } from './render.ts';

/**
 * Teams: a digest as its Adaptive Card, any other message rendered from its blocks as chat answers are (a row
 * queued before messages had blocks, from its text); through the rate-limited proactive sender.
 */
export function teamsDeliverer(sender: TeamsSender): Deliverer {
  return {
    channel: 'teams',
    async deliver(chatId: string, payload: OutboxPayload) {
      const activities: Partial<Activity>[] = payload.digest
        ? [
            {
              type: ActivityTypes.Message,
              attachments: [CardFactory.adaptiveCard(digestCard(payload.digest))],
              summary: payload.digest.title,
            },
          ]
        : renderDoc(payload.doc ?? fromPlainText(payload.text));
      try {
        await sender.send(chatId, activities);
      } catch (error) {
        if (error instanceof ConversationGoneError) throw new DeliveryError('gone', error.message);
        // Refused before anything went out; an app id configured later lets a retry through.
        if (error instanceof ServiceUrlRefusedError) throw new DeliveryError('retry', error.message);
        const status = (error as { statusCode?: number } | null)?.statusCode;
        // An HTTP answer that is not a success means Teams refused it; no answer at all may mean it arrived.
        throw new DeliveryError(status !== undefined && status < 500 ? 'retry' : 'ambiguous', String(error));
      }
    },
  };
}
