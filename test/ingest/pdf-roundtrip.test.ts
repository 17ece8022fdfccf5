import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExportedTask, exportKnowledgeBase, type KnowledgeBaseExport } from '../../src/kb/export.ts';
import { PROJECT_ROOT, SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, tempDb, tempDir } from '../support/kb.ts';

/**
 * Plans reach a Sở as PDF. Each shipped plan was laid out as a Word or Excel document and printed to PDF by
 * LibreOffice (scripts/make-pdf-fixtures.ts; the PDFs are committed): landscape and portrait, cells aligned at the
 * top or centred, the header repeated on each page or not, rows cut by page breaks. Imported from the PDF, the plan
 * must give exactly the tasks of its text file: the same content, units, deadlines and targets.
 */
const PDF_DIR = join(PROJECT_ROOT, 'test/fixtures/pdf');

/** Unit ids depend on insertion order across files; everything a user sees must be identical. */
function comparable(tasks: ExportedTask[]) {
  return tasks.map((t) => ({
    ...t,
    lead: t.lead.map(({ unitId: _id, ...u }) => u),
    coordinate: t.coordinate.map(({ unitId: _id, ...u }) => u),
  }));
}

/** Imports one file (with the shipped plan's sidecar next to it, when it has one) into a fresh database. */
async function importOne(source: string, plan: string): Promise<KnowledgeBaseExport> {
  const dir = tempDir();
  const file = join(dir, source.split('/').at(-1) ?? 'plan');
  copyFileSync(source, file);
  const meta = join(SHIPPED_PLANS_DIR, `${plan}.txt.meta.json`);
  if (existsSync(meta)) copyFileSync(meta, `${file}.meta.json`);
  const { db } = tempDb();
  const [result] = await importInto(db, [file]);
  expect(result, JSON.stringify(result)).toMatchObject({ kind: 'imported' });
  return exportKnowledgeBase(db);
}

/** What the plan says about itself, without where it was read from. */
function planOf(kb: KnowledgeBaseExport) {
  return kb.plans.map(({ source: _source, layout: _layout, ...plan }) => plan);
}

const CASES: { pdf: string; plan: string; layout: string }[] = [
  { pdf: 'snv-2026-cchc-phu-luc.pdf', plan: 'snv-2026-cchc-phu-luc', layout: 'landscape, header repeated' },
  {
    pdf: 'sxd-2025-par-index-phu-luc-1.pdf',
    plan: 'sxd-2025-par-index-phu-luc-1',
    layout: 'landscape, header repeated',
  },
  {
    pdf: 'ubnd-tinh-2024-par-index-phu-luc.pdf',
    plan: 'ubnd-tinh-2024-par-index-phu-luc',
    layout: 'landscape, centred cells, header only on the first page',
  },
  { pdf: 'sxd-2025-papi-phu-luc-3.pdf', plan: 'sxd-2025-papi-phu-luc-3', layout: 'portrait, centred cells' },
  {
    pdf: 'snv-2026-cchc-phu-luc-unruled.pdf',
    plan: 'snv-2026-cchc-phu-luc',
    layout: 'a table drawn without rules',
  },
  {
    pdf: 'ubnd-tinh-2023-ke-hoach-papi-sipas-par.pdf',
    plan: 'ubnd-tinh-2023-ke-hoach-papi-sipas-par',
    layout: 'prose, no table',
  },
  {
    pdf: 'sxd-2025-papi-phu-luc-3-excel.pdf',
    plan: 'sxd-2025-papi-phu-luc-3',
    layout: 'Excel sheet with its columns shuffled, printed by Calc',
  },
  {
    pdf: 'snv-2026-cchc-phu-luc-word-grid.pdf',
    plan: 'snv-2026-cchc-phu-luc',
    layout: 'Word table holding the header rows and cut rows of the extraction',
  },
];

describe.each(CASES)('$pdf ($layout)', ({ pdf, plan }) => {
  it('imports the same plan and tasks as the text file', async () => {
    const text = await importOne(join(SHIPPED_PLANS_DIR, `${plan}.txt`), plan);
    const fromPdf = await importOne(join(PDF_DIR, pdf), plan);
    expect(planOf(fromPdf)).toEqual(planOf(text));
    const expected = comparable(text.tasks);
    const actual = comparable(fromPdf.tasks);
    expect(actual.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    for (const [index, task] of actual.entries()) expect(task).toEqual(expected[index]);
  });
});
