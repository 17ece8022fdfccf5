/**
 * Benchmark (not a test): `npm run bench` (≈1,000 files, 100,000 tasks) or `npm run bench -- --quick`.
 * Import timings and the chat core's per-message latency on the shipped plans, the Zalo webhook's throughput end
 * to end (`--webhook-only` runs just that; `--cpu-prof <dir>` profiles the bot server), then import and chat on
 * the generated corpus, Teams, then the weekly digests over the corpus (`--digest-only` runs just those), the
 * progress report (`--report-only`) and PDF import (`--pdf-only`). Prints tables and writes the figures to
 * bench/out/import.json, chat.json, webhook.json, teams.json, digest.json, report.json and pdf.json.
 * Everything it creates on the way (corpus, databases) lives in one temporary folder, deleted at the end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadLexicon } from '../src/import/lexicon-file.ts';
import type { Lexicon } from '../src/ingest/units/lexicon.ts';
import { openDatabase } from '../src/kb/open.ts';
import { DEFAULT_LEXICON_PATH, SHIPPED_PLANS_DIR } from '../src/paths.ts';
import { type ChatLexicon, loadChatLexicon } from '../src/vi/message.ts';
import { benchChatCorpus, benchChatShipped } from './chat-bench.ts';
import { type ChatFigures, judgeTarget } from './chat-figures.ts';
import { benchDashboard, type DashboardFigures, formatDashboard } from './dashboard-bench.ts';
import { benchDigests, type DigestFigures, formatDigests, importCorpus } from './digest-bench.ts';
import { generateCorpus } from './generate-corpus.ts';
import { benchCorpus, benchShippedPlans } from './import-bench.ts';
import { benchPdf, formatPdf, type PdfFigures } from './pdf-bench.ts';
import { type BenchReport, formatReport, formatWebhook, machineLine } from './report.ts';
import { benchReport, formatProgressReport, type ReportFigures } from './report-bench.ts';
import { benchTeams, formatTeams, type TeamsFigures, type TeamsOptions } from './teams-bench.ts';
import { benchWebhook, type WebhookFigures } from './webhook-bench.ts';

const OUT_DIR = fileURLToPath(new URL('out/', import.meta.url));

interface Flags {
  quick: boolean;
  files?: number;
  tasksPerFile: number;
  seed: number;
  rounds?: number;
  chatUsers?: number;
  webhookSeconds?: number;
  webhookConnections: number;
  webhookUsers: number;
  webhookOnly: boolean;
  teamsOnly: boolean;
  digestOnly: boolean;
  reportOnly: boolean;
  pdfOnly: boolean;
  dashboardOnly: boolean;
  cpuProf?: string;
}

function parseFlags(argv: string[]): Flags {
  const positive = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive integer: ${value}`);
    return n;
  };
  return new Command()
    .name('bench')
    .option('--quick', 'smoke run: 50 files, short sampling, 2 chat rounds', false)
    .option('--files <n>', 'corpus files (default 1000, 50 with --quick)', positive)
    .option('--tasks-per-file <n>', 'tasks per corpus file', positive, 100)
    .option('--seed <n>', 'corpus seed', positive, 20250611)
    .option('--rounds <n>', 'measured rounds of chat messages (default 5, 2 with --quick)', positive)
    .option(
      '--chat-users <n>',
      'corpus units whose staff ask questions (default 30, 10 with --quick)',
      positive,
    )
    .option('--webhook-seconds <n>', 'seconds of webhook load (default 10, 2 with --quick)', positive)
    .option('--webhook-connections <n>', 'concurrent webhook connections', positive, 50)
    .option('--webhook-users <n>', 'Zalo users who register, then ask', positive, 300)
    .option('--webhook-only', 'run only the webhook benchmark', false)
    .option('--teams-only', 'run only the Teams benchmark', false)
    .option('--report-only', 'run only the progress-report benchmark (3,000 tasks, 10,000 reports)', false)
    .option('--pdf-only', 'run only the PDF import benchmark (a 30-page plan, 100 PDFs)', false)
    .option('--dashboard-only', "run only the web console's dashboard benchmark (3,000 tasks)", false)
    .option('--digest-only', 'run only the weekly-digest benchmark (generates and imports its corpus)', false)
    .option('--cpu-prof <dir>', 'write a CPU profile of the bot server (webhook benchmark) to this folder')
    .parse(argv)
    .opts<Flags>();
}

interface Setup {
  flags: Flags;
  lexicon: Lexicon;
  chat: ChatLexicon;
  workDir: string;
  chatRun: { rounds: number; warmupRounds: number };
  log: (line: string) => void;
}

/** Generates the corpus, imports it, then asks the chat questions on the same open database. */
async function benchGeneratedCorpus(setup: Setup, options: BenchReport['options']) {
  const { lexicon, chat, workDir, log } = setup;
  log(`Generating ${options.files} plan files…`);
  const started = performance.now();
  const generated = generateCorpus(join(workDir, 'corpus'), options);
  const generateSeconds = (performance.now() - started) / 1000;
  log('Importing the corpus…');
  const dbPath = join(workDir, 'corpus.db');
  const db = openDatabase(dbPath);
  try {
    const figures = await benchCorpus(join(workDir, 'corpus'), { db, dbPath, lexicon, progress: log });
    log(`Chat on the corpus (${setup.chatRun.rounds} rounds)…`);
    const users = setup.flags.chatUsers ?? (setup.flags.quick ? 10 : 30);
    const chatCorpus = benchChatCorpus(db, { lexicon, chat, ...setup.chatRun, users, seed: options.seed });
    return { corpus: { ...figures, generatedTasks: generated.tasks, generateSeconds }, chatCorpus };
  } finally {
    db.close();
  }
}

/** The end-to-end load both chat benchmarks (Zalo webhook, Teams) run. */
function loadOptions(setup: Setup): TeamsOptions {
  const { flags } = setup;
  return {
    seconds: flags.webhookSeconds ?? (flags.quick ? 2 : 10),
    warmupSeconds: flags.quick ? 1 : 2,
    connections: flags.webhookConnections,
    users: flags.webhookUsers,
    seed: flags.seed,
    workDir: setup.workDir,
    log: setup.log,
  };
}

async function runWebhook(setup: Setup): Promise<WebhookFigures> {
  const { flags } = setup;
  return benchWebhook({
    ...loadOptions(setup),
    quick: flags.quick,
    cpuProfDir: flags.cpuProf ? resolve(flags.cpuProf) : null,
  });
}

async function runTeams(setup: Setup): Promise<TeamsFigures> {
  return benchTeams(loadOptions(setup));
}

function publishTeams(teams: TeamsFigures): void {
  process.stdout.write(`\n${formatTeams(teams)}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  process.stdout.write(
    `JSON: ${writeJson('teams.json', { date: new Date().toISOString(), machine: machine(), ...teams })}\n`,
  );
  if (teams.lost > 0 || teams.doubled > 0) {
    process.stderr.write('✘ teams: a reply was lost or doubled\n');
    process.exitCode = 1;
  }
}

/** The digests over the corpus the corpus phase imported, or (--digest-only) over one generated here. */
async function runDigests(setup: Setup, corpus?: { dbPath: string; tasks: number }): Promise<DigestFigures> {
  const { flags, lexicon, chat, log } = setup;
  const files = flags.files ?? (flags.quick ? 50 : 1000);
  const options = { files, tasksPerFile: flags.tasksPerFile, seed: flags.seed };
  const { dbPath, tasks } = corpus ?? (await importCorpus(setup.workDir, options, lexicon, log));
  return benchDigests({ dbPath, corpusTasks: tasks, groups: { zalo: 700, teams: 300 }, lexicon, chat, log });
}

function publishDashboard(figures: DashboardFigures): void {
  process.stdout.write(`\n${formatDashboard(figures)}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  const json = { date: new Date().toISOString(), machine: machine(), ...figures };
  process.stdout.write(`JSON: ${writeJson('dashboard.json', json)}\n`);
}

function publishPdf(figures: PdfFigures): void {
  process.stdout.write(`\n${formatPdf(figures)}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  process.stdout.write(
    `JSON: ${writeJson('pdf.json', { date: new Date().toISOString(), machine: machine(), ...figures })}\n`,
  );
}

function publishReport(figures: ReportFigures): void {
  process.stdout.write(`\n${formatProgressReport(figures)}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  process.stdout.write(
    `JSON: ${writeJson('report.json', { date: new Date().toISOString(), machine: machine(), ...figures })}\n`,
  );
}

function publishDigests(digests: DigestFigures): void {
  process.stdout.write(`\n${formatDigests(digests)}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  process.stdout.write(
    `JSON: ${writeJson('digest.json', { date: new Date().toISOString(), machine: machine(), ...digests })}\n`,
  );
  if (Object.values(digests.checks).includes(false)) {
    process.stderr.write('✘ digests: a check failed (see the table)\n');
    process.exitCode = 1;
  }
}

async function runBenchmarks(setup: Setup): Promise<BenchReport> {
  const { flags, lexicon, chat, workDir, log } = setup;
  log('Benchmarking the shipped plans…');
  const sampling = flags.quick ? { timeMs: 300, iterations: 5 } : { timeMs: 3000, iterations: 20 };
  const shipped = await benchShippedPlans(SHIPPED_PLANS_DIR, { lexicon, workDir, ...sampling });
  log(`Chat on the shipped plans (${setup.chatRun.rounds} rounds)…`);
  const chatShipped = await benchChatShipped(SHIPPED_PLANS_DIR, { lexicon, chat, workDir, ...setup.chatRun });
  const files = flags.files ?? (flags.quick ? 50 : 1000);
  const options = { quick: flags.quick, files, tasksPerFile: flags.tasksPerFile, seed: flags.seed };
  // The webhook runs on the shipped plans, before the corpus: writing 150 MB of corpus leaves the disk flushing
  // for a while, which took up to a fifth off the server's figure when it ran after it.
  const webhook = await runWebhook(setup);
  const { corpus, chatCorpus } = await benchGeneratedCorpus(setup, options);
  return {
    date: new Date().toISOString(),
    machine: machine(),
    options,
    shipped,
    corpus,
    chat: chatReport(chatShipped, chatCorpus, corpus.tasks, setup.chatRun),
    webhook,
  };
}

function chatReport(
  shipped: ChatFigures,
  corpus: ChatFigures,
  corpusTasks: number,
  run: Setup['chatRun'],
): BenchReport['chat'] {
  return { ...run, shipped, corpus, target: judgeTarget(corpus, corpusTasks) };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv);
  const workDir = mkdtempSync(join(tmpdir(), 'nhiemvu-bench-'));
  try {
    const setup: Setup = {
      flags,
      lexicon: loadLexicon(DEFAULT_LEXICON_PATH),
      chat: loadChatLexicon(),
      workDir,
      chatRun: { rounds: flags.rounds ?? (flags.quick ? 2 : 5), warmupRounds: 1 },
      log: (line) => process.stderr.write(`${line}\n`),
    };
    if (flags.webhookOnly) publishWebhook(await runWebhook(setup), flags);
    else if (flags.teamsOnly) publishTeams(await runTeams(setup));
    else if (flags.digestOnly) publishDigests(await runDigests(setup));
    else if (flags.reportOnly) publishReport(await benchReport({ ...setup, seed: flags.seed }));
    else if (flags.pdfOnly) publishPdf(await benchPdf(setup));
    else if (flags.dashboardOnly) publishDashboard(await benchDashboard({ ...setup, seed: flags.seed }));
    else {
      const report = await runBenchmarks(setup);
      publish(report, flags);
      publishTeams(await runTeams(setup));
      // The corpus phase left its database in workDir: the digests reuse it rather than import it again.
      publishDigests(
        await runDigests(setup, { dbPath: join(workDir, 'corpus.db'), tasks: report.corpus.tasks }),
      );
      publishReport(await benchReport({ ...setup, seed: flags.seed }));
      publishPdf(await benchPdf(setup));
      publishDashboard(await benchDashboard({ ...setup, seed: flags.seed }));
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function machine(): BenchReport['machine'] {
  const cores = cpus();
  return {
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? '?',
  };
}

function writeJson(name: string, value: unknown): string {
  const path = join(OUT_DIR, name);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}

/** bench/out/webhook.json, and a failed exit code when a reply was lost or doubled. */
function writeWebhook(
  webhook: WebhookFigures,
  flags: Flags,
  date: string,
  machine: BenchReport['machine'],
): void {
  const head = { date, machine, options: { quick: flags.quick, seed: flags.seed } };
  process.stdout.write(`JSON: ${writeJson('webhook.json', { ...head, ...webhook })}\n`);
  if (flags.cpuProf) process.stdout.write(`CPU profile of the bot server: ${resolve(flags.cpuProf)}\n`);
  if (!webhook.deliveries.ok) {
    process.stderr.write('✘ webhook: a reply was lost, doubled or malformed (see the table)\n');
    process.exitCode = 1;
  }
}

function publishWebhook(webhook: WebhookFigures, flags: Flags): void {
  const host = machine();
  process.stdout.write(`${machineLine(host)}\n\n${formatWebhook(webhook)}\n\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeWebhook(webhook, flags, new Date().toISOString(), host);
}

function publish(report: BenchReport, flags: Flags): void {
  process.stdout.write(`${formatReport(report)}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  const { chat, webhook, ...imports } = report;
  const head = { date: report.date, machine: report.machine, options: report.options };
  process.stdout.write(`\nJSON: ${writeJson('import.json', imports)}\n`);
  process.stdout.write(`JSON: ${writeJson('chat.json', { ...head, ...chat })}\n`);
  if (webhook) writeWebhook(webhook, flags, report.date, report.machine);
  const { corpus } = report;
  if (
    corpus.failed > 0 ||
    corpus.tasks !== corpus.generatedTasks ||
    corpus.reimportUnchanged !== corpus.files
  ) {
    process.stderr.write(
      '✘ the corpus did not import cleanly (failed files, task count or re-import differ)\n',
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
