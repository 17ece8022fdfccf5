import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, tempDb, tempDir } from '../support/kb.ts';
import { runCli } from './run-cli.ts';

/** Issue 10 "safe to run in an office": the CLI speaks Vietnamese, never creates by accident, explains failures. */
const PLAN = join(SHIPPED_PLANS_DIR, 'sxd-2025-papi-phu-luc-3.txt');
const ENGLISH = /Usage|Options:|Commands:|Arguments:|display help|default:|choices:|error:/;

describe('cli help and usage errors are Vietnamese', () => {
  it('help titles, the help option and command, defaults and choices', async () => {
    const [top, importHelp, askHelp] = await Promise.all([
      runCli(['--help']),
      runCli(['import', '--help']),
      runCli(['help', 'ask']),
    ]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Cách dùng: nhiemvu \[tùy chọn\] \[lệnh\]/);
    expect(top.stdout).toContain('Lệnh:');
    expect(top.stdout).toContain('xem hướng dẫn');
    expect(top.stdout).toMatch(/backup \[tùy chọn\]/);
    expect(top.stdout).toMatch(/restore \[tùy chọn\] <tệp>/);
    expect(importHelp.stdout).toContain('Tham số:');
    expect(importHelp.stdout).toContain('Tùy chọn:');
    expect(importHelp.stdout).toContain('(mặc định: 20)');
    expect(askHelp.code).toBe(0);
    expect(askHelp.stdout).toContain('chọn một trong: staff, lead, admin');
    for (const help of [top, importHelp, askHelp]) expect(help.stdout).not.toMatch(ENGLISH);
  }, 60_000);

  it.each([
    [['export', '--json', '--bogus'], /^Lỗi: không có tùy chọn --bogus\./],
    [['exprot'], /^Lỗi: không có lệnh “exprot”\. Có phải ý bạn là export\?/],
    [['restore'], /^Lỗi: thiếu tham số bắt buộc <tệp>\./],
    [
      ['ask', '--role', 'boss', 'x'],
      /^Lỗi: giá trị “boss” của --role <vai-trò> không hợp lệ\. Chỉ được chọn: staff, lead, admin\./,
    ],
    [['export', '--json', 'thừa'], /^Lỗi: thừa tham số cho lệnh “export” \(cần 0, nhận 1\)\./],
    [
      ['ask', '--today', '22/11/2026', 'x'],
      /^Lỗi: giá trị “22\/11\/2026” của --today <YYYY-MM-DD> không hợp lệ\. Cần ngày dạng/,
    ],
    [['backup'], /^Lỗi: thiếu tùy chọn bắt buộc --out <tệp>\./],
    [['import', '--db'], /^Lỗi: tùy chọn --db <tệp> cần một giá trị\./],
    [['digest', '--preview'], /^Lỗi: Cần --group, hoặc --unit\/--org\./],
  ])(
    '%j exits 2 with a Vietnamese message',
    async (args, message) => {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(ENGLISH);
    },
    60_000,
  );
});

describe('cli never creates a database by accident', () => {
  it('read-only commands on a missing database name it, exit 2 and create nothing', async () => {
    const dir = tempDir();
    const missing = join(dir, 'khong-co.db');
    const runs = await Promise.all([
      runCli(['users', 'list', '--db', missing]),
      runCli(['export', '--json', '--db', missing]),
      runCli(['digest', '--preview', '--unit', 'Văn phòng Sở', '--db', missing]),
      runCli(['backup', '--out', join(dir, 'b.db'), '--db', missing]),
      runCli(['users', 'approve', '1', '--db', missing]),
    ]);
    for (const result of runs) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Không có cơ sở dữ liệu ở ${missing}`);
    }
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'b.db'))).toBe(false);
  }, 60_000);

  it('an explicit --db in a folder that does not exist is an error naming the folder', async () => {
    const folder = join(tempDir(), 'chua-tao');
    const result = await runCli(['import', '--db', join(folder, 'kb.db'), PLAN]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Thư mục ${folder} không tồn tại`);
    expect(existsSync(folder)).toBe(false);
  }, 60_000);

  it('users list prints a header row and the organisation of each unit', async () => {
    const { db, path } = tempDb();
    await importInto(db, [SHIPPED_PLANS_DIR]);
    db.close();
    await runCli([
      'ask',
      '--db',
      path,
      '--user',
      'lan',
      '--today',
      '2026-11-22',
      'tôi thuộc Văn phòng Sở, Sở Nội vụ',
    ]);
    const list = await runCli(['users', 'list', '--db', path]);
    const [header, row] = list.stdout.trim().split('\n');
    expect(header?.split('\t')).toEqual([
      'Mã',
      'Kênh:mã người dùng',
      'Vai trò',
      'Trạng thái',
      'Đơn vị',
      'Cơ quan',
    ]);
    expect(row?.split('\t').slice(1)).toEqual(['cli:lan', 'staff', 'chờ duyệt', 'Văn phòng Sở', 'Sở Nội vụ']);
  }, 60_000);
});

describe('cli failures a clerk can act on', () => {
  it('a read-only database gives the Vietnamese sentence, with SQLite’s own error for the admin', async () => {
    const { db, path } = tempDb();
    await importInto(db, [PLAN]);
    db.close();
    // Write version 3 in the header: SQLite itself treats the file as read-only (works even as root, unlike chmod).
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([3]), 0, 1, 18);
    closeSync(fd);
    const result = await runCli(['ask', '--db', path, '--user', 'x', 'xin chào']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Không ghi được vào cơ sở dữ liệu: tệp đang ở chế độ chỉ đọc');
    expect(result.stderr).toContain('SQLITE_READONLY');
    // Reading still works.
    expect((await runCli(['export', '--json', '--db', path])).code).toBe(0);
  }, 60_000);

  it('a plan over the size limit is refused with its size, unread; the other files still import', async () => {
    const dir = tempDir();
    const big = join(dir, 'quet-nham.txt');
    writeFileSync(big, '');
    truncateSync(big, Math.round(2.5 * 1024 * 1024)); // sparse: nothing is written, nothing to read
    copyFileSync(PLAN, join(dir, 'tot.txt'));
    const db = join(dir, 'kb.db');
    const result = await runCli(['import', '--db', db, '--max-mb', '1', big, join(dir, 'tot.txt')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /✘ .*quet-nham\.txt: Tệp nặng 2,5 MB, vượt giới hạn 1 MB nên không được đọc/,
    );
    expect(result.stdout).toMatch(/✔ .*tot\.txt/);
    const viaEnv = await runCli(['import', '--db', db, big], { env: { IMPORT_MAX_MB: '2' } });
    expect(viaEnv.stdout).toContain('vượt giới hạn 2 MB');
    const badEnv = await runCli(['import', '--db', db, big], { env: { IMPORT_MAX_MB: 'hai' } });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/^Lỗi: IMPORT_MAX_MB=hai: /);
  }, 60_000);
});

describe('cli reads .env', () => {
  it('uses .env in the working directory; a variable set in the environment wins', async () => {
    const dir = tempDir();
    const fromFile = join(dir, 'tu-dotenv.db');
    const fromEnv = join(dir, 'tu-moi-truong.db');
    writeFileSync(join(dir, '.env'), `# như .env.example\nDB_PATH=${fromFile}\nIMPORT_MAX_MB=20\n`);
    const imported = await runCli(['import', PLAN], { cwd: dir, env: { DB_PATH: undefined } });
    expect(imported.code).toBe(0);
    expect(existsSync(fromFile)).toBe(true);
    const overridden = await runCli(['export', '--json'], { cwd: dir, env: { DB_PATH: fromEnv } });
    expect(overridden.code).toBe(2);
    expect(overridden.stderr).toContain(fromEnv);
    const exported = await runCli(['export', '--json'], { cwd: dir, env: { DB_PATH: undefined } });
    expect(JSON.parse(exported.stdout).plans).toHaveLength(1);
  }, 60_000);
});
