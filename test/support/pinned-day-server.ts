/**
 * The bot server exactly as `adapters/server.ts` starts it, on a fixed day: tests never read the machine's clock.
 * `PINNED_NOW` (an ISO instant, e.g. 2026-11-22T09:00:00+07:00) is where the clock starts; it then runs on at
 * the real pace, so timeouts, leases and sessions behave as they do in production.
 */
import { createLogger, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { whenStopRequested } from '../../adapters/shutdown.ts';

const pinned = Date.parse(process.env.PINNED_NOW ?? '');
if (Number.isNaN(pinned)) throw new Error('PINNED_NOW must be an ISO instant');
const startedAt = Date.now();
const clock = () => new Date(pinned + (Date.now() - startedAt));

const config = parseConfig(process.env);
const logger = createLogger(config);
const stopRequested = whenStopRequested(logger, (code) => process.exit(code));
const bot = await startBot(config, { logger, clock });
await stopRequested;
await bot.stop();
process.exit(0);
