import type { Logger } from 'pino';
import type { Runtime } from '../../src/compose/runtime.ts';
import type { Config } from '../config.ts';
import { createZaloAdapter, type ZaloAdapter } from './adapter.ts';
import { createZaloClient, type ZaloClient } from './client.ts';
import { type Poller, startPolling } from './poller.ts';

/**
 * Zalo for one server. Every instance answers what reaches its HTTP server (the webhook); only the active one
 * registers the webhook or polls (one poller per token), and answers what a dead server left unanswered.
 */
export interface ZaloWiring {
  adapter: ZaloAdapter;
  client: ZaloClient;
  /** The webhook route's settings, or null in long-polling mode. */
  webhook: { adapter: ZaloAdapter; secret: string } | null;
  /** Becoming active: orphaned updates answered, then the webhook registered or polling started. */
  activate(): Promise<void>;
  /** Back to standby or stopping: polling stops (the update in hand is answered first). */
  deactivate(): Promise<void>;
  /** After the last update is answered: the connections to Zalo are closed. */
  close(): Promise<void>;
}

export function wireZalo(
  config: Config,
  token: string,
  runtime: Runtime,
  logger: Logger,
  instanceId: string,
): ZaloWiring {
  const client = createZaloClient({ token, baseUrl: config.ZALO_API_BASE, logger });
  const adapter = createZaloAdapter({
    db: runtime.db,
    client,
    assistant: runtime.assistant,
    logger,
    botName: config.ZALO_BOT_NAME ?? null,
    clock: runtime.clock,
    instanceId,
  });
  const url = config.ZALO_WEBHOOK_URL;
  const secret = config.ZALO_WEBHOOK_SECRET;
  let poller: Poller | null = null;
  return {
    adapter,
    client,
    webhook: secret ? { adapter, secret } : null,
    async activate() {
      adapter.replayOrphans();
      if (url && secret) {
        await client.setWebhook(url, secret);
        logger.info('zalo: webhook registered');
      } else if (!poller) {
        poller = startPolling(client, adapter, logger);
        logger.info('zalo: long polling (no ZALO_WEBHOOK_URL)');
      }
    },
    async deactivate() {
      const stopping = poller;
      poller = null;
      await stopping?.stop();
    },
    close: () => client.close(),
  };
}
