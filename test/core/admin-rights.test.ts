import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/kb/open.ts';
import { approveUser, ensureUser, findUser, setUserUnit } from '../../src/kb/users-repo.ts';
import { createTestBot, SNV_PHONG_ADMIN } from '../support/bot.ts';

/** Approving and setting roles in chat, bounded by the organisation tree (src/core/rights.ts). */
const usersTable = (db: Db) =>
  db.prepare('SELECT id, unit_id, role, approved_at, updated_at FROM users ORDER BY id').all();

const SNV_LEAD = {
  user: 'snv-lead',
  org: 'Sở Nội vụ',
  unit: 'Phòng Công chức, viên chức',
  role: 'lead',
} as const;
const PROVINCE_ADMIN = { user: 'tinh', org: 'UBND tỉnh Lạng Sơn', role: 'admin' } as const;

async function botWithWaitingPeople() {
  const bot = await createTestBot();
  bot.say({ user: 'xd', text: 'tôi thuộc Phòng Kế hoạch - Tài chính, Sở Xây dựng' });
  bot.say({ user: 'lan', text: 'tôi thuộc Văn phòng Sở, Sở Nội vụ' });
  bot.say({ user: 'binh', text: 'tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ' });
  const id = (key: string) => findUser(bot.db, 'cli', key)?.id ?? -1;
  return { ...bot, xd: id('xd'), lan: id('lan'), binh: id('binh') };
}

describe('admins act on their own organisation', () => {
  it('the issue: an admin of a phòng of Sở Nội vụ can neither approve a Sở Xây dựng user nor make them admin', async () => {
    const { db, say, xd } = await botWithWaitingPeople();
    say({ ...SNV_PHONG_ADMIN, text: 'duyệt' }); // registers the admin before the snapshot
    const before = usersTable(db);

    const approve = say({ ...SNV_PHONG_ADMIN, text: `duyệt ${xd}` });
    expect(approve.reply).toContain('trong phạm vi Sở Nội vụ');
    expect(approve.reply).toContain('Sở Xây dựng');
    expect(approve.reply).toContain('Chưa thay đổi gì');
    const promote = say({ ...SNV_PHONG_ADMIN, text: `đặt ${xd} làm quản trị` });
    expect(promote.reply).toContain('trong phạm vi Sở Nội vụ');

    expect(usersTable(db)).toEqual(before);
    expect(findUser(db, 'cli', 'xd')).toMatchObject({ approved: false, role: 'staff' });
  });

  it('"duyệt" lists only the people the asker may approve', async () => {
    const { say, xd, lan, binh } = await botWithWaitingPeople();
    const listed = (reply: string) => [xd, lan, binh].filter((id) => reply.includes(`• ${id}:`));
    expect(listed(say({ ...SNV_PHONG_ADMIN, text: 'duyệt' }).reply)).toEqual([lan, binh]);
    expect(listed(say({ ...SNV_LEAD, text: 'duyệt' }).reply)).toEqual([binh]);
    expect(listed(say({ ...PROVINCE_ADMIN, text: 'duyệt' }).reply)).toEqual([xd, lan, binh]);
    expect(say({ user: 'xd', text: 'duyệt' }).reply).toContain('chỉ dành cho quản trị viên và trưởng đơn vị');
  });

  it('an admin of a phòng approves and promotes anywhere in their Sở', async () => {
    const { db, say, lan } = await botWithWaitingPeople();
    expect(say({ ...SNV_PHONG_ADMIN, text: `đặt ${lan} làm quản trị` }).reply).toContain('quản trị viên');
    expect(findUser(db, 'cli', 'lan')).toMatchObject({ approved: true, role: 'admin' });
  });

  it('a province admin approves and promotes in any Sở', async () => {
    const { db, say, xd, lan } = await botWithWaitingPeople();
    expect(say({ ...PROVINCE_ADMIN, text: `duyệt ${xd}` }).reply).toContain('Đã duyệt');
    expect(say({ ...PROVINCE_ADMIN, text: `đặt ${lan} làm quản trị` }).reply).toContain('quản trị viên');
    expect(findUser(db, 'cli', 'xd')?.approved).toBe(true);
    expect(findUser(db, 'cli', 'lan')).toMatchObject({ approved: true, role: 'admin' });
  });
});

describe('leads act on their own unit and never grant admin', () => {
  it('approves and promotes in the unit; refused above their role or outside the unit, nothing written', async () => {
    const { db, say, binh, lan } = await botWithWaitingPeople();
    say({ ...SNV_LEAD, text: 'duyệt' });
    const before = usersTable(db);
    expect(say({ ...SNV_LEAD, text: `đặt ${binh} làm quản trị` }).reply).toContain(
      'không cấp được vai trò quản trị viên',
    );
    expect(say({ ...SNV_LEAD, text: `duyệt ${lan}` }).reply).toContain(
      'trong phạm vi Phòng Công chức, viên chức',
    );
    expect(usersTable(db)).toEqual(before);

    expect(say({ ...SNV_LEAD, text: `đặt ${binh} làm trưởng phòng` }).reply).toContain('trưởng đơn vị');
    expect(findUser(db, 'cli', 'binh')).toMatchObject({ approved: true, role: 'lead' });
  });

  it('"thu hồi" withdraws an approval within reach', async () => {
    const { db, say, binh } = await botWithWaitingPeople();
    say({ ...SNV_LEAD, text: `duyệt ${binh}` });
    expect(say({ ...SNV_LEAD, text: `thu hồi ${binh}` }).reply).toContain('Đã thu hồi');
    expect(findUser(db, 'cli', 'binh')?.approved).toBe(false);
    expect(say({ user: 'binh', text: 'báo cáo nhiệm vụ V.1 đã hoàn thành' }).reply).toContain('chưa được');
  });
});

describe('moving to another unit', () => {
  it('drops the approval and the role: an admin does not carry rights into another organisation', async () => {
    const { db, say, lan } = await botWithWaitingPeople();
    say({ ...PROVINCE_ADMIN, text: `đặt ${lan} làm quản trị` });
    say({ user: 'lan', text: 'tôi thuộc Phòng Kế hoạch - Tài chính, Sở Xây dựng' });
    expect(findUser(db, 'cli', 'lan')).toMatchObject({ approved: false, role: 'staff' });
  });
});

describe('reminders go through the same rights', () => {
  const DAY = new Date('2026-11-22T08:00:00+07:00');
  const outbox = (db: Db) => (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

  it.each([
    [
      'a unit of their Sở',
      'Văn phòng Sở',
      'Sở Nội vụ',
      'nhắc Văn phòng Sở nhiệm vụ III.8',
      1,
      /Đã gửi nhắc việc/,
    ],
    [
      'a unit of another Sở',
      'Phòng Kế hoạch - Tài chính',
      'Sở Xây dựng',
      'nhắc Phòng KHTC nhiệm vụ VI.4',
      0,
      /trong phạm vi Sở Nội vụ/,
    ],
  ] as const)('a lead reminds %s', async (_name, unitName, orgName, text, queued, reply) => {
    const { db, say } = await createTestBot();
    // A member of the unit reachable in private (a Zalo user), so that a permitted reminder is queued.
    const unitId = (
      db
        .prepare(
          'SELECT u.id FROM units u JOIN units o ON o.id = u.parent_id WHERE u.name = ? AND o.name = ?',
        )
        .get(unitName, orgName) as { id: number }
    ).id;
    const member = ensureUser(db, 'zalo', 'member', DAY);
    setUserUnit(db, member.id, unitId, DAY);
    approveUser(db, member.id, DAY);

    const a = say({ ...SNV_LEAD, text });
    expect(a.intent).toBe('remind_unit');
    expect(a.reply).toMatch(reply);
    expect(outbox(db)).toBe(queued);
  });
});
