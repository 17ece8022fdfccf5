import { execFile } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { tempDir } from '../support/kb.ts';

/** The CLI is a contract used by deployment scripts: run it exactly as they do, in a child process. */
const run = promisify(execFile);
const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const CLI = join(PROJECT_ROOT, 'src/cli.ts');

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli import / export --json', () => {
  it('imports the shipped plans, then exports the documented JSON shape', async () => {
    const db = join(tempDir(), 'kb.db');
    const imported = await cli(['import', '--db', db, SHIPPED_PLANS_DIR]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /✔ data\/plans\/sxd-2025-par-index-phu-luc-1\.txt — KH 55\/KH-SXD Phụ lục I: 42 nhiệm vụ/,
    );
    expect(imported.stdout).toContain('Đã nhập 5/5 tệp, 236 nhiệm vụ.');

    const exported = await cli(['export', '--json', '--db', db]);
    expect(exported.code).toBe(0);
    const kb = JSON.parse(exported.stdout);
    expect(Object.keys(kb)).toEqual(['plans', 'tasks', 'units']);
    expect(Object.keys(kb.plans[0])).toEqual(
      expect.arrayContaining(['id', 'code', 'issuer', 'year', 'title', 'source']),
    );
    const task = kb.tasks.find((t: { id: string }) => t.id === '55-kh-sxd-2025-phu-luc-i/III/7');
    expect(Object.keys(task)).toEqual(
      expect.arrayContaining([
        'id',
        'planId',
        'section',
        'stt',
        'isHeading',
        'parentId',
        'content',
        'lead',
        'coordinate',
        'deadline',
        'product',
        'kpis',
      ]),
    );
    expect(task.section).toEqual({ code: 'III', title: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)' });
    expect(task.coordinate[0]).toMatchObject({
      name: 'Văn phòng Sở',
      raw: 'Văn phòng Sở tổng hợp',
      role: 'tổng hợp',
    });
    expect(task.deadline).toEqual({ raw: 'Thường xuyên', due: null, kind: 'ongoing' });
    expect(task.kpis[0]).toEqual({ text: expect.any(String), op: '>', value: 99, unit: '%' });
  }, 60_000);

  it('uses DB_PATH when --db is not given', async () => {
    const db = join(tempDir(), 'from-env.db');
    const file = join(SHIPPED_PLANS_DIR, 'sxd-2025-papi-phu-luc-3.txt');
    expect((await cli(['import', file], { DB_PATH: db })).code).toBe(0);
    const kb = JSON.parse((await cli(['export', '--json'], { DB_PATH: db })).stdout);
    expect(kb.plans.map((p: { id: string }) => p.id)).toEqual(['55-kh-sxd-2025-phu-luc-iii']);
  }, 60_000);

  it('reports a bad file by name, still imports the good one, and exits non-zero', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hong.txt'), 'không phải kế hoạch\n');
    copyFileSync(join(SHIPPED_PLANS_DIR, 'sxd-2025-papi-phu-luc-3.txt'), join(dir, 'tot.txt'));
    const db = join(dir, 'kb.db');
    const result = await cli(['import', '--db', db, join(dir, 'hong.txt'), join(dir, 'tot.txt')]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/✘ .*hong\.txt: Không nhận ra bố cục/);
    expect(result.stdout).toMatch(/✔ .*tot\.txt/);
    const kb = JSON.parse((await cli(['export', '--json', '--db', db])).stdout);
    expect(kb.plans).toHaveLength(1);
  }, 60_000);
});

describe('cli ask', () => {
  it('answers one message as a given user, in text and in JSON', async () => {
    const db = join(tempDir(), 'kb.db');
    const user = ['--org', 'Sở Nội vụ', '--unit', 'Phòng Công chức, viên chức', '--today', '2026-11-22'];
    const text = await cli(['ask', '--db', db, ...user, 'phòng tôi chủ trì gì']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Phòng Công chức, viên chức chủ trì \d+ nhiệm vụ:/);
    const json = JSON.parse(
      (await cli(['ask', '--db', db, ...user, '--json', 'chi tiết nhiệm vụ V.4'])).stdout,
    );
    expect(json).toMatchObject({ intent: 'task_detail', entities: { taskRef: 'V.4' } });
    expect(json.tasks[0]).toMatchObject({
      id: 'snv-2026-cchc/V/4',
      stt: '4',
      responsibility: null,
      status: null,
    });
  }, 60_000);

  it('--jsonl answers requests in order against one database, so a report changes later answers', async () => {
    const db = join(tempDir(), 'kb.db');
    const who = {
      org: 'Sở Nội vụ',
      unit: 'Phòng Tổ chức, biên chế và Cải cách hành chính',
      today: '2026-11-22',
    };
    const input = [
      { text: 'việc nào quá hạn', ...who, user: 'tcbc' },
      { text: 'báo cáo nhiệm vụ I.5 đã hoàn thành', user: 'tcbc', today: '2026-11-22' },
      { text: 'việc nào quá hạn', user: 'tcbc', today: '2026-11-22' },
      { text: 'không phải json' },
    ]
      .map((r) => (typeof r === 'object' ? JSON.stringify(r) : r))
      .join('\n');
    const child = execFile(TSX, [CLI, 'ask', '--jsonl', '--db', db], { cwd: PROJECT_ROOT });
    child.stdin?.end(`${input}\n{broken\n`);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    await new Promise((resolve) => child.on('close', resolve));
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(Object.keys(lines[0])).toEqual(['intent', 'entities', 'tasks', 'reply']);
    expect(lines[0].tasks.map((t: { id: string }) => t.id)).toContain('snv-2026-cchc/I/5');
    expect(lines[0].tasks[0]).toHaveProperty('responsibility');
    expect(lines[0].tasks[0]).toHaveProperty('status');
    expect(lines[1]).toMatchObject({ intent: 'report_progress' });
    expect(lines[2].tasks.map((t: { id: string }) => t.id)).not.toContain('snv-2026-cchc/I/5');
    expect(lines[4]).toHaveProperty('error');
  }, 60_000);
});

describe('cli users', () => {
  it('approves a registered user and makes the first admin', async () => {
    const db = join(tempDir(), 'kb.db');
    await cli([
      'ask',
      '--db',
      db,
      '--user',
      'lan',
      '--today',
      '2026-11-22',
      'tôi thuộc Văn phòng Sở, Sở Nội vụ',
    ]);
    const pending = await cli([
      'ask',
      '--db',
      db,
      '--user',
      'lan',
      '--today',
      '2026-11-22',
      'báo cáo nhiệm vụ III.8 đạt 50%',
    ]);
    expect(pending.stdout).toContain('chưa được quản trị viên duyệt');
    const list = (await cli(['users', 'list', '--db', db])).stdout;
    const id =
      list
        .split('\n')
        .find((l) => l.includes('cli:lan'))
        ?.split('\t')[0] ?? '';
    expect(list).toContain('chờ duyệt');
    expect((await cli(['users', 'approve', id, '--db', db])).stdout).toContain(`Đã duyệt người dùng ${id}`);
    const after = await cli([
      'ask',
      '--db',
      db,
      '--user',
      'lan',
      '--today',
      '2026-11-22',
      'báo cáo nhiệm vụ III.8 đạt 50%',
    ]);
    expect(after.stdout).toContain('Đã ghi nhận báo cáo');
    expect((await cli(['users', 'set-role', id, 'admin', '--db', db])).stdout).toContain('vai trò admin');
    expect((await cli(['users', 'list', '--db', db])).stdout).toMatch(/cli:lan\tadmin\tđã duyệt/);
  }, 90_000);
});
