import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { redactUrl } from '../../adapters/files-route.ts';
import { ask } from '../../src/cli/ask.ts';
import { countDownloads } from '../../src/kb/downloads-repo.ts';
import { tempDir } from '../support/kb.ts';

/**
 * "xuất báo cáo" end to end: the chat answer is a link, GET /files/<token> on the real server (a real SQLite
 * file, 127.0.0.1) sends the report, a dead link is a Vietnamese 404 page, and no token reaches the log.
 */
const START = new Date('2026-11-22T09:00:00+07:00');
const LEAD = { user: 'ccvc-tp', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'lead' } as const;
const STAFF = { user: 'ccvc', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'staff' } as const;
const ADMIN = { user: 'snv-admin', org: 'Sở Nội vụ', role: 'admin' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let bot: RunningBot | null = null;
afterEach(async () => {
  await bot?.stop();
  bot = null;
});

async function boot() {
  let now = START;
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const dbPath = join(tempDir(), 'kb.db');
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', DB_PATH: dbPath, SCHEDULER: 'off' });
  bot = await startBot(config, { logger, clock: () => now });
  const running = bot;
  const say = (who: typeof LEAD | typeof STAFF | typeof ADMIN, text: string) =>
    ask(running.runtime, { ...who, text, today: '2026-11-22' });
  /** The link's path, fetched from the running server (the link itself names the configured base). */
  const download = (reply: string) => {
    const path = reply.match(/\/files\/[A-Za-z0-9_-]+/)?.[0];
    if (!path) throw new Error(`no link in: ${reply}`);
    return fetch(`${running.url}${path}`);
  };
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return { bot: running, logs, dbPath, say, download, advance };
}

const tokenOf = (reply: string) => reply.match(/\/files\/([A-Za-z0-9_-]+)/)?.[1] ?? '';

describe('GET /files/<token>', () => {
  it('a lead gets their unit’s report as .xlsx, once and again, named in Vietnamese without diacritics', async () => {
    const { bot, say, download, dbPath, logs } = await boot();
    const answer = say(LEAD, 'xuất báo cáo quý 4 file excel');
    expect(answer.intent).toBe('export_report');
    expect(answer.reply).toContain('http://127.0.0.1:0/files/');
    expect(answer.reply).toContain('(liên kết dùng được trong 24 giờ)');
    expect(answer.reply).toContain('Quý IV năm 2026 của Phòng Công chức, viên chức, Sở Nội vụ');
    const response = await download(answer.reply);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Bao-cao-Quy-IV-2026-Phong-Cong-chuc-vien-chuc-So-Noi-vu.xlsx",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const summary = book.getWorksheet('Tổng hợp');
    expect(summary?.getRow(1).getCell(1).text).toBe('SỞ NỘI VỤ');
    const cells = JSON.stringify(summary?.getSheetValues());
    expect(cells).toContain('Phòng Công chức, viên chức');
    // Written once beside the database, named by the token; a second download sends the same file.
    const row = bot.runtime.db.prepare('SELECT * FROM downloads').get() as {
      file_path: string;
      unit_id: number;
    };
    expect(dirname(row.file_path)).toBe(join(dirname(dbPath), 'files'));
    expect(existsSync(row.file_path)).toBe(true);
    expect(row.unit_id).not.toBeNull();
    const again = await download(answer.reply);
    expect(again.status).toBe(200);
    expect((await again.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(logs.join('\n')).not.toContain(tokenOf(answer.reply));
  });

  it('a lead asking in Word gets a .docx that opens', async () => {
    const { say, download } = await boot();
    const answer = say(LEAD, 'xuat bao cao 6 thang nam 2026 file word');
    const response = await download(answer.reply);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toContain(
      "''Bao-cao-6-thang-dau-2026-Phong-Cong-chuc",
    );
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value;
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toContain('6 tháng đầu năm 2026');
  });

  it('an admin gets the whole organisation', async () => {
    const { bot, say, download } = await boot();
    const answer = say(ADMIN, 'cho tôi file báo cáo quý III excel');
    expect(answer.reply).toContain('Quý III năm 2026 của Sở Nội vụ (');
    const row = bot.runtime.db.prepare('SELECT unit_id, period_key FROM downloads').get();
    expect(row).toEqual({ unit_id: null, period_key: 'q3' });
    const response = await download(answer.reply);
    expect(response.headers.get('content-disposition')).toContain("''Bao-cao-Quy-III-2026-So-Noi-vu.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const cells = JSON.stringify(book.getWorksheet('Tổng hợp')?.getSheetValues());
    // Every lead unit of the organisation has its row, not only the admin's own.
    expect(cells).toContain('Phòng Công chức, viên chức');
    expect(cells).toContain('Văn phòng Sở');
  });

  it('staff are refused, politely, and nothing is stored', async () => {
    const { bot, say } = await boot();
    const answer = say(STAFF, 'xuất báo cáo quý 4');
    expect(answer.intent).toBe('export_report');
    expect(answer.reply).toContain('Chỉ trưởng đơn vị hoặc quản trị viên');
    expect(answer.reply).not.toContain('/files/');
    expect(countDownloads(bot.runtime.db)).toBe(0);
  });

  it('an unknown token, a malformed one and an expired one get the Vietnamese 404 page; the log names none', async () => {
    const { bot, say, download, advance, logs } = await boot();
    const unknown = 'A'.repeat(32);
    for (const path of [`/files/${unknown}`, '/files/..%2Fkb.db', '/files/abc']) {
      const response = await fetch(`${bot.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('Liên kết tải báo cáo không còn dùng được');
    }
    const answer = say(LEAD, 'xuất báo cáo quý 4');
    advance(24 * 60 * 60 * 1000 + 1000);
    const expired = await download(answer.reply);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('Liên kết tải báo cáo không còn dùng được');
    const text = logs.join('\n');
    expect(text).toContain('/files/[redacted]');
    expect(text).not.toContain(unknown);
    expect(text).not.toContain(tokenOf(answer.reply));
  });

  it('a downloaded report is deleted, with its link, once the 24 hours are over', async () => {
    const { bot, say, download, advance } = await boot();
    const answer = say(LEAD, 'xuất báo cáo quý 4');
    expect((await download(answer.reply)).status).toBe(200);
    const row = bot.runtime.db.prepare('SELECT file_path FROM downloads').get() as { file_path: string };
    expect(existsSync(row.file_path)).toBe(true);
    advance(24 * 60 * 60 * 1000 + 1000);
    expect((await fetch(`${bot.url}/files/${'B'.repeat(32)}`)).status).toBe(404);
    expect(existsSync(row.file_path)).toBe(false);
    expect(countDownloads(bot.runtime.db)).toBe(0);
  });

  it('the request serializer never shows a token', () => {
    expect(redactUrl('/files/abcDEF_123-xyz')).toBe('/files/[redacted]');
    expect(redactUrl('//files/abc?x=1')).toBe('/files/[redacted]');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
