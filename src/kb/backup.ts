import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open.ts';
import { migrate } from './schema.ts';

/**
 * Backups of the knowledge base: SQLite's online backup API gives a consistent copy while the server keeps
 * writing. Messages are for whoever runs the bot (the CLI prints them, the server logs them).
 */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** What a database holds, in the words of the person who runs the bot. */
export interface DatabaseSummary {
  schemaVersion: number;
  plans: number;
  tasks: number;
  users: number;
}

export interface BackupResult extends DatabaseSummary {
  path: string;
  bytes: number;
}

/**
 * A step size larger than any database: the copy is taken in one step. Steps of 100 pages would restart from the
 * beginning every time another connection (the server, a standby) commits in between — forever under load.
 * In WAL mode one step only reads, so writers are never held up.
 */
const ALL_PAGES = 0x7fffffff;

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const hasTable = (db: Db, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

const count = (db: Db, table: string, where = '1') =>
  hasTable(db, table)
    ? (db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get()?.n ?? 0)
    : 0;

/** Tasks are counted as the importer reports them: headings and retired tasks are not tasks to do. */
export function summarizeDatabase(db: Db): DatabaseSummary {
  return {
    schemaVersion: schemaVersionOf(db),
    plans: count(db, 'plans'),
    tasks: count(db, 'tasks', 'is_heading = 0 AND retired_at IS NULL'),
    users: count(db, 'users'),
  };
}

let ourSchema: number | undefined;
/** The schema version this code writes: what an empty database reaches after every migration. */
export function currentSchemaVersion(): number {
  if (ourSchema === undefined) {
    const db = new Database(':memory:');
    migrate(db);
    ourSchema = schemaVersionOf(db);
    db.close();
  }
  return ourSchema;
}

/**
 * Copies the open database to `out`: into a temporary file beside it, renamed when complete, so `out` is never a
 * half-written file. Refuses to replace an existing file unless `overwrite`.
 */
export async function backupDatabase(
  db: Db,
  out: string,
  options: { overwrite?: boolean } = {},
): Promise<BackupResult> {
  if (resolve(out) === resolve(db.name)) throw new BackupError('Tệp sao lưu phải khác tệp cơ sở dữ liệu.');
  const folder = dirname(out);
  if (!existsSync(folder))
    throw new BackupError(`Thư mục ${folder} không tồn tại. Hãy tạo thư mục đó hoặc chọn nơi khác.`);
  if (existsSync(out) && !options.overwrite)
    throw new BackupError(
      `Tệp ${out} đã có nên không ghi đè. Chọn tên khác, hoặc thêm --overwrite để ghi đè.`,
    );
  const temp = `${out}.tmp-${process.pid}`;
  try {
    await db.backup(temp, { progress: () => ALL_PAGES });
    const summary = sealBackup(temp);
    renameSync(temp, out);
    return { path: out, bytes: statSync(out).size, ...summary };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The copy keeps the source's WAL flag; a backup is a single self-contained file, so it goes back to a rollback
 * journal (opening a WAL file, even to read it, leaves -wal and -shm files beside it). Counted from the copy.
 */
function sealBackup(path: string): DatabaseSummary {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    return summarizeDatabase(copy);
  } finally {
    copy.close();
  }
}

/** Daily backups are `<prefix>-YYYY-MM-DD.db`: sorted by name is sorted by day. */
export function datedBackupName(prefix: string, day: string): string {
  return `${prefix}-${day}.db`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The dated backups of one database in a folder, newest first; other files are not ours and never touched. */
export function listDatedBackups(dir: string, prefix: string): { day: string; path: string }[] {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-(\\d{4}-\\d{2}-\\d{2})\\.db$`);
  return readdirSync(dir)
    .flatMap((name) => {
      const day = pattern.exec(name)?.[1];
      return day ? [{ day, path: join(dir, name) }] : [];
    })
    .sort((a, b) => b.day.localeCompare(a.day));
}

/** Keeps the newest `keep` dated backups; returns the files removed. */
export function pruneDatedBackups(dir: string, prefix: string, keep: number): string[] {
  const old = listDatedBackups(dir, prefix).slice(Math.max(keep, 1));
  for (const backup of old) rmSync(backup.path, { force: true });
  return old.map((b) => b.path);
}

/** Temporary files left by a backup that was cut short (a crash, a full disk). */
export function removeUnfinishedBackups(dir: string, prefix: string): void {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-\\d{4}-\\d{2}-\\d{2}\\.db\\.tmp-\\d+$`);
  for (const name of readdirSync(dir)) if (pattern.test(name)) rmSync(join(dir, name), { force: true });
}
