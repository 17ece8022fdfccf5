import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TeamsManifest } from '../../adapters/teams/app-package/manifest.ts';
import { CLI, runCli, TSX } from './run-cli.ts';

/**
 * `cli teams-package` as deployment scripts run it: --out, --app-id, --name; the app id from MicrosoftAppId when
 * not given, the developer pages from PUBLIC_BASE_URL. A refusal is exit code 2, a Vietnamese sentence on stderr
 * and no file. Each run is in an empty folder, so no `.env` of the machine gets in.
 */
const APP_ID = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';
const ENV = {
  PUBLIC_BASE_URL: 'https://nhiemvu.snv.gov.vn/',
  MicrosoftAppId: undefined,
  MicrosoftAppPassword: undefined,
};

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'nhiemvu-teams-cli-'));
}

function manifestIn(zip: string): TeamsManifest {
  const entries = unzipSync(readFileSync(zip));
  expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  return JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())) as TeamsManifest;
}

describe('cli teams-package', () => {
  it('writes the package with --app-id and says where', async () => {
    const dir = folder();
    const out = join(dir, 'nhiemvu-teams.zip');
    const run = await runCli(['teams-package', '--out', out, '--app-id', APP_ID], { env: ENV, cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Đã ghi gói ứng dụng Teams vào ${out}`);
    expect(run.stdout).toContain(APP_ID);
    expect(run.stdout).toContain('Trợ lý nhiệm vụ');
    const manifest = manifestIn(out);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.developer.privacyUrl).toBe('https://nhiemvu.snv.gov.vn/');
    expect(readdirSync(dir)).toEqual(['nhiemvu-teams.zip']);
  }, 60_000);

  it('takes the app id from MicrosoftAppId and the name from --name', async () => {
    const dir = folder();
    const out = join(dir, 'app.zip');
    const run = await runCli(['teams-package', '--out', out, '--name', 'Nhiệm vụ Sở Nội vụ'], {
      env: { ...ENV, MicrosoftAppId: ` ${APP_ID} ` },
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const manifest = manifestIn(out);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.name).toEqual({ short: 'Nhiệm vụ Sở Nội vụ', full: 'Nhiệm vụ Sở Nội vụ' });
  }, 60_000);

  it('refuses with exit code 2 and writes nothing: no app id, a long name, no folder, no https', async () => {
    const dir = folder();
    const out = join(dir, 'app.zip');
    const cases: Array<[string[], Record<string, string | undefined>, string]> = [
      [[], ENV, 'MicrosoftAppId'],
      [['--app-id', 'my-bot'], ENV, 'không phải GUID'],
      [['--app-id', APP_ID, '--name', 'Trợ lý nhiệm vụ Sở Nội vụ tỉnh Huế'], ENV, 'tối đa 30 ký tự'],
      [
        ['--app-id', APP_ID],
        { ...ENV, PUBLIC_BASE_URL: 'http://127.0.0.1:3978' },
        'PUBLIC_BASE_URL=https://',
      ],
      [['--app-id', APP_ID], { ...ENV, PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL=not a url'],
    ];
    for (const [args, env, said] of cases) {
      const run = await runCli(['teams-package', '--out', out, ...args], { env, cwd: dir });
      expect(run, said).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toContain(said);
    }
    const noFolder = await runCli(
      ['teams-package', '--out', join(dir, 'nope', 'app.zip'), '--app-id', APP_ID],
      {
        env: ENV,
        cwd: dir,
      },
    );
    expect(noFolder).toMatchObject({ code: 2, stdout: '' });
    expect(noFolder.stderr).toContain('Không có thư mục');
    const noOut = await runCli(['teams-package', '--app-id', APP_ID], { env: ENV, cwd: dir });
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('offers command hints the bot understands as they are', async () => {
    const dir = folder();
    const manifestRun = await runCli(['teams-package', '--out', join(dir, 'a.zip'), '--app-id', APP_ID], {
      env: ENV,
      cwd: dir,
    });
    expect(manifestRun.code).toBe(0);
    const lists = manifestIn(join(dir, 'a.zip')).bots[0]?.commandLists ?? [];
    const titles = [...new Set(lists.flatMap((l) => l.commands.map((c) => c.title)))];
    const who = { org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'lead', today: '2026-11-22' };
    const input = titles.map((text) => JSON.stringify({ text, user: 'lan', ...who })).join('\n');
    const child = execFile(TSX, [CLI, 'ask', '--jsonl', '--db', join(dir, 'kb.db')], { cwd: dir });
    child.stdin?.end(`${input}\n`);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    await new Promise((resolve) => child.on('close', resolve));
    const intents = out
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { intent?: string }).intent);
    expect(Object.fromEntries(titles.map((t, i) => [t, intents[i]]))).toEqual({
      'hướng dẫn': 'help',
      'nhiệm vụ của tôi': 'my_tasks',
      'việc nào quá hạn': 'overdue',
      'việc nào sắp đến hạn': 'deadlines',
      'chi tiết nhiệm vụ III.8': 'task_detail',
      'ai chủ trì việc tuyển dụng': 'who_is_responsible',
      'báo cáo nhiệm vụ I.5 đạt 60%': 'report_progress',
      'xuất báo cáo quý này': 'export_report',
      'đăng ký bản tin tuần': 'digest',
      'hủy bản tin': 'digest',
    });
  }, 180_000);
});
