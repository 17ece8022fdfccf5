import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FileResult, importFiles } from '../../src/import/import-files.ts';
import { loadLexicon } from '../../src/import/lexicon-file.ts';
import type { Lexicon } from '../../src/ingest/units/lexicon.ts';
import { type ExportedTask, exportKnowledgeBase, type KnowledgeBaseExport } from '../../src/kb/export.ts';
import { type Db, openDatabase } from '../../src/kb/open.ts';
import { DEFAULT_LEXICON_PATH, PROJECT_ROOT, SHIPPED_PLANS_DIR } from '../../src/paths.ts';

/** The fixed day the tests live on (plans are for 2023–2026). */
export const TODAY = new Date('2026-11-22T08:00:00+07:00');

let lexicon: Lexicon | undefined;
export function testLexicon(): Lexicon {
  lexicon ??= loadLexicon(DEFAULT_LEXICON_PATH);
  return lexicon;
}

export function tempDir(prefix = 'nhiemvu-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real SQLite file in a fresh temporary folder. */
export function tempDb(): { db: Db; path: string } {
  const path = join(tempDir(), 'kb.db');
  return { db: openDatabase(path), path };
}

export async function importInto(
  db: Db,
  paths: string[],
  clock: () => Date = () => TODAY,
): Promise<FileResult[]> {
  return importFiles(paths, { db, lexicon: testLexicon(), clock, cwd: PROJECT_ROOT });
}

export async function importShipped(): Promise<{ db: Db; results: FileResult[]; kb: KnowledgeBaseExport }> {
  const { db } = tempDb();
  const results = await importInto(db, [SHIPPED_PLANS_DIR]);
  return { db, results, kb: exportKnowledgeBase(db) };
}

export function taskOf(kb: KnowledgeBaseExport, id: string): ExportedTask {
  const task = kb.tasks.find((t) => t.id === id);
  if (!task)
    throw new Error(
      `no task ${id}; have e.g. ${kb.tasks
        .slice(0, 3)
        .map((t) => t.id)
        .join(', ')}`,
    );
  return task;
}

export const names = (refs: { name: string }[]): string[] => refs.map((r) => r.name);
