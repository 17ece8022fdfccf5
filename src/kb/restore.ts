import { copyFileSync, existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  BackupError,
  currentSchemaVersion,
  type DatabaseSummary,
  schemaVersionOf,
  summarizeDatabase,
} from './backup.ts';
import { liveInstances } from './instances-repo.ts';
import { DatabaseOpenError, type Db } from './open.ts';
import { migrate } from './schema.ts';
import { toStorageFailure } from './sqlite-errors.ts';

export interface RestoreResult extends DatabaseSummary {
  /** Where the replaced database was kept, or null when there was none. */
  keptAs: string | null;
}

// Tables of the first schema: any nhiemvu database has them, however old.
const NHIEMVU_TABLES = ['plans', 'tasks', 'units'];

function hasTables(db: Db, names: string[]): boolean {
  const found = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((r) => r.name);
  return names.every((n) => found.includes(n));
}

/** A copy of the backup, checked: a sound SQLite file, an nhiemvu database, a schema we can read (then ours). */
function checkCopy(copy: string, source: string): DatabaseSummary {
  const db = new Database(copy, { fileMustExist: true });
  try {
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check[0]?.integrity_check !== 'ok')
      throw new BackupError(`${source} bị hỏng (kiểm tra toàn vẹn: ${check[0]?.integrity_check ?? '?'}).`);
    const version = schemaVersionOf(db);
    if (version === 0 || !hasTables(db, NHIEMVU_TABLES))
      throw new BackupError(`${source} không phải cơ sở dữ liệu của Trợ lý nhiệm vụ.`);
    const ours = currentSchemaVersion();
    if (version > ours)
      throw new BackupError(
        `${source} do một phiên bản mới hơn tạo ra (lược đồ v${version}; phiên bản này đọc được đến v${ours}). ` +
          'Hãy cập nhật Trợ lý nhiệm vụ trước khi khôi phục.',
      );
    // An older backup is brought up to date now, so a failing migration shows before anything is replaced.
    migrate(db);
    return summarizeDatabase(db);
  } catch (error) {
    if (toStorageFailure(error) === 'corrupt')
      throw new BackupError(`${source} không phải tệp cơ sở dữ liệu SQLite hợp lệ.`);
    throw error;
  } finally {
    db.close();
  }
}

/**
 * The database about to be replaced must be closed everywhere: no server registered and beating in it, and no
 * other connection at all (an exclusive lock is refused while anyone holds the file open). Its write-ahead log is
 * folded in first, so the file kept aside is complete.
 */
function checkTargetFree(target: string, now: Date): void {
  const db = new Database(target, { fileMustExist: true, timeout: 1000 });
  try {
    if (hasTables(db, ['instances'])) {
      const live = liveInstances(db, now);
      if (live.length > 0) {
        const who = live.map((i) => `máy ${i.host}, tiến trình ${i.pid} (mã ${i.id})`).join('; ');
        throw new BackupError(
          `Máy chủ đang chạy trên ${target}: ${who}. Hãy dừng máy chủ rồi khôi phục lại; chưa thay đổi gì.`,
        );
      }
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    const failure = toStorageFailure(error);
    if (failure === 'busy')
      throw new BackupError(
        `${target} đang được một tiến trình khác mở (máy chủ, cli chat…). Hãy đóng nó rồi khôi phục lại; chưa thay đổi gì.`,
      );
    // A broken database is what a restore is for: it is replaced (and kept aside) without further checks.
    if (failure !== 'corrupt') throw error;
  } finally {
    db.close();
  }
}

/** Local time in Asia/Ho_Chi_Minh as YYYYMMDD-HHmmss, for names a person can read. */
function stamp(now: Date): string {
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(now);
  return local.replace(/-/g, '').replace(' ', '-').replace(/:/g, '');
}

/** A hard link costs no space and no time; a copy where links are not allowed (some network shares). */
function keepAside(target: string, now: Date): string {
  const kept = `${target}.before-restore-${stamp(now)}`;
  try {
    linkSync(target, kept);
  } catch {
    try {
      copyFileSync(target, kept);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new BackupError(`Không giữ được bản cũ thành ${kept} (${detail}) nên chưa khôi phục.`);
    }
  }
  return kept;
}

const removeSidecars = (path: string) => {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
};

/**
 * Replaces the database at `target` with the backup `source`, atomically: the backup is copied and checked beside
 * the target, then renamed over it. Refused — nothing changed — when the backup is not a sound nhiemvu database
 * or the target is in use. The replaced database is kept as `<target>.before-restore-<time>`.
 */
export function restoreDatabase(source: string, target: string, now: Date): RestoreResult {
  if (!existsSync(source) || !statSync(source).isFile())
    throw new BackupError(`Không tìm thấy tệp sao lưu ${source}.`);
  if (resolve(source) === resolve(target))
    throw new BackupError('Tệp sao lưu và cơ sở dữ liệu cần khôi phục là cùng một tệp.');
  if (!existsSync(dirname(target))) throw new DatabaseOpenError('missing-folder', dirname(target));
  const copy = `${target}.restore-tmp`;
  removeSidecars(copy);
  try {
    copyFileSync(source, copy);
    const summary = checkCopy(copy, source);
    const exists = existsSync(target);
    if (exists) checkTargetFree(target, now);
    const keptAs = exists ? keepAside(target, now) : null;
    // The old -wal/-shm belong to the replaced file; left beside the new one they would be read as its own.
    removeSidecars(target);
    renameSync(copy, target);
    return { keptAs, ...summary };
  } finally {
    rmSync(copy, { force: true });
    removeSidecars(copy);
  }
}
