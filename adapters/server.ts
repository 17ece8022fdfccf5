/**
 * `npm start`: the one place that reads the environment. With no credentials the bot still runs: the shipped
 * plans are imported into an empty database and /healthz answers; the log says how to try it and connect Zalo.
 */
import { startBot } from './app.ts';
import { parseConfig } from './config.ts';

async function main(): Promise<void> {
  const bot = await startBot(parseConfig(process.env));
  const shutdown = async () => {
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
