/**
 * The console's Tổng quan at scale: the progress report's corpus (one Sở, 3 plans of 1,000 tasks for 2026, 10,000
 * progress reports — bench/report-bench.ts builds it), then the dashboard built (src/console/dashboard.ts) and
 * rendered to HTML (adapters/console/pages/dashboard.ts) as the server does for each GET /admin, 50 times after a
 * warm-up (the first view fills the knowledge cache with the plan rows; an import empties it).
 * Target: p95 under 100 ms.
 */
import type { ConsoleSession } from '../adapters/console/context.ts';
import { renderDashboard } from '../adapters/console/pages/dashboard.ts';
import { buildDashboard } from '../src/console/dashboard.ts';
import { createKnowledgeCache } from '../src/core/knowledge.ts';
import type { Lexicon } from '../src/ingest/units/lexicon.ts';
import { openDatabase } from '../src/kb/open.ts';
import { loadUnitTree } from '../src/kb/unit-tree.ts';
import { loadChatLexicon } from '../src/vi/message.ts';
import { buildReportCorpus } from './report-bench.ts';

export interface DashboardFigures {
  organisation: string;
  tasks: number;
  reports: number;
  runs: number;
  /** Build + render, per run. */
  p50: number;
  p95: number;
  max: number;
  /** The build alone (no HTML), median. */
  buildP50: number;
  htmlKb: number;
}

const RUNS = 50;
const WARM_UP = 3;
/** The day the corpus's reports lead up to (they are dated January–November 2026). */
const TODAY = '2026-11-22';
const DEFAULT_SEED = 20250611;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

export async function benchDashboard(options: {
  workDir: string;
  lexicon: Lexicon;
  log: (line: string) => void;
  seed?: number;
}): Promise<DashboardFigures> {
  const corpus = await buildReportCorpus({ ...options, seed: options.seed ?? DEFAULT_SEED });
  const db = openDatabase(corpus.dbPath);
  try {
    const tree = loadUnitTree(db);
    const org = tree.all().find((u) => u.name === corpus.organisation && u.kind === 'organisation');
    if (!org) throw new Error(`no organisation ${corpus.organisation}`);
    // An admin's session at the organisation: what the page needs to draw its header.
    const session: ConsoleSession = {
      user: {
        id: 1,
        channel: 'bench',
        externalId: 'admin',
        displayName: 'Quản trị',
        unitId: org.id,
        role: 'admin',
        approved: true,
      },
      unit: org,
      org,
      reach: 'organisation',
      scope: org,
      csrf: 'bench',
    };
    // As the server does: plan rows from its knowledge cache (filled by the warm-up), reports read on every view.
    const knowledge = createKnowledgeCache(db, options.lexicon, loadChatLexicon());
    options.log(`Dashboard: ${RUNS} builds and renders for ${corpus.organisation}…`);
    const total: number[] = [];
    const build: number[] = [];
    let bytes = 0;
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const started = performance.now();
      const data = buildDashboard(db, org, TODAY, undefined, knowledge().tasks);
      const built = performance.now();
      bytes = Buffer.byteLength(renderDashboard(session, data));
      const done = performance.now();
      if (i < WARM_UP) continue;
      total.push(done - started);
      build.push(built - started);
    }
    total.sort((a, b) => a - b);
    build.sort((a, b) => a - b);
    return {
      organisation: corpus.organisation,
      tasks: corpus.tasks,
      reports: corpus.reports,
      runs: RUNS,
      p50: quantile(total, 0.5),
      p95: quantile(total, 0.95),
      max: total.at(-1) ?? 0,
      buildP50: quantile(build, 0.5),
      htmlKb: bytes / 1024,
    };
  } finally {
    db.close();
  }
}

export function formatDashboard(f: DashboardFigures): string {
  return [
    `Console dashboard (Tổng quan) of one organisation (${f.organisation}: ${f.tasks.toLocaleString('en')} tasks, ${f.reports.toLocaleString('en')} reports), ${f.runs} runs`,
    `  build + render: p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(1)} ms (target p95 < 100 ms); build alone p50 ${f.buildP50.toFixed(1)} ms; page ${f.htmlKb.toFixed(0)} KB`,
  ].join('\n');
}
