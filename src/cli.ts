#!/usr/bin/env node
/**
 * Command line of nhiemvu (a composition root, like adapters/server.ts: it alone reads the environment).
 * Contract relied on by deployment scripts:
 *   npm run --silent cli -- import [--db PATH] <file-or-folder>...
 *   npm run --silent cli -- export --json [--db PATH]
 */
import { Command, Option } from 'commander';
import { type FileResult, importFiles } from './import/import-files.ts';
import { loadLexicon } from './import/lexicon-file.ts';
import { formatFileResult, formatTotals } from './import/report.ts';
import { exportKnowledgeBase } from './kb/export.ts';
import { openDatabase } from './kb/open.ts';
import { DEFAULT_DB_PATH, DEFAULT_LEXICON_PATH } from './paths.ts';

function dbOption(): Option {
  return new Option('--db <path>', 'tệp SQLite (mặc định: DB_PATH hoặc data/nhiemvu.db)').default(
    process.env.DB_PATH || DEFAULT_DB_PATH,
  );
}

const program = new Command()
  .name('nhiemvu')
  .description('Trợ lý nhiệm vụ: nhập kế hoạch và tra cứu kho nhiệm vụ')
  .showHelpAfterError();

program
  .command('import')
  .description('Nhập kế hoạch (.txt, .docx, .xlsx hoặc cả thư mục) vào kho nhiệm vụ')
  .argument('<paths...>', 'tệp hoặc thư mục kế hoạch')
  .addOption(dbOption())
  .option('--json', 'in kết quả dạng JSON (mỗi tệp một dòng)')
  .action(async (paths: string[], opts: { db: string; json?: boolean }) => {
    const db = openDatabase(opts.db);
    try {
      const results = await importFiles(paths, {
        db,
        lexicon: loadLexicon(DEFAULT_LEXICON_PATH),
        clock: () => new Date(),
        cwd: process.cwd(),
        onProgress: (done, total, result) => report(done, total, result, opts.json === true),
      });
      if (!opts.json) process.stdout.write(`${formatTotals(results)}\n`);
      if (results.length === 0 || results.some((r) => r.kind === 'failed')) process.exitCode = 1;
    } finally {
      db.close();
    }
  });

function report(done: number, total: number, result: FileResult, json: boolean): void {
  process.stdout.write(`${json ? JSON.stringify(result) : formatFileResult(result)}\n`);
  // With many files, a progress line on stderr tells the clerk the run is alive without cluttering stdout.
  if (total > 20 && (done % 50 === 0 || done === total)) process.stderr.write(`[${done}/${total}] tệp\n`);
}

program
  .command('export')
  .description('In toàn bộ kho nhiệm vụ')
  .requiredOption('--json', 'dạng JSON (bắt buộc)')
  .addOption(dbOption())
  .action((opts: { db: string }) => {
    const db = openDatabase(opts.db);
    try {
      process.stdout.write(`${JSON.stringify(exportKnowledgeBase(db))}\n`);
    } finally {
      db.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
