import type { OutboxPayload } from '../../src/schedule/payload.ts';
import { classify, ZaloApiError, type ZaloClient } from '../zalo/client.ts';
import { type Deliverer, DeliveryError } from './deliverer.ts';

/**
 * Zalo: the text, split at 2,000 characters by the client and sent piece by piece. Zalo documents no error for
 * "bot removed from the group"; 403 and 404 on sendMessage are read as that (the group is unsubscribed).
 */
export function zaloDeliverer(client: ZaloClient): Deliverer {
  return {
    channel: 'zalo',
    async deliver(chatId: string, payload: OutboxPayload) {
      try {
        await client.sendText(chatId, payload.text);
      } catch (error) {
        if (error instanceof ZaloApiError && (error.errorCode === 403 || error.errorCode === 404))
          throw new DeliveryError('gone', error.message);
        const message = error instanceof Error ? error.message : String(error);
        throw new DeliveryError(classify(error) === 'ambiguous' ? 'ambiguous' : 'retry', message);
      }
    },
  };
}
