import type Database from 'better-sqlite3';
import type { Db } from './open.ts';

/**
 * Prepared statements, compiled once per database connection: answering a chat message runs a dozen queries,
 * and compiling each again every time cost more than running it.
 */
const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared<Params extends unknown[] | object = unknown[], Row = unknown>(
  db: Db,
  sql: string,
): Database.Statement<Params, Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Database.Statement<Params, Row>;
}

/**
 * Rows changed on this connection so far (SQLite's total_changes()): a caller compares it before and after a
 * turn to know whether the turn wrote anything.
 */
export function changesSoFar(db: Db): number {
  return prepared<[], number>(db, 'SELECT total_changes()').pluck().get() as number;
}
