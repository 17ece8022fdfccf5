import { beforeAll, describe, expect, it } from 'vitest';
import type { AskRequest } from '../../src/cli/ask.ts';
import type { Answer } from '../../src/core/types.ts';
import type { Db } from '../../src/kb/open.ts';
import { findUser } from '../../src/kb/users-repo.ts';
import { createTestBot, SNV_CCVC, SXD_KHTC } from '../support/bot.ts';

/** "xuất báo cáo" in chat: who gets a link to what, and what is never taken for it. */
let db: Db;
let say: (request: Omit<AskRequest, 'today'>) => Answer;
const downloads = () => (db.prepare('SELECT count(*) AS n FROM downloads').get() as { n: number }).n;
const LEAD = { ...SNV_CCVC, user: 'ccvc-tp', role: 'lead' } as const;

beforeAll(async () => {
  ({ db, say } = await createTestBot());
});

describe('export_report', () => {
  it.each([
    ['xuất báo cáo quý 4', 'Quý IV năm 2026'],
    ['xuat bao cao 6 thang nam 2026 file word', '6 tháng đầu năm 2026'],
    ['cho tôi file báo cáo quý III excel', 'Quý III năm 2026'],
    ['lập báo cáo năm 2026', 'năm 2026'],
    ['xuất báo cáo', 'Quý IV năm 2026'],
  ])('%j from a lead: a link to %s of their unit', (text, period) => {
    const before = downloads();
    const answer = say({ ...LEAD, text });
    expect(answer.intent).toBe('export_report');
    expect(answer.reply).toContain(`${period} của Phòng Công chức, viên chức, Sở Nội vụ`);
    expect(answer.reply).toMatch(
      /http:\/\/127\.0\.0\.1:3978\/files\/[A-Za-z0-9_-]{32} \(liên kết dùng được trong 24 giờ\)/,
    );
    expect(downloads()).toBe(before + 1);
  });

  it.each([
    ['báo cáo nhiệm vụ I.5 đã hoàn thành', 'report_progress'],
    ['bc nv VI.4 đạt 80%', 'report_progress'],
    ['bên em làm xong việc số hóa hồ sơ rồi', 'report_progress'],
    ['báo cáo tuần', 'digest'],
    ['xuất báo cáo tuần', 'digest'],
    ['hạn nộp báo cáo quý 4 khi nào', 'deadlines'],
  ])('%j is not an export (%s)', (text, intent) => {
    expect(say({ ...SNV_CCVC, text }).intent).toBe(intent);
  });

  it('an organisation without a plan of that year is told so, with the years it has', () => {
    const before = downloads();
    const lead = { ...SXD_KHTC, user: 'khtc-tp', role: 'lead' } as const;
    const answer = say({ ...lead, text: 'xuất báo cáo quý 4' });
    expect(answer.reply).toContain('Sở Xây dựng không có kế hoạch năm 2026');
    expect(answer.reply).toContain('năm 2025');
    expect(say({ ...lead, text: 'xuất báo cáo năm 2025 file word' }).reply).toContain('/files/');
    expect(downloads()).toBe(before + 1);
  });

  it('staff, the unregistered and an unapproved lead are refused, naming who may; nothing is stored', () => {
    const before = downloads();
    expect(say({ ...SNV_CCVC, text: 'xuất báo cáo quý 4' }).reply).toContain(
      'Chỉ trưởng đơn vị hoặc quản trị viên',
    );
    expect(say({ user: 'nobody', text: 'xuat bao cao quy IV' }).reply).toContain('trưởng đơn vị');
    say({ ...LEAD, user: 'new-tp', text: 'chào' });
    const lead = findUser(db, 'cli', 'new-tp');
    if (!lead) throw new Error('no user');
    // A lead whose approval was withdrawn (as an admin's "thu hồi" does).
    db.prepare('UPDATE users SET approved_at = NULL WHERE id = ?').run(lead.id);
    const unapproved = say({ user: 'new-tp', text: 'xuất báo cáo quý 4' });
    expect(unapproved.reply).toContain('chưa được duyệt');
    expect(unapproved.reply).toContain('trưởng đơn vị');
    expect(downloads()).toBe(before);
  });
});
