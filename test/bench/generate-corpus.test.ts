import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.ts';
import { importInto, tempDb, tempDir } from '../support/kb.ts';

// The benchmark's corpus is only worth measuring if the importer reads it as intended: every file imports and
// the generator's task count is the importer's (headings with 4.1-style rows and page-break tails excluded).
describe('generateCorpus', () => {
  const dir = tempDir('nhiemvu-corpus-');
  const { db, path } = tempDb();
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(path, '..'), { recursive: true, force: true });
  });

  it('writes plans that import whole, with the task count it reports', async () => {
    const summary = generateCorpus(dir, { files: 5, tasksPerFile: 40, seed: 7 });
    expect(summary).toEqual({ files: 5, tasks: 200 });
    expect(readdirSync(dir)).toHaveLength(5);

    const results = await importInto(db, [dir]);
    expect(results.filter((r) => r.kind === 'failed')).toEqual([]);
    const imported = results.map((r) => (r.kind === 'imported' ? r.summary.tasks : 0));
    expect(imported.reduce((a, b) => a + b, 0)).toBe(summary.tasks);
    const row = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tasks WHERE is_heading = 0').get();
    expect(row?.n).toBe(summary.tasks);
    // A page-break tail read as a task of its own would show up as "Dòng không có STT".
    expect(results.flatMap((r) => (r.kind === 'imported' ? r.warnings : []))).toEqual([]);
  });

  it('mixes both text layouts and has headings over 4.1-style rows', () => {
    const layouts = db.prepare<[], { layout: string }>('SELECT DISTINCT layout FROM plans ORDER BY 1').all();
    expect(layouts.map((l) => l.layout)).toEqual(['cell-per-line', 'tab-separated']);
    const headings = db
      .prepare<[], { n: number }>('SELECT count(*) AS n FROM tasks WHERE is_heading = 1')
      .get();
    expect(headings?.n).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const again = tempDir('nhiemvu-corpus-');
    try {
      generateCorpus(again, { files: 5, tasksPerFile: 40, seed: 7 });
      expect(readdirSync(again)).toEqual(readdirSync(dir));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
