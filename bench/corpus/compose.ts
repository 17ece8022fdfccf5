/**
 * Composes one plan of a Sở: its heading (appendix, title naming the index, province and year, the
 * "Kèm theo Kế hoạch số …" line), 6–8 sections of real rows, numbered, with a few headings over 4.1-style rows.
 */
import type { Department } from './organisations.ts';
import type { Prng } from './prng.ts';
import type { RealRow, RealRows, SectionPool } from './real-rows.ts';
import { HEADER_VARIANTS, type PlanRow, type PlanText, type TaskRow } from './render.ts';
import { coordinateCell, leadCell } from './unit-cells.ts';

export const INDEX_NAMES = ['PAR INDEX', 'PAPI', 'SIPAS', 'CCHC'] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

const TITLE_LINES: Record<IndexName, string[]> = {
  'PAR INDEX': ['CÁC NHIỆM VỤ, GIẢI PHÁP NHẰM NÂNG CAO', 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)'],
  PAPI: [
    'CÁC NHIỆM VỤ, GIẢI PHÁP NHẰM NÂNG CAO CHỈ SỐ HIỆU QUẢ QUẢN TRỊ',
    'VÀ HÀNH CHÍNH CÔNG CẤP TỈNH (PAPI)',
  ],
  SIPAS: ['CÁC NHIỆM VỤ, GIẢI PHÁP NHẰM NÂNG CAO CHỈ SỐ HÀI LÒNG', 'VỀ SỰ PHỤC VỤ HÀNH CHÍNH (SIPAS)'],
  CCHC: ['CÁC NHIỆM VỤ, GIẢI PHÁP VỀ CẢI CÁCH HÀNH CHÍNH (CCHC)'],
};

const APPENDIX: Record<IndexName, string> = {
  'PAR INDEX': 'Phụ lục I',
  SIPAS: 'Phụ lục II',
  PAPI: 'Phụ lục III',
  CCHC: 'Phụ lục',
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;

export interface PlanSpec {
  department: Department;
  province: string;
  year: number;
  index: IndexName;
  /** Plan number; unique in a corpus, since the importer identifies a plan by number and appendix. */
  number: number;
  tasks: number;
}

export interface ComposedPlan {
  text: Omit<PlanText, 'layout'>;
  /** Task rows that are not headings: what the importer should count. */
  tasks: number;
}

export function composePlan(spec: PlanSpec, real: RealRows, rng: Prng): ComposedPlan {
  const pools = spec.index === 'PAPI' ? real.papi : real.reform;
  const sections = pickSections(pools, Math.min(rng.int(6, 8), spec.tasks), rng);
  const quotas = splitQuota(spec.tasks, sections.length, rng);
  const rows: PlanRow[] = [];
  sections.forEach((section, i) => {
    rows.push({ kind: 'section', code: ROMAN[i] ?? String(i + 1), title: section.title });
    rows.push(...sectionRows(section, quotas[i] ?? 0, spec, real, rng));
  });
  // Headings are the only rows without a lead unit.
  const tasks = rows.filter((r) => r.kind === 'task' && r.lead !== '').length;
  return { text: { preamble: preambleOf(spec, rng), header: rng.pick(HEADER_VARIANTS), rows }, tasks };
}

function preambleOf(spec: PlanSpec, rng: Prng): string[] {
  const title = [...TITLE_LINES[spec.index]];
  title[title.length - 1] += ` TỈNH ${spec.province.toUpperCase()} NĂM ${spec.year}`;
  const date = `${rng.int(1, 28)}/${rng.chance(0.2) ? ' ' : ''}${rng.int(1, 12)}/${spec.year}`;
  const abbr = spec.department.abbr;
  const attached = `(Kèm theo Kế hoạch số ${spec.number}/KH-${abbr} ngày ${date} của ${spec.department.name})`;
  return [APPENDIX[spec.index], ...title, attached];
}

/** Keeps the sections in document order, dropping some at random until `count` remain. */
function pickSections(pools: SectionPool[], count: number, rng: Prng): SectionPool[] {
  const kept = [...pools];
  while (kept.length > Math.max(1, count)) kept.splice(rng.int(0, kept.length - 1), 1);
  return kept;
}

/** Every section gets at least one task; the rest are spread at random. */
function splitQuota(total: number, parts: number, rng: Prng): number[] {
  const quotas = Array.from({ length: parts }, () => 1);
  for (let left = total - parts; left > 0; left--) {
    const at = rng.int(0, parts - 1);
    quotas[at] = (quotas[at] ?? 0) + 1;
  }
  return quotas;
}

function sectionRows(
  section: SectionPool,
  quota: number,
  spec: PlanSpec,
  real: RealRows,
  rng: Prng,
): TaskRow[] {
  const rows: TaskRow[] = [];
  for (let n = 1, left = quota; left > 0; n++) {
    if (left >= 2 && rng.chance(0.12)) {
      const children = Math.min(left, rng.int(2, 4));
      const deadline = rng.chance(0.4) ? `Trong năm ${spec.year}` : '';
      rows.push(row(`${n}`, { content: rng.pick(real.headings), product: '', deadline }, '', ''));
      for (let c = 1; c <= children; c++) {
        const task = taskRow(`${n}.${c}`, rng.pick(section.rows), spec, rng);
        rows.push(deadline !== '' && rng.chance(0.5) ? { ...task, deadline: '' } : task);
      }
      left -= children;
    } else {
      rows.push(taskRow(`${n}`, rng.pick(section.rows), spec, rng));
      left -= 1;
    }
  }
  return rows;
}

function taskRow(stt: string, source: RealRow, spec: PlanSpec, rng: Prng): TaskRow {
  // Deadlines name the plan's own year ("Quý III/2025", "Năm 2025").
  const deadline = source.deadline.replace(/\b20\d\d\b/g, String(spec.year));
  return row(
    stt,
    { ...source, deadline },
    leadCell(spec.department, rng),
    coordinateCell(spec.department, rng),
  );
}

function row(stt: string, text: RealRow, lead: string, coordinate: string): TaskRow {
  return {
    kind: 'task',
    stt,
    content: text.content,
    lead,
    coordinate,
    deadline: text.deadline,
    product: text.product,
  };
}
