import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTableLayout, readCellPerLine, readTabSeparated } from '../../src/ingest/layout-text.ts';
import { type ExportedTask, exportKnowledgeBase } from '../../src/kb/export.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, tempDb, tempDir } from '../support/kb.ts';
import { makeDocx, makeXlsx } from '../support/office-files.ts';

/**
 * Offices keep plans as Word and Excel files. Each shipped table plan is written out as a real .docx and .xlsx
 * (Excel with its columns shuffled) and imported: the knowledge base must hold exactly the same tasks as from
 * the text extraction.
 */
const TABLE_PLANS = [
  'sxd-2025-par-index-phu-luc-1.txt',
  'sxd-2025-papi-phu-luc-3.txt',
  'snv-2026-cchc-phu-luc.txt',
  'ubnd-tinh-2024-par-index-phu-luc.txt',
];

function toOfficeSpec(file: string): { preamble: string[]; rows: string[][] } {
  const text = readFileSync(join(SHIPPED_PLANS_DIR, file), 'utf8');
  const table = detectTableLayout(text) === 'tab-separated' ? readTabSeparated(text) : readCellPerLine(text);
  const width = table.grid.rows[0]?.cells.length ?? 0;
  return {
    preamble: table.preamble.filter((l) => l.trim() !== ''),
    rows: table.grid.rows.map((r) => Array.from({ length: width }, (_, i) => (r.cells[i] ?? '').trim())),
  };
}

/** Unit ids depend on insertion order across files; everything a user sees must be identical. */
function comparable(tasks: ExportedTask[]) {
  return tasks.map((t) => ({
    ...t,
    lead: t.lead.map(({ unitId: _id, ...u }) => u),
    coordinate: t.coordinate.map(({ unitId: _id, ...u }) => u),
  }));
}

async function tasksFrom(path: string): Promise<ExportedTask[]> {
  const { db } = tempDb();
  const [result] = await importInto(db, [path]);
  expect(result).toMatchObject({ kind: 'imported' });
  return exportKnowledgeBase(db).tasks;
}

describe.each(TABLE_PLANS)('%s as Word and Excel', (file) => {
  const dir = tempDir();
  const meta = join(SHIPPED_PLANS_DIR, `${file}.meta.json`);

  async function write(ext: string, bytes: Buffer): Promise<string> {
    const path = join(dir, file.replace(/\.txt$/, ext));
    writeFileSync(path, bytes);
    try {
      writeFileSync(`${path}.meta.json`, readFileSync(meta));
    } catch {
      // No sidecar for this plan.
    }
    return path;
  }

  it('.docx gives the same tasks as the text', async () => {
    const expected = comparable(await tasksFrom(join(SHIPPED_PLANS_DIR, file)));
    const docx = await write('.docx', await makeDocx(toOfficeSpec(file)));
    expect(comparable(await tasksFrom(docx))).toEqual(expected);
  });

  it('.xlsx with shuffled columns gives the same tasks as the text', async () => {
    const expected = comparable(await tasksFrom(join(SHIPPED_PLANS_DIR, file)));
    const xlsx = await write(
      '.xlsx',
      await makeXlsx({ ...toOfficeSpec(file), columnOrder: [5, 3, 0, 4, 1, 2] }),
    );
    const tasks = comparable(await tasksFrom(xlsx));
    expect(tasks.length).toBeGreaterThan(10);
    expect(tasks).toEqual(expected);
  });
});
