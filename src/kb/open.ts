import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema.ts';

export type Db = Database.Database;

/** Opens (creating if needed) the knowledge base file and brings its schema up to date. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL never corrupts the file and keeps every commit across a crash of the process; only an OS
  // crash or power cut can lose the last commits. FULL would fsync on each of the bot's small writes (claim,
  // handled, conversation state), which capped the webhook at a few hundred messages a second.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
