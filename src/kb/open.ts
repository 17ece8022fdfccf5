import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_DB_PATH } from '../paths.ts';
import { migrate } from './schema.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Read-only commands (export, users list, digest preview, backup) must never create a database: an empty file
   * would look like a knowledge base that lost everything. A missing file is then an error naming it.
   */
  mustExist?: boolean;
  /** Backup and restore look at a file as it is; everything else brings its schema up to date. */
  migrate?: boolean;
}

/** Why a database could not be opened, for whoever runs the bot (the message is the sentence shown). */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'missing-file' | 'missing-folder' | 'not-a-file',
    readonly path: string,
  ) {
    super(openErrorText(kind, path));
    this.name = 'DatabaseOpenError';
  }
}

function openErrorText(kind: DatabaseOpenError['kind'], path: string): string {
  switch (kind) {
    case 'missing-file':
      return `Không có cơ sở dữ liệu ở ${path}. Kiểm tra lại --db hoặc DB_PATH (lệnh này không tạo cơ sở dữ liệu mới).`;
    case 'missing-folder':
      return `Thư mục ${path} không tồn tại. Hãy tạo thư mục đó hoặc sửa --db / DB_PATH.`;
    case 'not-a-file':
      return `${path} không phải một tệp cơ sở dữ liệu (có thể là thư mục).`;
  }
}

/**
 * Only the default `data/` folder is created on demand (a fresh clone runs with no set-up); a folder someone
 * named in DB_PATH or --db must exist, or a typo would silently start an empty knowledge base elsewhere.
 */
function checkPath(path: string, mustExist: boolean): void {
  if (existsSync(path)) {
    if (!statSync(path).isFile()) throw new DatabaseOpenError('not-a-file', path);
    return;
  }
  if (mustExist) throw new DatabaseOpenError('missing-file', path);
  const folder = dirname(path);
  if (existsSync(folder)) return;
  if (resolve(path) !== resolve(DEFAULT_DB_PATH)) throw new DatabaseOpenError('missing-folder', folder);
  mkdirSync(folder, { recursive: true });
}

/** Opens the knowledge base file (creating it unless told not to) and brings its schema up to date. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') checkPath(path, options.mustExist === true);
  const db = new Database(path);
  try {
    // WAL is a lasting property of the file, set by whoever writes (server, import, ask). A command that only
    // reads must not rewrite the header of what it reads — a backup file stays as it was made.
    if (!options.mustExist) db.pragma('journal_mode = WAL');
    // With WAL, NORMAL never corrupts the file and keeps every commit across a crash of the process; only an OS
    // crash or power cut can lose the last commits. FULL would fsync on each of the bot's small writes (claim,
    // handled, conversation state), which capped the webhook at a few hundred messages a second.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.migrate !== false) migrate(db);
  } catch (error) {
    // A file that is no database, or one that cannot be written, must not leave a handle behind.
    db.close();
    throw error;
  }
  return db;
}
