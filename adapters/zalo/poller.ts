import type { Logger } from 'pino';
import type { ZaloAdapter } from './adapter.ts';
import { ZaloApiError, type ZaloClient } from './client.ts';

/**
 * Long polling, for an office with no public address: one poller per token (only the active instance runs it),
 * polls one after another. An update is handed to the adapter, which stores it before answering (Zalo will not
 * deliver it again). `stop` aborts the poll under way and resolves once the update in hand is answered.
 */
export interface Poller {
  stop(): Promise<void>;
  done: Promise<void>;
}

export function startPolling(
  client: ZaloClient,
  adapter: ZaloAdapter,
  logger: Logger,
  timeoutSeconds = 30,
): Poller {
  const controller = new AbortController();
  const loop = async () => {
    while (!controller.signal.aborted) {
      try {
        const update = await client.getUpdates(timeoutSeconds, controller.signal);
        if (update !== null) await adapter.handle(update);
      } catch (error) {
        if (controller.signal.aborted) break;
        if (error instanceof ZaloApiError && error.errorCode === 401) {
          logger.error('zalo: the bot token was refused (401); polling stops. Check ZALO_BOT_TOKEN.');
          break;
        }
        logger.warn({ err: error }, 'zalo: polling failed, retrying');
        await pause(1000, controller.signal);
      }
    }
  };
  const done = loop();
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

/** A wait that a stop cuts short: the poller must not hold a graceful stop for its retry delay. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
