import type { Lexicon } from '../ingest/units/lexicon.ts';
import type { Db } from '../kb/open.ts';
import { countPlans } from '../kb/plans-repo.ts';
import { SHIPPED_PLANS_DIR } from '../paths.ts';
import { type FileResult, importFiles } from './import-files.ts';

/** An empty knowledge base gets the shipped plans, so the bot answers on first run with no set-up. */
export async function seedIfEmpty(
  db: Db,
  lexicon: Lexicon,
  clock: () => Date,
  cwd: string,
): Promise<FileResult[]> {
  if (countPlans(db) > 0) return [];
  return importFiles([SHIPPED_PLANS_DIR], { db, lexicon, clock, cwd });
}
