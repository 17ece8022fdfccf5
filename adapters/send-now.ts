import type { Logger } from 'pino';
import type { Runtime } from '../src/compose/runtime.ts';
import { enqueue } from '../src/kb/outbox-repo.ts';
import { listAllSubscriptions } from '../src/kb/subscriptions-repo.ts';
import { digestEntry } from '../src/schedule/plan-digests.ts';
import type { Config } from './config.ts';
import type { Deliverer } from './outbox/deliverer.ts';
import { type DrainResult, drainOutbox } from './outbox/drain.ts';
import { zaloDeliverer } from './outbox/zalo-deliverer.ts';
import { teamsDeliverer } from './teams/outbox-deliverer.ts';
import { createStandaloneTeamsSender } from './teams/standalone-sender.ts';
import { createZaloClient } from './zalo/client.ts';

export interface SendNowResult extends DrainResult {
  queued: number;
  skipped: { channel: string; chatId: string; reason: string }[];
}

/**
 * `cli digest --send-now`: every subscription's digest (or one group's) built now and sent at once through the
 * same outbox as the scheduler, so it is recorded like any other send. A chat whose channel is not configured is
 * skipped and named.
 */
export async function sendDigestsNow(
  config: Config,
  runtime: Runtime,
  logger: Logger,
  group?: string,
): Promise<SendNowResult> {
  const zalo = config.ZALO_BOT_TOKEN
    ? createZaloClient({ token: config.ZALO_BOT_TOKEN, baseUrl: config.ZALO_API_BASE, logger })
    : null;
  const deliverers: Deliverer[] = [
    ...(zalo ? [zaloDeliverer(zalo)] : []),
    // Without an app id the sender refuses any conversation off this machine (nothing is sent there).
    teamsDeliverer(createStandaloneTeamsSender({ config, db: runtime.db, logger, clock: runtime.clock })),
  ];
  const channels = new Set(deliverers.map((d) => d.channel));
  const now = runtime.clock();
  const ctx = { db: runtime.db, k: runtime.knowledge() };
  const skipped: SendNowResult['skipped'] = [];
  let queued = 0;
  for (const sub of listAllSubscriptions(runtime.db).filter((s) => !group || s.chatId === group)) {
    if (!channels.has(sub.channel)) {
      skipped.push({
        channel: sub.channel,
        chatId: sub.chatId,
        reason: `kênh ${sub.channel} chưa được cấu hình`,
      });
      continue;
    }
    const key = `digest-now|${sub.channel}|${sub.chatId}|${sub.unitId}|${now.toISOString()}`;
    const entry = digestEntry(ctx, sub, now, key);
    if (entry && enqueue(runtime.db, entry, now)) queued++;
  }
  const drained = await drainOutbox({ db: runtime.db, deliverers, logger, clock: runtime.clock });
  await zalo?.close();
  return { queued, skipped, ...drained };
}
