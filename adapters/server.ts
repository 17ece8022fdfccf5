/**
 * Composition root of the bot server (`npm start`): the one place that reads the environment and wires the
 * core together. Chat adapters (Zalo, Teams) plug in here in later issues; today it serves /healthz and keeps
 * the knowledge base loaded with the shipped plans.
 */
import { createServer, type Server } from 'node:http';
import pino from 'pino';
import { importFiles } from '../src/import/import-files.ts';
import { loadLexicon } from '../src/import/lexicon-file.ts';
import { formatFileResult } from '../src/import/report.ts';
import { type Db, openDatabase } from '../src/kb/open.ts';
import { countPlans, isDatabaseReachable } from '../src/kb/plans-repo.ts';
import { DEFAULT_LEXICON_PATH, SHIPPED_PLANS_DIR } from '../src/paths.ts';
import { parseConfig } from './config.ts';

const config = parseConfig(process.env);
const logger = pino({ level: config.LOG_LEVEL });

async function seedIfEmpty(db: Db): Promise<void> {
  if (countPlans(db) > 0) return;
  logger.info({ dir: SHIPPED_PLANS_DIR }, 'Kho nhiệm vụ trống: nhập các kế hoạch đi kèm');
  const results = await importFiles([SHIPPED_PLANS_DIR], {
    db,
    lexicon: loadLexicon(DEFAULT_LEXICON_PATH),
    clock: () => new Date(),
    cwd: process.cwd(),
  });
  for (const r of results) logger.info({ file: r.file, ok: r.kind === 'imported' }, formatFileResult(r));
}

function serve(db: Db): Server {
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      if (isDatabaseReachable(db)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } else {
        logger.error('healthz: database unreachable');
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false}');
      }
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
}

async function main(): Promise<void> {
  const db = openDatabase(config.DB_PATH);
  await seedIfEmpty(db);
  const server = serve(db);
  server.listen(config.PORT, () => {
    logger.info({ port: config.PORT, db: config.DB_PATH }, 'nhiemvu đang chạy');
    logger.info('Tra cứu kho nhiệm vụ: npm run --silent cli -- export --json');
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'Đang dừng');
    server.close(() => {
      db.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
