import { readFileSync } from 'node:fs';
import { createLexicon, type Lexicon, lexiconFileSchema } from '../ingest/units/lexicon.ts';

/** Reads and validates the unit lexicon kept as data (`data/lexicon/units.json`). */
export function loadLexicon(path: string): Lexicon {
  const parsed = lexiconFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `Tệp từ điển ${path} sai cấu trúc: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return createLexicon(parsed.data);
}
