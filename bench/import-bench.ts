/**
 * The two measurements: the shipped plans imported again and again into fresh databases (tinybench), and one
 * import of a large generated corpus (wall time, throughput, memory, database size), each followed by a
 * re-import of the same files, which must find every plan unchanged.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Bench, type Task } from 'tinybench';
import { type FileResult, importFiles } from '../src/import/import-files.ts';
import type { Lexicon } from '../src/ingest/units/lexicon.ts';
import { type Db, openDatabase } from '../src/kb/open.ts';
import { countUnits } from '../src/kb/plans-repo.ts';

export interface Latency {
  samples: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ShippedFigures {
  files: number;
  tasks: number;
  fresh: Latency & { tasksPerSecond: number };
  reimport: Latency;
}

export interface CorpusFigures {
  files: number;
  failed: number;
  tasks: number;
  units: number;
  wallSeconds: number;
  filesPerSecond: number;
  tasksPerSecond: number;
  /** Peak resident set size of the whole benchmark process so far. */
  peakRssMb: number;
  dbSizeMb: number;
  reimportSeconds: number;
  reimportUnchanged: number;
}

interface ImportContext {
  lexicon: Lexicon;
  /** Folder for the benchmark's databases; the caller deletes it. */
  workDir: string;
}

function runImport(
  db: Db,
  paths: string[],
  lexicon: Lexicon,
  onProgress?: ProgressFn,
): Promise<FileResult[]> {
  const options = { db, lexicon, clock: () => new Date(), cwd: process.cwd() };
  return importFiles(paths, onProgress ? { ...options, onProgress } : options);
}

type ProgressFn = (done: number, total: number, result: FileResult) => void;

function importedTasks(results: FileResult[]): number {
  return results.reduce((sum, r) => sum + (r.kind === 'imported' ? r.summary.tasks : 0), 0);
}

function assertImported(results: FileResult[], status?: 'unchanged'): void {
  const bad = results.filter(
    (r) => r.kind === 'failed' || (status !== undefined && r.summary.status !== status),
  );
  if (bad.length > 0)
    throw new Error(`${bad.length} file(s) did not import as expected: ${JSON.stringify(bad.slice(0, 3))}`);
}

function toLatency(task: Task | undefined): Latency {
  const result = task?.result;
  if (result?.state === 'errored') throw result.error;
  if (result?.state !== 'completed') throw new Error(`benchmark ${task?.name ?? '?'} did not complete`);
  const { latency } = result;
  return { samples: latency.samplesCount, meanMs: latency.mean, p50Ms: latency.p50, p99Ms: latency.p99 };
}

const FRESH = 'import into a fresh database';
const REIMPORT = 're-import (unchanged)';

export async function benchShippedPlans(
  plansDir: string,
  context: ImportContext & { timeMs: number; iterations: number },
): Promise<ShippedFigures> {
  const { lexicon, workDir } = context;
  let opened = 0;
  let db = openDatabase(join(workDir, 'shipped-reimport.db'));
  const first = await runImport(db, [plansDir], lexicon);
  assertImported(first);
  const bench = new Bench({ time: context.timeMs, iterations: context.iterations, warmupIterations: 2 });
  bench.add(REIMPORT, async () => assertImported(await runImport(db, [plansDir], lexicon), 'unchanged'));
  bench.add(FRESH, async () => assertImported(await runImport(db, [plansDir], lexicon)), {
    beforeEach: () => {
      db.close();
      db = openDatabase(join(workDir, `shipped-${opened++}.db`));
    },
  });
  try {
    await bench.run();
  } finally {
    db.close();
  }
  const fresh = toLatency(bench.getTask(FRESH));
  const tasks = importedTasks(first);
  return {
    files: first.length,
    tasks,
    fresh: { ...fresh, tasksPerSecond: tasks / (fresh.meanMs / 1000) },
    reimport: toLatency(bench.getTask(REIMPORT)),
  };
}

/**
 * One import of the whole corpus into a fresh database, then a re-import of the same files. The caller opens and
 * closes the database: the chat benchmark asks its questions on it afterwards.
 */
export async function benchCorpus(
  corpusDir: string,
  context: { db: Db; dbPath: string; lexicon: Lexicon; progress: (line: string) => void },
): Promise<CorpusFigures> {
  const { db, dbPath } = context;
  const started = performance.now();
  const results = await runImport(
    db,
    [corpusDir],
    context.lexicon,
    progressReporter(started, context.progress),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const units = countUnits(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbSizeMb = statSync(dbPath).size / 1024 / 1024;
  const again = performance.now();
  const second = await runImport(db, [corpusDir], context.lexicon);
  const reimportSeconds = (performance.now() - again) / 1000;
  const tasks = importedTasks(results);
  return {
    files: results.length,
    failed: results.filter((r) => r.kind === 'failed').length,
    tasks,
    units,
    wallSeconds,
    filesPerSecond: results.length / wallSeconds,
    tasksPerSecond: tasks / wallSeconds,
    peakRssMb,
    dbSizeMb,
    reimportSeconds,
    reimportUnchanged: second.filter((r) => r.kind === 'imported' && r.summary.status === 'unchanged').length,
  };
}

/** A line every 100 files: the run is alive, and how fast it goes. */
function progressReporter(started: number, write: (line: string) => void): ProgressFn {
  let tasks = 0;
  return (done, total, result) => {
    if (result.kind === 'imported') tasks += result.summary.tasks;
    if (done % 100 !== 0 && done !== total) return;
    const seconds = (performance.now() - started) / 1000;
    const rss = process.memoryUsage.rss() / 1024 / 1024;
    write(
      `[${done}/${total}] ${tasks} tasks, ${seconds.toFixed(1)} s, ${(done / seconds).toFixed(1)} files/s, RSS ${rss.toFixed(0)} MB`,
    );
  };
}
