/**
 * Import benchmark (not a test): `npm run bench` (≈1,000 files, 100,000 tasks) or `npm run bench -- --quick`.
 * Prints a table and writes the figures to bench/out/import.json. Everything it creates on the way (corpus,
 * databases) lives in one temporary folder, deleted at the end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadLexicon } from '../src/import/lexicon-file.ts';
import { DEFAULT_LEXICON_PATH, SHIPPED_PLANS_DIR } from '../src/paths.ts';
import { generateCorpus } from './generate-corpus.ts';
import { benchCorpus, benchShippedPlans } from './import-bench.ts';
import { type BenchReport, formatReport } from './report.ts';

const OUT_FILE = fileURLToPath(new URL('out/import.json', import.meta.url));

interface Flags {
  quick: boolean;
  files?: number;
  tasksPerFile: number;
  seed: number;
}

function parseFlags(argv: string[]): Flags {
  const positive = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive integer: ${value}`);
    return n;
  };
  return new Command()
    .name('bench')
    .option('--quick', 'smoke run: 50 files, short sampling', false)
    .option('--files <n>', 'corpus files (default 1000, 50 with --quick)', positive)
    .option('--tasks-per-file <n>', 'tasks per corpus file', positive, 100)
    .option('--seed <n>', 'corpus seed', positive, 20250611)
    .parse(argv)
    .opts<Flags>();
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv);
  const files = flags.files ?? (flags.quick ? 50 : 1000);
  const lexicon = loadLexicon(DEFAULT_LEXICON_PATH);
  const workDir = mkdtempSync(join(tmpdir(), 'nhiemvu-bench-'));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    log('Benchmarking the shipped plans…');
    const sampling = flags.quick ? { timeMs: 300, iterations: 5 } : { timeMs: 3000, iterations: 20 };
    const shipped = await benchShippedPlans(SHIPPED_PLANS_DIR, { lexicon, workDir, ...sampling });
    log(`Generating ${files} plan files…`);
    const started = performance.now();
    const options = { files, tasksPerFile: flags.tasksPerFile, seed: flags.seed };
    const generated = generateCorpus(join(workDir, 'corpus'), options);
    const generateSeconds = (performance.now() - started) / 1000;
    log('Importing the corpus…');
    const corpus = await benchCorpus(join(workDir, 'corpus'), { lexicon, workDir, progress: log });
    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: machine(),
      options: { quick: flags.quick, ...options },
      shipped,
      corpus: { ...corpus, generatedTasks: generated.tasks, generateSeconds },
    };
    publish(report);
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

function publish(report: BenchReport): void {
  process.stdout.write(`${formatReport(report)}\n`);
  mkdirSync(join(OUT_FILE, '..'), { recursive: true });
  writeFileSync(OUT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nJSON: ${OUT_FILE}\n`);
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
