import { describe, expect, it } from 'vitest';
import { findUser } from '../../src/kb/users-repo.ts';
import { createTestBot, ids, reportCount, SNV_CCVC, SNV_VP } from '../support/bot.ts';

/** Each refused report gets a clear Vietnamese reply and writes nothing. */
describe('who may report progress', () => {
  it('an approved user of a responsible unit may; the report is kept and the latest counts', async () => {
    const { db, say } = await createTestBot();
    const first = say({ ...SNV_VP, text: 'báo cáo nhiệm vụ III.8 đạt 60%' });
    expect(first.reply).toContain('Đã ghi nhận báo cáo');
    expect(reportCount(db)).toBe(1);
    say({ ...SNV_VP, text: 'III.8 đã hoàn thành' });
    expect(reportCount(db)).toBe(2);
    const detail = say({ ...SNV_VP, text: 'chi tiết nhiệm vụ III.8' });
    expect(detail.tasks[0]?.status).toBe('done');
    expect(ids(say({ ...SNV_VP, text: 'việc nào quá hạn' }))).not.toContain('snv-2026-cchc/III/8');
  });

  it('an unregistered person is told to register', async () => {
    const { db, say } = await createTestBot();
    const a = say({ user: 'stranger', text: 'báo cáo nhiệm vụ III.8 đã hoàn thành' });
    expect(a.reply).toMatch(/đăng ký/);
    expect(reportCount(db)).toBe(0);
  });

  it('a registered but not yet approved user may read but not report', async () => {
    const { db, say } = await createTestBot();
    const registered = say({ user: 'newbie', text: 'tôi thuộc Văn phòng Sở, Sở Nội vụ' });
    expect(registered.intent).toBe('register');
    expect(registered.reply).toContain('quản trị viên duyệt');
    expect(findUser(db, 'cli', 'newbie')?.approved).toBe(false);
    expect(say({ user: 'newbie', text: 'phòng tôi phụ trách gì' }).tasks.length).toBeGreaterThan(0);
    const report = say({ user: 'newbie', text: 'báo cáo nhiệm vụ III.8 đã hoàn thành' });
    expect(report.reply).toContain('chưa được quản trị viên duyệt');
    expect(reportCount(db)).toBe(0);
  });

  it('staff of a unit that is not responsible cannot report on the task', async () => {
    const { db, say } = await createTestBot();
    // 2024 plan I.4.3 (tuyên truyền qua pano…) is led by UBND cấp huyện, cấp xã alone: Sở Tư pháp has no part.
    const a = say({ user: 'stp', org: 'Sở Tư pháp', text: 'báo cáo nhiệm vụ I.4.3 đã hoàn thành' });
    expect(a.reply).toContain('Sở Tư pháp không chủ trì hay phối hợp nhiệm vụ này');
    expect(ids(a)).toEqual(['126-kh-ubnd-2024-phu-luc/I/4.3']);
    expect(reportCount(db)).toBe(0);
  });

  it.each([
    ['báo cáo nhiệm vụ IX.9 đã hoàn thành', /Không có nhiệm vụ IX\.9/],
    ['báo cáo nhiệm vụ III.8 đạt 120%', /từ 0% đến 100%/],
    ['báo cáo nhiệm vụ III.8', /báo cáo gì/],
    ['báo cáo đã hoàn thành', /nhiệm vụ nào/],
  ])('%s → a clear reply, nothing written', async (text, reply) => {
    const { db, say } = await createTestBot();
    const a = say({ ...SNV_VP, text });
    expect(a.reply).toMatch(reply);
    expect(reportCount(db)).toBe(0);
  });
});

describe('bad input', () => {
  it.each([
    ['', /Tin nhắn trống/],
    ['   \n\t ', /Tin nhắn trống/],
    ['😀😀👍', /Tin nhắn trống|chưa hiểu/],
    ["'; DROP TABLE tasks; --", /chưa hiểu/],
  ])('%j gets a short polite answer', async (text, reply) => {
    const { db, say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text });
    expect(a.reply).toMatch(reply);
    expect((db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n).toBeGreaterThan(200);
  });

  it('a 5,000-character message is read (its start) and answered, and says it was cut', async () => {
    const { say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text: `phòng tôi phụ trách gì ${'rất nhiều chữ '.repeat(400)}` });
    expect(a.intent).toBe('my_tasks');
    expect(a.reply).toContain('2.000 ký tự');
  });

  it('a unit name that matches nothing says so and suggests how to write it', async () => {
    const { say } = await createTestBot();
    const a = say({ ...SNV_CCVC, text: 'Ban Dân tộc tỉnh phải làm những gì' });
    expect(a.intent).toBe('unit_tasks');
    expect(a.tasks).toEqual([]);
    expect(a.reply).toContain('không tìm thấy đơn vị');
  });

  it('questions about "my unit" from someone unregistered explain how to register', async () => {
    const { say } = await createTestBot();
    const a = say({ user: 'stranger', text: 'phong toi phai lam gi' });
    expect(a.intent).toBe('my_tasks');
    expect(a.reply).toContain('đăng ký');
    // Plans are public: the same person may ask about a named unit.
    expect(
      say({ user: 'stranger', text: 'ai chủ trì việc tuyển dụng công chức ở Sở Nội vụ' }).tasks.length,
    ).toBeGreaterThan(0);
  });
});

describe('admins manage registrations in chat', () => {
  it('an admin lists who waits, approves one, and makes another a lead; others may not', async () => {
    const { db, say } = await createTestBot();
    say({ user: 'lan', text: 'tôi thuộc Văn phòng Sở, Sở Nội vụ' });
    const lan = findUser(db, 'cli', 'lan');
    expect(say({ ...SNV_VP, text: 'duyệt' }).reply).toContain('chỉ dành cho quản trị viên');
    const admin = { user: 'boss', org: 'Sở Nội vụ', unit: 'Văn phòng Sở', role: 'admin' as const };
    expect(say({ ...admin, text: 'duyệt' }).reply).toContain(`${lan?.id}: lan — Văn phòng Sở`);
    expect(say({ ...admin, text: `duyệt ${lan?.id}` }).reply).toContain('Đã duyệt');
    expect(findUser(db, 'cli', 'lan')?.approved).toBe(true);
    expect(say({ ...admin, text: `đặt ${lan?.id} làm trưởng phòng` }).reply).toContain('trưởng đơn vị');
    expect(findUser(db, 'cli', 'lan')?.role).toBe('lead');
    expect(say({ user: 'lan', text: 'báo cáo nhiệm vụ III.8 đạt 50%' }).reply).toContain('Đã ghi nhận');
  });
});
