import type { Command } from 'commander';
import { formatSize, megabytes } from '../import/file-size.ts';
import { type FileResult, importFiles } from '../import/import-files.ts';
import { loadLexicon } from '../import/lexicon-file.ts';
import { formatFileResult, formatTotals } from '../import/report.ts';
import { backupDatabase, type DatabaseSummary } from '../kb/backup.ts';
import { exportKnowledgeBase } from '../kb/export.ts';
import { openDatabase } from '../kb/open.ts';
import { restoreDatabase } from '../kb/restore.ts';
import { DEFAULT_LEXICON_PATH } from '../paths.ts';
import { dbOption, parseMegabytes } from './options.ts';

/** Defaults the composition root read from the environment (DB_PATH, IMPORT_MAX_MB). */
export interface KbDefaults {
  db: string;
  importMaxMb: number;
}

/** `import`, `export --json`, `backup`, `restore`: the commands that move whole plans or databases. */
export function addKnowledgeBaseCommands(program: Command, defaults: KbDefaults): void {
  addImport(program, defaults);
  program
    .command('export')
    .description('In toàn bộ kho nhiệm vụ')
    .requiredOption('--json', 'dạng JSON (bắt buộc)')
    .addOption(dbOption(defaults.db))
    .action((opts: { db: string }) => {
      const db = openDatabase(opts.db, { mustExist: true });
      try {
        process.stdout.write(`${JSON.stringify(exportKnowledgeBase(db))}\n`);
      } finally {
        db.close();
      }
    });
  addBackupAndRestore(program, defaults);
}

function addImport(program: Command, defaults: KbDefaults): void {
  program
    .command('import')
    .description('Nhập kế hoạch (.txt, .docx, .xlsx, .pdf hoặc cả thư mục) vào kho nhiệm vụ')
    .argument('<tệp-hoặc-thư-mục...>', 'tệp hoặc thư mục kế hoạch')
    .addOption(dbOption(defaults.db))
    .option('--json', 'in kết quả dạng JSON (mỗi tệp một dòng)')
    .option(
      '--max-mb <số>',
      'không đọc tệp kế hoạch nặng hơn số MB này; theo IMPORT_MAX_MB nếu không ghi',
      parseMegabytes,
      defaults.importMaxMb,
    )
    .action(async (paths: string[], opts: { db: string; json?: boolean; maxMb: number }) => {
      const db = openDatabase(opts.db);
      try {
        const json = opts.json === true;
        const results = await importFiles(paths, {
          db,
          lexicon: loadLexicon(DEFAULT_LEXICON_PATH),
          clock: () => new Date(),
          cwd: process.cwd(),
          maxFileBytes: megabytes(opts.maxMb),
          onProgress: (done, total, result) => report(done, total, result, json),
        });
        if (!json) process.stdout.write(`${formatTotals(results)}\n`);
        if (results.length === 0 || results.some((r) => r.kind === 'failed')) process.exitCode = 1;
      } finally {
        db.close();
      }
    });
}

function report(done: number, total: number, result: FileResult, json: boolean): void {
  process.stdout.write(`${json ? JSON.stringify(result) : formatFileResult(result)}\n`);
  // With many files, a progress line on stderr tells the clerk the run is alive without cluttering stdout.
  if (total > 20 && (done % 50 === 0 || done === total)) process.stderr.write(`[${done}/${total}] tệp\n`);
}

const contents = (s: DatabaseSummary) =>
  `lược đồ v${s.schemaVersion}, ${s.plans} kế hoạch, ${s.tasks} nhiệm vụ, ${s.users} người dùng`;

function addBackupAndRestore(program: Command, defaults: KbDefaults): void {
  program
    .command('backup')
    .description('Sao lưu cơ sở dữ liệu vào một tệp (an toàn cả khi máy chủ đang chạy)')
    .requiredOption('--out <tệp>', 'tệp sao lưu sẽ ghi')
    .option('--overwrite', 'ghi đè nếu tệp --out đã có')
    .addOption(dbOption(defaults.db))
    .action(async (opts: { db: string; out: string; overwrite?: boolean }) => {
      // Read only: the source is neither created nor migrated.
      const db = openDatabase(opts.db, { mustExist: true, migrate: false });
      try {
        const result = await backupDatabase(db, opts.out, { overwrite: opts.overwrite === true });
        process.stdout.write(
          `Đã sao lưu ${opts.db} vào ${result.path}: ${formatSize(result.bytes)}, ${contents(result)}.\n`,
        );
      } finally {
        db.close();
      }
    });
  program
    .command('restore')
    .description('Khôi phục cơ sở dữ liệu từ một bản sao lưu (máy chủ phải dừng trước)')
    .argument('<tệp>', 'tệp sao lưu (do lệnh backup hoặc bản sao lưu hằng ngày tạo ra)')
    .addOption(dbOption(defaults.db))
    .action((file: string, opts: { db: string }) => {
      const result = restoreDatabase(file, opts.db, new Date());
      const kept = result.keptAs
        ? `Cơ sở dữ liệu cũ được giữ ở ${result.keptAs}.`
        : `Trước đó chưa có cơ sở dữ liệu ở ${opts.db} nên không có bản cũ nào cần giữ.`;
      process.stdout.write(`Đã khôi phục ${opts.db} từ ${file}: ${contents(result)}.\n${kept}\n`);
    });
}
