/**
 * The official progress report at scale: one organisation's year with 3,000 tasks (three generated plans of one
 * Sở, 2026) and 10,000 progress reports. The report is built and written by a child process
 * (bench/report-child.ts) so that its peak memory (maxRSS) is the report's, not the corpus generator's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../src/import/import-files.ts';
import { toSlug } from '../src/ingest/build-plan.ts';
import type { Lexicon } from '../src/ingest/units/lexicon.ts';
import { openDatabase } from '../src/kb/open.ts';
import { insertProgress, PROGRESS_STATUSES } from '../src/kb/progress-repo.ts';
import { ensureUser } from '../src/kb/users-repo.ts';
import { PROJECT_ROOT, SHIPPED_PLANS_DIR } from '../src/paths.ts';
import { composePlan, INDEX_NAMES } from './corpus/compose.ts';
import { DEPARTMENTS, PROVINCES } from './corpus/organisations.ts';
import { createPrng } from './corpus/prng.ts';
import { readRealRows } from './corpus/real-rows.ts';
import { renderPlan } from './corpus/render.ts';

export interface ReportFigures {
  tasks: number;
  reports: number;
  organisation: string;
  /** Per format: wall time of build + write, and the child's peak resident memory. */
  formats: { format: string; ms: number; buildMs: number; maxRssMb: number; bytes: number }[];
}

const TASKS_PER_PLAN = 1000;
const REPORTS = 10_000;

export interface ReportCorpus {
  dbPath: string;
  /** The Sở that issued the three plans. */
  organisation: string;
  tasks: number;
  reports: number;
}

/**
 * The corpus: three generated plans of one Sở for 2026 (1,000 tasks each) and 10,000 progress reports, in a fresh
 * database under `workDir` (also the console dashboard's bench, bench/dashboard-bench.ts).
 */
export async function buildReportCorpus(options: {
  workDir: string;
  lexicon: Lexicon;
  seed: number;
  log: (line: string) => void;
}): Promise<ReportCorpus> {
  const { workDir, log } = options;
  const dir = join(workDir, 'report-plans');
  mkdirSync(dir, { recursive: true });
  const real = readRealRows(SHIPPED_PLANS_DIR);
  const rng = createPrng(options.seed);
  const department = DEPARTMENTS[0];
  const province = PROVINCES[0];
  if (!department || !province) throw new Error('no department');
  INDEX_NAMES.slice(0, 3).forEach((index, i) => {
    const spec = { department, province, year: 2026, index, number: 900 + i, tasks: TASKS_PER_PLAN };
    const plan = composePlan(spec, real, rng);
    writeFileSync(
      join(dir, `${i}-${toSlug(index)}.txt`),
      renderPlan({ ...plan.text, layout: 'tab-separated' }, rng),
    );
  });
  const dbPath = join(workDir, 'report.db');
  const db = openDatabase(dbPath);
  log('Report: importing 3 plans of one Sở…');
  await importFiles([dir], { db, lexicon: options.lexicon, clock: () => new Date(), cwd: PROJECT_ROOT });
  const rows = db
    .prepare(
      `SELECT tu.task_id AS taskId, tu.unit_id AS unitId, p.issuer_unit_id AS orgId FROM task_units tu
         JOIN units u ON u.id = tu.unit_id JOIN tasks t ON t.id = tu.task_id JOIN plans p ON p.id = t.plan_id
        WHERE tu.relation = 'lead' AND u.kind = 'unit'`,
    )
    .all() as { taskId: string; unitId: number; orgId: number }[];
  const orgId = rows[0]?.orgId ?? 0;
  const org = (db.prepare('SELECT name FROM units WHERE id = ?').get(orgId) as { name: string }).name;
  const user = ensureUser(db, 'bench', 'reporter', new Date());
  log(`Report: ${REPORTS} progress reports…`);
  db.transaction(() => {
    for (let i = 0; i < REPORTS; i++) {
      const row = rows[rng.int(0, rows.length - 1)];
      if (!row) continue;
      const day = `2026-${String(rng.int(1, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      insertProgress(db, {
        taskId: row.taskId,
        unitId: row.unitId,
        status: rng.pick(PROGRESS_STATUSES),
        percent: rng.int(0, 100),
        actual: rng.chance(0.2) ? rng.int(50, 100) : null,
        note: rng.chance(0.3) ? 'Đã triển khai theo kế hoạch, đang tổng hợp kết quả' : null,
        userId: user.id,
        onBehalf: false,
        channel: 'bench',
        text: 'báo cáo',
        reportedAt: `${day}T03:00:00.000Z`,
      });
    }
  })();
  const tasks = (db.prepare('SELECT count(*) AS n FROM tasks WHERE is_heading = 0').get() as { n: number }).n;
  db.close();
  return { dbPath, organisation: org, tasks, reports: REPORTS };
}

export async function benchReport(options: {
  workDir: string;
  lexicon: Lexicon;
  seed: number;
  log: (line: string) => void;
}): Promise<ReportFigures> {
  const { workDir, log } = options;
  const { dbPath, organisation: org, tasks } = await buildReportCorpus(options);
  const formats = (['json', 'xlsx', 'docx'] as const).map((format) => {
    log(`Report: building the year report as ${format}…`);
    const out = execFileSync(
      join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [join(PROJECT_ROOT, 'bench/report-child.ts'), dbPath, org, format, join(workDir, `report.${format}`)],
      { encoding: 'utf8' },
    );
    return {
      format,
      ...(JSON.parse(out) as { ms: number; buildMs: number; maxRssMb: number; bytes: number }),
    };
  });
  return { tasks, reports: REPORTS, organisation: org, formats };
}

export function formatProgressReport(f: ReportFigures): string {
  const lines = [
    `Year report of one organisation (${f.organisation}: ${f.tasks.toLocaleString('en')} tasks, ${f.reports.toLocaleString('en')} reports)`,
    ...f.formats.map(
      (x) =>
        `  ${x.format.padEnd(5)} built in ${x.buildMs.toFixed(0)} ms, written in ${(x.ms - x.buildMs).toFixed(0)} ms; peak RSS ${x.maxRssMb.toFixed(0)} MB; ${(x.bytes / 1024).toFixed(0)} KB`,
    ),
  ];
  return lines.join('\n');
}
