/**
 * Importing plans published as PDF: one 30-page plan (test/fixtures/pdf/bench-30-pages.pdf: the 2024 provincial
 * plan's table repeated, landscape, rows cut by page breaks), imported into a fresh database several times; and
 * 100 PDFs (the five shipped plans as PDF, twenty copies each, every copy its own plan) imported in one run.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FileResult, importFiles } from '../src/import/import-files.ts';
import { loadPdf } from '../src/ingest/pdf/load-pdf.ts';
import type { Lexicon } from '../src/ingest/units/lexicon.ts';
import { openDatabase } from '../src/kb/open.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

const PDF_DIR = join(PROJECT_ROOT, 'test/fixtures/pdf');
const LARGE = 'bench-30-pages.pdf';
const PLAN_PDFS = [
  'snv-2026-cchc-phu-luc.pdf',
  'sxd-2025-par-index-phu-luc-1.pdf',
  'sxd-2025-papi-phu-luc-3.pdf',
  'ubnd-tinh-2024-par-index-phu-luc.pdf',
  'ubnd-tinh-2023-ke-hoach-papi-sipas-par.pdf',
];
const COPIES = 20;
const LARGE_RUNS = 6;

export interface PdfFigures {
  large: { pages: number; tasks: number; coldMs: number; warmMs: number[]; warmMedianMs: number };
  many: { files: number; tasks: number; wallSeconds: number; msPerFile: number; pagesPerSecond: number };
  peakRssMb: number;
}

interface Context {
  workDir: string;
  lexicon: Lexicon;
  log: (line: string) => void;
}

async function importInto(dbPath: string, paths: string[], lexicon: Lexicon): Promise<FileResult[]> {
  const db = openDatabase(dbPath);
  try {
    const results = await importFiles(paths, { db, lexicon, clock: () => new Date(), cwd: PROJECT_ROOT });
    const failed = results.filter((r) => r.kind === 'failed');
    if (failed.length > 0) throw new Error(`PDF import failed: ${JSON.stringify(failed.slice(0, 2))}`);
    return results;
  } finally {
    db.close();
  }
}

const tasksOf = (results: FileResult[]) =>
  results.reduce((sum, r) => sum + (r.kind === 'imported' ? r.summary.tasks : 0), 0);

export async function benchPdf({ workDir, lexicon, log }: Context): Promise<PdfFigures> {
  const large = join(PDF_DIR, LARGE);
  const pages = (await loadPdf(readFileSync(large))).length;
  log(`PDF: ${LARGE} (${pages} pages), ${LARGE_RUNS} imports into fresh databases…`);
  const times: number[] = [];
  let tasks = 0;
  for (let run = 0; run < LARGE_RUNS; run += 1) {
    const started = performance.now();
    tasks = tasksOf(await importInto(join(workDir, `pdf-large-${run}.db`), [large], lexicon));
    times.push(performance.now() - started);
  }
  const [coldMs = 0, ...warmMs] = times;
  const many = join(workDir, 'pdf-many');
  mkdirSync(many, { recursive: true });
  let manyPages = 0;
  for (const name of PLAN_PDFS)
    manyPages += (await loadPdf(readFileSync(join(PDF_DIR, name)))).length * COPIES;
  for (let copy = 0; copy < COPIES; copy += 1) {
    for (const name of PLAN_PDFS) {
      const file = join(many, `${String(copy).padStart(2, '0')}-${name}`);
      copyFileSync(join(PDF_DIR, name), file);
      // Every copy is a plan of its own, so that the run writes 100 plans rather than replacing five.
      writeFileSync(
        `${file}.meta.json`,
        JSON.stringify({ id: `pdf-bench-${copy}-${name.replace('.pdf', '')}` }),
      );
    }
  }
  log(`PDF: ${PLAN_PDFS.length * COPIES} PDFs (${manyPages} pages) into one database…`);
  const started = performance.now();
  const results = await importInto(join(workDir, 'pdf-many.db'), [many], lexicon);
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    large: { pages, tasks, coldMs, warmMs, warmMedianMs: median(warmMs) },
    many: {
      files: results.length,
      tasks: tasksOf(results),
      wallSeconds,
      msPerFile: (wallSeconds * 1000) / results.length,
      pagesPerSecond: manyPages / wallSeconds,
    },
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function formatPdf(figures: PdfFigures): string {
  const { large, many } = figures;
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  return [
    'PDF import',
    `  ${LARGE}: ${large.pages} pages, ${large.tasks} tasks — first import ${ms(large.coldMs)} ` +
      `(loads pdfjs), then median ${ms(large.warmMedianMs)} (${large.warmMs.map(ms).join(', ')})`,
    `  ${many.files} PDFs: ${many.tasks} tasks in ${many.wallSeconds.toFixed(1)} s — ` +
      `${ms(many.msPerFile)} a file, ${many.pagesPerSecond.toFixed(1)} pages/s`,
    `  peak RSS of the benchmark process: ${Math.round(figures.peakRssMb)} MB`,
  ].join('\n');
}
