import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, tempDb, tempDir } from '../support/kb.ts';

/** Each bad file gets a clear message naming it, nothing of it is written, and the other files still import. */
function countRows(db: ReturnType<typeof tempDb>['db']): { plans: number; tasks: number; units: number } {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { plans: n('plans'), tasks: n('tasks'), units: n('units') };
}

async function importWithGood(badName: string, content: string | Buffer) {
  const dir = tempDir();
  const bad = join(dir, badName);
  writeFileSync(bad, content);
  const good = join(dir, 'sxd-2025-papi-phu-luc-3.txt');
  copyFileSync(join(SHIPPED_PLANS_DIR, 'sxd-2025-papi-phu-luc-3.txt'), good);
  const { db } = tempDb();
  const results = await importInto(db, [bad, good]);
  return { db, results, bad: results[0], good: results[1] };
}

const TSV_HEADER_NO_LEAD = 'STT\tNội dung\tThời gian thực hiện\tSản phẩm';

describe('bad input', () => {
  it.each([
    ['empty.txt', '', /rỗng/],
    ['blank.txt', '  \n\n ', /không có nội dung/],
    ['prose.txt', 'Biên bản họp giao ban tuần.\nKhông có bảng nào ở đây.\n', /Không nhận ra bố cục/],
    ['utf16.txt', Buffer.from('\ufeffSTT\tNội dung', 'utf16le'), /UTF-16/],
    ['tcvn3.txt', Buffer.from([0x53, 0x54, 0x54, 0x09, 0xb8, 0xd5, 0xa9, 0x0a]), /UTF-8/],
    ['plan.odt', 'x', /chưa được hỗ trợ/],
    ['plan.pdf', 'x', /không phải PDF hợp lệ/],
    ['cut.pdf', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog', /không phải PDF hợp lệ/],
  ])('%s is refused with a clear message', async (name, content, message) => {
    const { db, bad, good } = await importWithGood(name, content);
    expect(bad).toMatchObject({
      kind: 'failed',
      file: expect.stringContaining(name),
      message: expect.stringMatching(message),
    });
    expect(good).toMatchObject({ kind: 'imported' });
    expect(countRows(db).plans).toBe(1);
  });

  it('a table without the lead column names the missing column and the line', async () => {
    const text = `Phụ lục\nKẾ HOẠCH THỬ\n\n${TSV_HEADER_NO_LEAD}\n1\tViệc một\tQuý I/2026\tBáo cáo\n`;
    const { bad } = await importWithGood('no-lead.txt', text);
    expect(bad).toMatchObject({
      kind: 'failed',
      line: 4,
      message: expect.stringContaining('Cơ quan chủ trì'),
    });
  });

  it('a file without its issuer is refused before anything is written', async () => {
    const text = readFileSync(join(SHIPPED_PLANS_DIR, 'snv-2026-cchc-phu-luc.txt'), 'utf8').replace(
      /\(Kèm theo[^)]*\)/,
      '',
    );
    const { db, bad } = await importWithGood('no-issuer.txt', text);
    expect(bad).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('Không rõ cơ quan ban hành'),
    });
    expect(countRows(db)).toMatchObject({ plans: 1, tasks: 11 });
  });

  it('a failure in the middle of writing a plan rolls the whole file back', async () => {
    const { db } = tempDb();
    // Make the database refuse the 30th task of the 2026 plan, long after its plan row and units were written.
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON tasks WHEN NEW.id = 'snv-2026-cchc/VI/2'
             BEGIN SELECT RAISE(ABORT, 'ổ đĩa đầy'); END`);
    const results = await importInto(db, [SHIPPED_PLANS_DIR]);
    const snv = results.find((r) => r.file.includes('snv-2026'));
    expect(snv).toMatchObject({ kind: 'failed', message: 'Lỗi hệ thống khi nhập (chi tiết: ổ đĩa đầy)' });
    expect(results.filter((r) => r.kind === 'imported')).toHaveLength(4);
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(n("SELECT count(*) AS n FROM plans WHERE id = 'snv-2026-cchc'")).toBe(0);
    expect(n("SELECT count(*) AS n FROM tasks WHERE plan_id = 'snv-2026-cchc'")).toBe(0);
    // Units only the 2026 plan names (its own phòng) must not linger either.
    expect(n("SELECT count(*) AS n FROM units WHERE name = 'Phòng Công chức, viên chức'")).toBe(0);
  });

  it('a broken sidecar .meta.json is reported and the plan is not imported', async () => {
    const dir = tempDir();
    const file = join(dir, 'snv.txt');
    copyFileSync(join(SHIPPED_PLANS_DIR, 'snv-2026-cchc-phu-luc.txt'), file);
    writeFileSync(`${file}.meta.json`, '{"id": "Có Dấu"}');
    const { db } = tempDb();
    const [result] = await importInto(db, [file]);
    expect(result).toMatchObject({ kind: 'failed', message: expect.stringContaining('meta.json') });
    writeFileSync(`${file}.meta.json`, '{ not json');
    const [again] = await importInto(db, [file]);
    expect(again).toMatchObject({ kind: 'failed', message: expect.stringContaining('JSON') });
    expect(countRows(db).plans).toBe(0);
  });

  it('a missing path is reported, not thrown', async () => {
    const { db } = tempDb();
    const [result] = await importInto(db, ['/nonexistent/plan.txt']);
    expect(result).toMatchObject({ kind: 'failed', message: 'Không tìm thấy tệp' });
  });
});
