import { fileURLToPath } from 'node:url';

/** Where the shipped data lives, relative to this source tree (not to the working directory). */
const root = fileURLToPath(new URL('..', import.meta.url));

export const PROJECT_ROOT = root;
export const DEFAULT_LEXICON_PATH = fileURLToPath(new URL('../data/lexicon/units.json', import.meta.url));
export const DEFAULT_CALENDAR_PATH = fileURLToPath(
  new URL('../data/calendar/vn-holidays.json', import.meta.url),
);
export const SHIPPED_PLANS_DIR = fileURLToPath(new URL('../data/plans', import.meta.url));
/** The contract: DB_PATH from the environment, else data/nhiemvu.db (relative to the working directory). */
export const DEFAULT_DB_PATH = 'data/nhiemvu.db';
