/**
 * The bot server as the webhook benchmark runs it: its own process (as in production), configured from the
 * environment by `parseConfig` and started by `startBot`, on a fixed day (WEBHOOK_BENCH_NOW) so answers are the
 * same every run. Not to be imported: it starts a bot.
 * Talks to the benchmark over the IPC channel: `{kind: 'ready', url}` once listening; on `'stop'` it stops
 * gracefully (every update in hand answered) and says `{kind: 'stopped'}` before exiting.
 */
import { startBot } from '../adapters/app.ts';
import { parseConfig } from '../adapters/config.ts';

import { NOW_VARIABLE, type ServerMessage } from './webhook-process.ts';

function tell(message: ServerMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

async function main(): Promise<void> {
  const day = new Date(process.env[NOW_VARIABLE] ?? '');
  if (Number.isNaN(day.getTime())) throw new Error(`${NOW_VARIABLE} is not a date`);
  const bot = await startBot(parseConfig(process.env), { clock: () => day });
  process.on('message', (message: unknown) => {
    if (message === 'usage') {
      const { user, system } = process.cpuUsage();
      tell({ kind: 'usage', cpuMs: (user + system) / 1000 });
    }
    if (message !== 'stop') return;
    // Exit once the parent has heard: idle keep-alive sockets must not hold the process (nor a --cpu-prof write).
    void bot.stop().then(() => tell({ kind: 'stopped' }, () => process.exit(0)));
  });
  tell({ kind: 'ready', url: bot.url });
}

main().catch((error: unknown) => {
  tell({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});
