#!/usr/bin/env node
/**
 * Command line of nhiemvu (a composition root, like adapters/server.ts: it alone reads the environment).
 * Contract relied on by deployment scripts:
 *   npm run --silent cli -- import [--db PATH] <file-or-folder>...
 *   npm run --silent cli -- export --json [--db PATH]
 *   npm run --silent cli -- ask [--db PATH] [--org ORG] [--unit UNIT] [--role R] [--user ID] [--today D] [--json] "<text>"
 *   npm run --silent cli -- ask --jsonl [--db PATH]
 *   npm run --silent cli -- chat [--org … --unit …]
 *   npm run --silent cli -- users list|approve|set-role
 *   npm run --silent cli -- digest --preview (--group ID [--channel C] | --unit U [--org O]) [--today D] [--json]
 *   npm run --silent cli -- digest --send-now [--group ID]
 * As a composition root it may wire the adapters (digest --send-now sends through Zalo and Teams); the core may not.
 */
import { Command, Option } from 'commander';
import { createLogger } from '../adapters/app.ts';
import { parseConfig } from '../adapters/config.ts';
import { sendDigestsNow } from '../adapters/send-now.ts';
import { digestCard } from '../adapters/teams/digest-card.ts';
import { splitForZalo } from '../adapters/zalo/split-text.ts';
import { ask, askJsonLines, askRequestSchema } from './cli/ask.ts';
import { chat } from './cli/chat.ts';
import { previewDigests } from './cli/digest.ts';
import { createRuntime, type Runtime } from './cli/runtime.ts';
import { addUserCommands } from './cli/users.ts';
import { type FileResult, importFiles } from './import/import-files.ts';
import { loadLexicon } from './import/lexicon-file.ts';
import { formatFileResult, formatTotals } from './import/report.ts';
import { exportKnowledgeBase } from './kb/export.ts';
import { openDatabase } from './kb/open.ts';
import { DEFAULT_DB_PATH, DEFAULT_LEXICON_PATH } from './paths.ts';

const DB_DEFAULT = process.env.DB_PATH || DEFAULT_DB_PATH;

function dbOption(): Option {
  return new Option('--db <path>', 'tệp SQLite (mặc định: DB_PATH hoặc data/nhiemvu.db)').default(DB_DEFAULT);
}

const runtimes = new Map<string, Promise<Runtime>>();
function runtime(opts: { db: string }): Promise<Runtime> {
  const existing = runtimes.get(opts.db);
  if (existing) return existing;
  const created = createRuntime(opts.db);
  runtimes.set(opts.db, created);
  return created;
}

interface DigestOptions {
  db: string;
  preview?: boolean;
  sendNow?: boolean;
  group?: string;
  channel?: string;
  unit?: string;
  org?: string;
  today?: string;
  json?: boolean;
}

interface AskOptions {
  db: string;
  org?: string;
  unit?: string;
  role?: 'staff' | 'lead' | 'admin';
  user?: string;
  today?: string;
  json?: boolean;
  jsonl?: boolean;
}

function withUserOptions(command: Command): Command {
  return command
    .addOption(dbOption())
    .option('--org <name>', 'cơ quan của người hỏi (vd. "Sở Nội vụ")')
    .option('--unit <name>', 'đơn vị của người hỏi (vd. "Phòng Công chức, viên chức")')
    .addOption(new Option('--role <role>', 'vai trò').choices(['staff', 'lead', 'admin']))
    .option('--user <id>', 'mã người dùng (giữ đăng ký và hội thoại giữa các lần hỏi)')
    .option('--today <YYYY-MM-DD>', 'ngày hôm nay (mặc định: ngày hiện tại theo giờ Việt Nam)');
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

withUserOptions(program.command('ask').description('Hỏi bot một câu, như trong chat'))
  .argument('[text]', 'câu hỏi')
  .option('--json', 'in kết quả dạng JSON')
  .option('--jsonl', 'đọc mỗi dòng stdin một yêu cầu JSON, in mỗi dòng một kết quả')
  .action(async (text: string | undefined, opts: AskOptions) => {
    const rt = await runtime(opts);
    try {
      if (opts.jsonl) return await askJsonLines(rt, process.stdin, process.stdout);
      const request = askRequestSchema.parse({ ...opts, text: text ?? '' });
      const answer = ask(rt, request);
      process.stdout.write(`${opts.json ? JSON.stringify(answer) : answer.reply}\n`);
    } finally {
      rt.db.close();
    }
  });

withUserOptions(program.command('chat').description('Trò chuyện với bot trong cửa sổ dòng lệnh')).action(
  async (opts: AskOptions) => {
    const rt = await runtime(opts);
    const { org, unit, role, today } = opts;
    await chat(rt, {
      ...(org ? { org } : {}),
      ...(unit ? { unit } : {}),
      ...(role ? { role } : {}),
      ...(today ? { today } : {}),
    });
    rt.db.close();
  },
);

addUserCommands(program, DB_DEFAULT, runtime);

program
  .command('digest')
  .description('Bản tin tuần: xem trước (--preview) hoặc gửi ngay (--send-now)')
  .addOption(dbOption())
  .option('--preview', 'in đúng nội dung sẽ gửi, không gửi')
  .option('--send-now', 'gửi ngay bản tin của các nhóm đã đăng ký (hoặc của --group)')
  .option('--group <id>', 'mã nhóm chat (Zalo group id, Teams conversation id)')
  .option('--channel <channel>', 'kênh của nhóm: zalo hoặc teams')
  .option('--unit <name>', 'đơn vị (thay cho --group)')
  .option('--org <name>', 'cơ quan (thay cho --group, hoặc kèm --unit)')
  .option('--today <YYYY-MM-DD>', 'ngày của bản tin (mặc định: lần gửi gần nhất theo lịch)')
  .option('--json', 'in dạng JSON')
  .action(async (opts: DigestOptions) => {
    if (opts.preview === opts.sendNow) throw new Error('Chọn một trong --preview hoặc --send-now.');
    const rt = await runtime(opts);
    try {
      if (opts.sendNow) {
        const config = parseConfig({ ...process.env, DB_PATH: opts.db });
        const result = await sendDigestsNow(config, rt, createLogger(config), opts.group);
        process.stdout.write(`${JSON.stringify(result)}\n`);
        if (result.failed + result.gone + result.unknown > 0) process.exitCode = 1;
        return;
      }
      const previews = previewDigests(rt, {
        ...(opts.group ? { group: opts.group } : {}),
        ...(opts.channel ? { channel: opts.channel } : {}),
        ...(opts.unit ? { unit: opts.unit } : {}),
        ...(opts.org ? { org: opts.org } : {}),
        ...(opts.today ? { today: opts.today } : {}),
      });
      if (opts.json) {
        const shaped = previews.map((p) => ({
          ...p,
          ...(p.channel === 'teams' ? { card: digestCard(p.digest) } : {}),
        }));
        process.stdout.write(`${JSON.stringify(shaped)}\n`);
      } else {
        const blocks = previews.map((p) => {
          const head = p.channel ? `— ${p.channel} ${p.chatId} · ${p.unit}` : null;
          // Teams gets a card: print the card as sent; Zalo gets the text, in its 2,000-character pieces.
          if (p.channel === 'teams') return [head, JSON.stringify(digestCard(p.digest), null, 2)].join('\n');
          const pieces = splitForZalo(p.text);
          const body =
            pieces.length > 1 ? pieces.map((x, i) => `[${i + 1}/${pieces.length}]\n${x}`).join('\n') : p.text;
          return [head, body].filter(Boolean).join('\n');
        });
        process.stdout.write(`${blocks.join('\n\n')}\n`);
      }
    } finally {
      rt.db.close();
    }
  });

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
