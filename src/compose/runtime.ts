import type { FileResult } from '../import/import-files.ts';
import { loadLexicon } from '../import/lexicon-file.ts';
import { seedIfEmpty } from '../import/seed.ts';
import type { Lexicon } from '../ingest/units/lexicon.ts';
import { type OpenOptions, openDatabase } from '../kb/open.ts';
import { DEFAULT_LEXICON_PATH } from '../paths.ts';
import { loadChatLexicon } from '../vi/message.ts';
import { type Core, type CoreOptions, createCore } from './core.ts';

export interface Runtime extends Core {
  lexicon: Lexicon;
  /** What was imported into an empty database at start-up (nothing when it already had plans). */
  seeded: FileResult[];
}

/**
 * Opens the knowledge base (seeding an empty one with the shipped plans) and builds the conversation core.
 * The CLI and the server both start here, so neither borrows the other's wiring.
 * With `mustExist`, a missing database is an error instead of a new one (commands that only read or administer).
 */
export async function createRuntime(
  dbPath: string,
  clock: () => Date = () => new Date(),
  open: OpenOptions = {},
  core: CoreOptions = {},
): Promise<Runtime> {
  const db = openDatabase(dbPath, open);
  try {
    const lexicon = loadLexicon(DEFAULT_LEXICON_PATH);
    const seeded = await seedIfEmpty(db, lexicon, clock, process.cwd());
    return { ...createCore(db, lexicon, loadChatLexicon(), clock, core), lexicon, seeded };
  } catch (error) {
    db.close();
    throw error;
  }
}
