/**
 * Generates a corpus of realistic plan files for the import benchmark: the plans of ~20 kinds of Sở in ~30
 * provinces, half tab-separated and half one cell per line, made of the shipped plans' real rows.
 * Deterministic for a given seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSlug } from '../src/ingest/build-plan.ts';
import { SHIPPED_PLANS_DIR } from '../src/paths.ts';
import { composePlan, INDEX_NAMES, type PlanSpec } from './corpus/compose.ts';
import { DEPARTMENTS, PROVINCES } from './corpus/organisations.ts';
import { createPrng, type Prng } from './corpus/prng.ts';
import { readRealRows } from './corpus/real-rows.ts';
import { renderPlan } from './corpus/render.ts';

export interface CorpusOptions {
  files: number;
  tasksPerFile: number;
  seed: number;
}

export interface CorpusSummary {
  files: number;
  /** Tasks that are not headings, as the importer counts them. */
  tasks: number;
}

export function generateCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const real = readRealRows(SHIPPED_PLANS_DIR);
  const rng = createPrng(options.seed);
  mkdirSync(dir, { recursive: true });
  let tasks = 0;
  for (let i = 0; i < options.files; i++) {
    const spec = specOf(i, options.tasksPerFile, rng);
    const plan = composePlan(spec, real, rng);
    const layout = rng.chance(0.5) ? 'tab-separated' : 'cell-per-line';
    writeFileSync(join(dir, fileNameOf(i, spec)), renderPlan({ ...plan.text, layout }, rng));
    tasks += plan.tasks;
  }
  return { files: options.files, tasks };
}

/** Walks every department of every province, so 1,000 files cover ~600 organisations. */
function specOf(i: number, tasks: number, rng: Prng): PlanSpec {
  const department = DEPARTMENTS[i % DEPARTMENTS.length];
  const province = PROVINCES[Math.floor(i / DEPARTMENTS.length) % PROVINCES.length];
  if (!department || !province) throw new Error('no departments or provinces');
  const year = rng.int(2023, 2026);
  return { department, province, year, index: rng.pick(INDEX_NAMES), number: 20 + i, tasks };
}

function fileNameOf(i: number, spec: PlanSpec): string {
  const parts = [spec.department.abbr, spec.province, String(spec.year), spec.index].map(toSlug);
  return `${String(i + 1).padStart(5, '0')}-${parts.join('-')}.txt`;
}
