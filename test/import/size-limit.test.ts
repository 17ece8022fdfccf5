import { copyFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSize, megabytes } from '../../src/import/file-size.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { TODAY, tempDb, tempDir, testLexicon } from '../support/kb.ts';

/** A plan file over the limit is refused on its size alone: a mistaken scan or archive never fills the memory. */
function sparse(path: string, bytes: number): string {
  writeFileSync(path, '');
  truncateSync(path, bytes); // a hole: the size is real, no byte is stored
  return path;
}

describe('import size limit', () => {
  it('refuses oversized plans with their size and the limit, before reading them; the others import', async () => {
    const dir = tempDir();
    const big = sparse(join(dir, 'ban-quet.txt'), Math.round(25.3 * 1024 * 1024));
    // Larger than Node can even read into one buffer: a read would fail differently.
    const huge = sparse(join(dir, 'luu-tru.docx'), 3 * 1024 * 1024 * 1024);
    const good = join(dir, 'tot.txt');
    copyFileSync(join(SHIPPED_PLANS_DIR, 'sxd-2025-papi-phu-luc-3.txt'), good);
    const { db } = tempDb();
    const results = await importFiles([big, huge, good], {
      db,
      lexicon: testLexicon(),
      clock: () => TODAY,
      cwd: dir,
    });
    expect(results.map((r) => [r.file, r.kind])).toEqual([
      ['ban-quet.txt', 'failed'],
      ['luu-tru.docx', 'failed'],
      ['tot.txt', 'imported'],
    ]);
    expect(results[0]).toMatchObject({
      message: expect.stringMatching(/^Tệp nặng 25,3 MB, vượt giới hạn 20 MB nên không được đọc/),
    });
    expect(results[1]).toMatchObject({
      message: expect.stringMatching(/^Tệp nặng 3 GB, vượt giới hạn 20 MB/),
    });
    db.close();
  });

  it('takes another limit', async () => {
    const dir = tempDir();
    const plan = join(dir, 'tot.txt');
    copyFileSync(join(SHIPPED_PLANS_DIR, 'sxd-2025-papi-phu-luc-3.txt'), plan);
    const { db } = tempDb();
    const options = { db, lexicon: testLexicon(), clock: () => TODAY, cwd: dir };
    const [tiny] = await importFiles([plan], { ...options, maxFileBytes: 1024 });
    expect(tiny).toMatchObject({ kind: 'failed', message: expect.stringContaining('vượt giới hạn 1 KB') });
    const [fine] = await importFiles([plan], { ...options, maxFileBytes: megabytes(0.5) });
    expect(fine?.kind).toBe('imported');
    db.close();
  });

  it('writes sizes the Vietnamese way', () => {
    expect(formatSize(megabytes(20))).toBe('20 MB');
    expect(formatSize(Math.round(25.3 * 1024 * 1024))).toBe('25,3 MB');
    expect(formatSize(1536)).toBe('1,5 KB');
    expect(formatSize(megabytes(1500.5))).toBe('1,5 GB');
    expect(formatSize(megabytes(2560))).toBe('2,5 GB');
  });
});
