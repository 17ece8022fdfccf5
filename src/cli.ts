#!/usr/bin/env node
/**
 * Command line of nhiemvu (a composition root, like adapters/server.ts: it alone reads the environment, after
 * `.env` in the working directory when there is one; variables already set win).
 * Contract relied on by deployment scripts:
 *   npm run --silent cli -- import [--db PATH] [--json] [--max-mb N] <file-or-folder>...
 *   npm run --silent cli -- export --json [--db PATH]
 *   npm run --silent cli -- ask [--db PATH] [--org ORG] [--unit UNIT] [--role R] [--user ID] [--today D] [--json] "<text>"
 *   npm run --silent cli -- ask --jsonl [--db PATH]
 *   npm run --silent cli -- chat [--org … --unit …]
 *   npm run --silent cli -- users list|approve|set-role
 *   npm run --silent cli -- admin-link --user ID [--db PATH]   (prints a one-time sign-in link to /admin)
 *   npm run --silent cli -- digest --preview (--group ID [--channel C] | --unit U [--org O]) [--today D] [--json]
 *   npm run --silent cli -- digest --send-now [--group ID]
 *   npm run --silent cli -- backup --out FILE [--overwrite] [--db PATH]
 *   npm run --silent cli -- restore FILE [--db PATH]
 *   npm run --silent cli -- report --org ORG [--unit UNIT] [--plan PLAN_ID] [--year YYYY]
 *       [--period q1|q2|q3|q4|h1|year|FROM..TO] [--today YYYY-MM-DD] --format xlsx|docx|json --out FILE [--db PATH]
 *   npm run --silent cli -- teams-package --out FILE.zip [--app-id ID] [--name NAME]   (the Teams app package)
 * Exit codes: 0 done, 1 failed, 2 called wrongly (unknown option, missing database…).
 * As a composition root it may wire the adapters (digest --send-now sends through Zalo and Teams); the core may not.
 */
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { createLogger } from '../adapters/app.ts';
import { loadDotEnv, parseConfig, publicBaseUrlOf } from '../adapters/config.ts';
import { sendDigestsNow } from '../adapters/send-now.ts';
import { writeTeamsPackage } from '../adapters/teams/app-package/from-cli.ts';
import { digestCard } from '../adapters/teams/digest-card.ts';
import { splitForZalo } from '../adapters/zalo/split-text.ts';
import { addAdminLinkCommand } from './cli/admin-link.ts';
import { ask, askJsonLines, askRequestSchema, toJsonAnswer } from './cli/ask.ts';
import { chat } from './cli/chat.ts';
import { previewDigests } from './cli/digest.ts';
import { toCliFailure, UsageError } from './cli/errors.ts';
import { addKnowledgeBaseCommands } from './cli/kb-commands.ts';
import { dbOption, parseDay, parseMegabytes } from './cli/options.ts';
import { addReportCommand } from './cli/report.ts';
import { addTeamsPackageCommand } from './cli/teams-package.ts';
import { addUserCommands } from './cli/users.ts';
import { createVietnameseProgram } from './cli/vi-commander.ts';
import { createRuntime, type Runtime } from './compose/runtime.ts';
import { DEFAULT_IMPORT_MAX_MB } from './import/file-size.ts';
import { DEFAULT_DB_PATH } from './paths.ts';

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

/** One runtime per database path; `existing` runtimes never create a database (read-only or admin commands). */
function runtimes(mode: 'create' | 'existing'): (opts: { db: string }) => Promise<Runtime> {
  const opened = new Map<string, Promise<Runtime>>();
  return (opts) => {
    const found = opened.get(opts.db);
    if (found) return found;
    const created = createRuntime(opts.db, undefined, { mustExist: mode === 'existing' });
    opened.set(opts.db, created);
    return created;
  };
}

function withUserOptions(command: Command, dbDefault: string): Command {
  return command
    .addOption(dbOption(dbDefault))
    .option('--org <tên>', 'cơ quan của người hỏi (vd. "Sở Nội vụ")')
    .option('--unit <tên>', 'đơn vị của người hỏi (vd. "Phòng Công chức, viên chức")')
    .addOption(new Option('--role <vai-trò>', 'vai trò').choices(['staff', 'lead', 'admin']))
    .option('--user <mã>', 'mã người dùng (giữ đăng ký và hội thoại giữa các lần hỏi)')
    .option('--today <YYYY-MM-DD>', 'ngày hôm nay (mặc định: ngày hiện tại theo giờ Việt Nam)', parseDay);
}

function addConversationCommands(program: Command, dbDefault: string): void {
  const runtime = runtimes('create');
  withUserOptions(program.command('ask').description('Hỏi bot một câu, như trong chat'), dbDefault)
    .argument('[câu-hỏi]', 'câu hỏi')
    .option('--json', 'in kết quả dạng JSON')
    .option('--jsonl', 'đọc mỗi dòng stdin một yêu cầu JSON, in mỗi dòng một kết quả')
    .action(async (text: string | undefined, opts: AskOptions) => {
      const rt = await runtime(opts);
      try {
        if (opts.jsonl) return await askJsonLines(rt, process.stdin, process.stdout);
        const request = askRequestSchema.parse({ ...opts, text: text ?? '' });
        const answer = ask(rt, request);
        process.stdout.write(`${opts.json ? JSON.stringify(toJsonAnswer(answer)) : answer.reply}\n`);
      } finally {
        rt.db.close();
      }
    });

  withUserOptions(
    program.command('chat').description('Trò chuyện với bot trong cửa sổ dòng lệnh'),
    dbDefault,
  ).action(async (opts: AskOptions) => {
    const rt = await runtime(opts);
    const { org, unit, role, today } = opts;
    await chat(rt, {
      ...(org ? { org } : {}),
      ...(unit ? { unit } : {}),
      ...(role ? { role } : {}),
      ...(today ? { today } : {}),
    });
    rt.db.close();
  });
}

function addDigestCommand(program: Command, dbDefault: string): void {
  const runtime = runtimes('existing');
  program
    .command('digest')
    .description('Bản tin tuần: xem trước (--preview) hoặc gửi ngay (--send-now)')
    .addOption(dbOption(dbDefault))
    .option('--preview', 'in đúng nội dung sẽ gửi, không gửi')
    .option('--send-now', 'gửi ngay bản tin của các nhóm đã đăng ký (hoặc của --group)')
    .option('--group <mã>', 'mã nhóm chat (Zalo group id, Teams conversation id)')
    .option('--channel <kênh>', 'kênh của nhóm: zalo hoặc teams')
    .option('--unit <tên>', 'đơn vị (thay cho --group)')
    .option('--org <tên>', 'cơ quan (thay cho --group, hoặc kèm --unit)')
    .option('--today <YYYY-MM-DD>', 'ngày của bản tin (mặc định: lần gửi gần nhất theo lịch)', parseDay)
    .option('--json', 'in dạng JSON')
    .action(async (opts: DigestOptions) => {
      if (opts.preview === opts.sendNow) throw new UsageError('Chọn một trong --preview hoặc --send-now.');
      if (opts.preview && !opts.group && !opts.unit && !opts.org)
        throw new UsageError('Cần --group, hoặc --unit/--org.');
      const rt = await runtime(opts);
      try {
        if (opts.sendNow) {
          const config = parseConfig({ ...process.env, DB_PATH: opts.db });
          const result = await sendDigestsNow(config, rt, createLogger(config), opts.group);
          process.stdout.write(`${JSON.stringify(result)}\n`);
          if (result.failed + result.gone + result.unknown > 0) process.exitCode = 1;
          return;
        }
        process.stdout.write(`${renderPreviews(rt, opts)}\n`);
      } finally {
        rt.db.close();
      }
    });
}

function renderPreviews(rt: Runtime, opts: DigestOptions): string {
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
    return JSON.stringify(shaped);
  }
  const blocks = previews.map((p) => {
    const head = p.channel ? `— ${p.channel} ${p.chatId} · ${p.unit}` : null;
    // Teams gets a card: print the card as sent; Zalo gets the text, in its 2,000-character pieces.
    if (p.channel === 'teams') return [head, JSON.stringify(digestCard(p.digest), null, 2)].join('\n');
    const pieces = splitForZalo(p.text);
    const body =
      pieces.length > 1 ? pieces.map((x, i) => `[${i + 1}/${pieces.length}]\n${x}`).join('\n') : p.text;
    return [head, body].filter(Boolean).join('\n');
  });
  return blocks.join('\n\n');
}

/** IMPORT_MAX_MB, checked like a command-line value (a bad value names the variable). */
function importMaxMb(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_IMPORT_MAX_MB;
  try {
    return parseMegabytes(value);
  } catch (error) {
    throw new UsageError(`IMPORT_MAX_MB=${value}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main(): Promise<void> {
  // `export --json | head` closes the pipe early: that is the reader's choice, not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  loadDotEnv();
  // zod's own messages (a bad --jsonl line, a bad variable) in Vietnamese like the rest.
  z.config(z.locales.vi());
  const dbDefault = process.env.DB_PATH || DEFAULT_DB_PATH;
  const program = createVietnameseProgram(
    'nhiemvu',
    'Trợ lý nhiệm vụ: nhập kế hoạch và tra cứu kho nhiệm vụ',
  );
  addKnowledgeBaseCommands(program, { db: dbDefault, importMaxMb: importMaxMb(process.env.IMPORT_MAX_MB) });
  addConversationCommands(program, dbDefault);
  addUserCommands(program, dbDefault, runtimes('existing'));
  // The link names the server as people reach it (PUBLIC_BASE_URL), read like the server reads it.
  addAdminLinkCommand(program, dbDefault, () => publicBaseUrlOf(parseConfig(process.env)));
  addDigestCommand(program, dbDefault);
  addReportCommand(program, dbDefault);
  addTeamsPackageCommand(program, (out, options) => writeTeamsPackage(out, options, process.env));
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  const failure = toCliFailure(error);
  if (failure.text) process.stderr.write(`${failure.text}\n`);
  process.exitCode = failure.exitCode;
});
