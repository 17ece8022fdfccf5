/**
 * `npm start` (`exec node --import tsx adapters/server.ts`: one process, so a service manager's or npm's signal
 * reaches it): the one place that reads the environment. With no credentials the bot still runs: the shipped
 * plans are imported into an empty database and /healthz answers; the log says how to try it and connect Zalo.
 * SIGTERM or SIGINT stops it gracefully (adapters/shutdown.ts); a second one a moment later forces the exit.
 */
import { toFailureReport } from '../src/reply/failure-reply.ts';
import { createLogger, startBot } from './app.ts';
import { loadDotEnv, parseConfig } from './config.ts';
import { whenStopRequested } from './shutdown.ts';

async function main(): Promise<void> {
  loadDotEnv(); // .env in the working directory, if any; variables already set win
  const config = parseConfig(process.env);
  const logger = createLogger(config);
  // Listening before the start: a signal while the plans are being imported stops the bot once it is up.
  const stopRequested = whenStopRequested(logger, (code) => process.exit(code));
  const bot = await startBot(config, { logger });
  await stopRequested;
  await bot.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  // A storage failure at start (read-only file, full disk) in Vietnamese, with SQLite's own words after it.
  process.stderr.write(`${toFailureReport(error)}\n`);
  process.exit(1);
});
