import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerInstance } from '../../src/kb/instances-repo.ts';
import { openDatabase } from '../../src/kb/open.ts';
import { PROJECT_ROOT, SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { CLI, runCli, TSX } from '../cli/run-cli.ts';
import { importInto, tempDb, tempDir } from '../support/kb.ts';

/** `cli backup` / `cli restore` as an admin runs them, against a database that is being written to. */
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function countReports(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM progress_reports').get()?.n ?? 0;
  } finally {
    db.close();
  }
}

const until = async (check: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

async function shippedDb(): Promise<string> {
  const { db, path } = tempDb();
  await importInto(db, [SHIPPED_PLANS_DIR]);
  db.close();
  return path;
}

/** A unit staff member reporting progress over and over through `ask --jsonl`: a real writer in another process. */
function startReporting(db: string) {
  const child = execFile(TSX, [CLI, 'ask', '--jsonl', '--db', db], { cwd: PROJECT_ROOT });
  const who = {
    org: 'Sở Nội vụ',
    unit: 'Phòng Tổ chức, biên chế và Cải cách hành chính',
    today: '2026-11-22',
  };
  child.stdin?.write(`${JSON.stringify({ text: 'xin chào', user: 'tcbc', ...who })}\n`);
  let percent = 0;
  const timer = setInterval(() => {
    percent = (percent % 99) + 1;
    child.stdin?.write(`${JSON.stringify({ text: `báo cáo nhiệm vụ I.5 đạt ${percent}%`, user: 'tcbc' })}\n`);
  }, 20);
  const closed = new Promise((resolve) => child.on('close', resolve));
  return {
    async stop() {
      clearInterval(timer);
      child.stdin?.end();
      await closed;
    },
  };
}

describe('cli backup and restore', () => {
  it('backs up while another process writes; the restored database exports the same as the backup', async () => {
    const db = await shippedDb();
    const dir = tempDir();
    const backup = join(dir, 'sao-luu.db');
    const writer = startReporting(db);
    try {
      await until(() => countReports(db) >= 5);
      const made = await runCli(['backup', '--out', backup, '--db', db]);
      expect(made.code).toBe(0);
      expect(made.stdout).toMatch(
        /^Đã sao lưu .* vào .*sao-luu\.db: [\d,]+ KB, lược đồ v\d+, 5 kế hoạch, 236 nhiệm vụ, 1 người dùng\./,
      );
      const inBackup = countReports(backup);
      expect(inBackup).toBeGreaterThanOrEqual(5);
      // The writer kept going after the copy was taken: the copy is a snapshot, not the end state.
      await until(() => countReports(db) > inBackup);
      const again = await runCli(['backup', '--out', backup, '--db', db]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('đã có nên không ghi đè');
    } finally {
      await writer.stop();
    }
    const check = new Database(backup, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
    expect(readdirSync(dir).sort()).toEqual(['sao-luu.db']);

    const restored = join(tempDir(), 'khoi-phuc.db');
    const restore = await runCli(['restore', backup, '--db', restored]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('chưa có cơ sở dữ liệu');
    const [fromBackup, fromRestored] = await Promise.all([
      runCli(['export', '--json', '--db', backup]),
      runCli(['export', '--json', '--db', restored]),
    ]);
    expect(fromBackup.code).toBe(0);
    expect(JSON.parse(fromRestored.stdout)).toEqual(JSON.parse(fromBackup.stdout));
    expect(countReports(restored)).toBe(countReports(backup));
  }, 120_000);

  it('refuses to restore over a database a live server is registered in, naming it; nothing changes', async () => {
    const db = await shippedDb();
    const backup = join(tempDir(), 'b.db');
    expect((await runCli(['backup', '--out', backup, '--db', db])).code).toBe(0);
    const open = openDatabase(db);
    registerInstance(open, { id: 'inst-1', pid: 4242, host: 'may-chu-so-noi-vu' }, new Date());
    open.close();
    const before = sha(db);
    const result = await runCli(['restore', backup, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Máy chủ đang chạy trên .*: máy may-chu-so-noi-vu, tiến trình 4242 \(mã inst-1\)/,
    );
    expect(sha(db)).toBe(before);
    expect(readdirSync(join(db, '..')).filter((f) => /before-restore|restore-tmp/.test(f))).toEqual([]);
  }, 120_000);

  it('refuses a file that is not a database, and keeps the replaced database aside otherwise', async () => {
    const db = await shippedDb();
    const junk = join(tempDir(), 'khong-phai.db');
    writeFileSync(junk, 'Đây là một tệp văn bản, không phải cơ sở dữ liệu.\n'.repeat(200));
    const before = sha(db);
    const refused = await runCli(['restore', junk, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('không phải tệp cơ sở dữ liệu SQLite hợp lệ');
    expect(sha(db)).toBe(before);
    expect(readdirSync(join(db, '..'))).toEqual(['kb.db']);

    const backup = join(tempDir(), 'b.db');
    expect((await runCli(['backup', '--out', backup, '--db', db])).code).toBe(0);
    const restored = await runCli(['restore', backup, '--db', db]);
    expect(restored.code).toBe(0);
    const kept = /giữ ở (.*before-restore-\d{8}-\d{6})\./.exec(restored.stdout)?.[1] ?? '';
    expect(existsSync(kept)).toBe(true);
    expect(sha(kept)).toBe(before);
  }, 120_000);
});
