import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, currentSchemaVersion } from '../../src/kb/backup.ts';
import { openDatabase } from '../../src/kb/open.ts';
import { restoreDatabase } from '../../src/kb/restore.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, TODAY, tempDb, tempDir } from '../support/kb.ts';

/** restoreDatabase's refusals, in process: each leaves the target exactly as it was. */
async function withBackup() {
  const { db, path } = tempDb();
  await importInto(db, [join(SHIPPED_PLANS_DIR, 'sxd-2025-papi-phu-luc-3.txt')]);
  const backup = join(tempDir(), 'b.db');
  await backupDatabase(db, backup);
  db.close();
  return { target: path, backup };
}

const planCount = (path: string) => {
  const db = new Database(path, { readonly: true });
  const n = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM plans').get()?.n;
  db.close();
  return n;
};

describe('restoreDatabase', () => {
  it('refuses a backup made by a newer schema, and says which', async () => {
    const { target, backup } = await withBackup();
    const newer = join(tempDir(), 'newer.db');
    copyFileSync(backup, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${currentSchemaVersion() + 1}`);
    db.close();
    expect(() => restoreDatabase(newer, target, TODAY)).toThrow(
      /phiên bản mới hơn tạo ra \(lược đồ v\d+; phiên bản này đọc được đến v\d+\)/,
    );
    expect(readdirSync(join(target, '..'))).toEqual(['kb.db']);
  });

  it('refuses an SQLite file of another program', async () => {
    const { target } = await withBackup();
    const other = join(tempDir(), 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    expect(() => restoreDatabase(other, target, TODAY)).toThrow(
      'không phải cơ sở dữ liệu của Trợ lý nhiệm vụ',
    );
  });

  it('refuses while any other connection holds the database open (a cli chat, a server of an old version)', async () => {
    const { target, backup } = await withBackup();
    const holder = openDatabase(target);
    try {
      expect(() => restoreDatabase(backup, target, TODAY)).toThrow(/đang được một tiến trình khác mở/);
    } finally {
      holder.close();
    }
    expect(readdirSync(join(target, '..'))).toEqual(['kb.db']);
  });

  it('replaces the file, removes the old write-ahead files, keeps the old database aside', async () => {
    const { target, backup } = await withBackup();
    const db = openDatabase(target);
    await importInto(db, [SHIPPED_PLANS_DIR]);
    db.close();
    expect(planCount(target)).toBe(5);
    writeFileSync(`${target}-shm`, 'stale');
    const result = restoreDatabase(backup, target, new Date('2026-11-22T01:02:03Z'));
    expect(result).toMatchObject({ keptAs: `${target}.before-restore-20261122-080203`, plans: 1, tasks: 11 });
    expect(planCount(target)).toBe(1);
    expect(planCount(result.keptAs ?? '')).toBe(5);
    expect(existsSync(`${target}-shm`)).toBe(false);
  });

  it('is refused when the target folder is missing, naming it', async () => {
    const { backup } = await withBackup();
    const folder = join(tempDir(), 'khong-co');
    expect(() => restoreDatabase(backup, join(folder, 'kb.db'), TODAY)).toThrow(
      `Thư mục ${folder} không tồn tại`,
    );
  });

  it('backup refuses to write over its own database', async () => {
    const { db, path } = tempDb();
    await expect(backupDatabase(db, path)).rejects.toBeInstanceOf(BackupError);
    db.close();
  });
});
