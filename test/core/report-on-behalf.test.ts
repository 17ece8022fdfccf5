import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/kb/open.ts';
import { findUser } from '../../src/kb/users-repo.ts';
import { createTestBot, ids, reportCount, SNV_PHONG_ADMIN, SNV_TCBC } from '../support/bot.ts';

/**
 * Reports go to a unit responsible for the task. An admin reports for another unit only by naming it
 * ("báo cáo thay …"), within their organisation; the row keeps the unit, the admin as reporter and on_behalf = 1.
 */
const SXD_ADMIN = { user: 'sxd-admin', org: 'Sở Xây dựng', role: 'admin' } as const;
const SXD_KHTC = { user: 'khtc', org: 'Sở Xây dựng', unit: 'Phòng Kế hoạch - Tài chính' } as const;
const SXD_VI4 = '55-kh-sxd-2025-phu-luc-i/VI/4';
const SNV_I5 = 'snv-2026-cchc/I/5';

interface Row {
  task_id: string;
  unit_name: string;
  user_id: number;
  on_behalf: number;
  status: string;
  percent: number | null;
}
const reports = (db: Db): Row[] =>
  db
    .prepare(
      `SELECT p.task_id, u.name AS unit_name, p.user_id, p.on_behalf, p.status, p.percent
         FROM progress_reports p JOIN units u ON u.id = p.unit_id ORDER BY p.id`,
    )
    .all() as Row[];

describe('an admin reporting on a task their unit is not responsible for', () => {
  it.each([
    [SXD_ADMIN, 'báo cáo nhiệm vụ VI.4 đạt 80%', 'Sở Xây dựng không chủ trì hay phối hợp'],
    [SNV_PHONG_ADMIN, 'báo cáo nhiệm vụ I.5 đã hoàn thành', 'Phòng Công chức, viên chức không chủ trì'],
  ])('%o: %s → refused with how to report on behalf, nothing written', async (admin, text, why) => {
    const { db, say } = await createTestBot();
    const a = say({ ...admin, text });
    expect(a.intent).toBe('report_progress');
    expect(a.reply).toContain(why);
    expect(a.reply).toContain('báo cáo thay');
    expect(reportCount(db)).toBe(0);
  });
});

describe('a report on behalf of a responsible unit within the admin’s organisation', () => {
  it.each([
    'báo cáo thay Phòng Kế hoạch - Tài chính: nhiệm vụ VI.4 đã hoàn thành',
    'bao cao thay phong KHTC nhiem vu VI.4 da hoan thanh',
  ])(
    '%s → stored under that unit, the admin as reporter, on_behalf = 1; its overdue list changes',
    async (text) => {
      const { db, say } = await createTestBot();
      expect(ids(say({ ...SXD_KHTC, text: 'việc nào quá hạn' }))).toContain(SXD_VI4);

      const a = say({ ...SXD_ADMIN, text });
      expect(a.intent).toBe('report_progress');
      expect(a.reply).toContain('Đã ghi nhận báo cáo thay Phòng Kế hoạch - Tài chính');
      expect(ids(a)).toEqual([SXD_VI4]);
      const admin = findUser(db, 'cli', SXD_ADMIN.user);
      expect(reports(db)).toEqual([
        {
          task_id: SXD_VI4,
          unit_name: 'Phòng Kế hoạch - Tài chính',
          user_id: admin?.id,
          on_behalf: 1,
          status: 'done',
          percent: null,
        },
      ]);
      expect(ids(say({ ...SXD_KHTC, text: 'việc nào quá hạn' }))).not.toContain(SXD_VI4);
    },
  );

  it('the task detail says the latest report was made on behalf, and by whom', async () => {
    const { say } = await createTestBot();
    say({ ...SXD_ADMIN, text: 'báo cáo thay Phòng Kế hoạch - Tài chính: nhiệm vụ VI.4 đạt 80%' });
    const detail = say({ ...SXD_KHTC, text: 'chi tiết nhiệm vụ VI.4' });
    expect(detail.reply).toMatch(
      /Tiến độ — Phòng Kế hoạch - Tài chính: đang thực hiện, 80% .*\(báo cáo thay, bởi /,
    );
  });

  it('a phòng admin reports on behalf of another phòng of the same Sở', async () => {
    const { db, say } = await createTestBot();
    const a = say({ ...SNV_PHONG_ADMIN, text: 'bc thay phong TCBC&CCHC nv I.5 da hoan thanh' });
    expect(a.reply).toContain('Đã ghi nhận báo cáo thay Phòng Tổ chức, biên chế và Cải cách hành chính');
    expect(reports(db)).toMatchObject([{ task_id: SNV_I5, on_behalf: 1 }]);
    expect(ids(say({ ...SNV_TCBC, text: 'việc nào quá hạn' }))).not.toContain(SNV_I5);
  });

  it('a report for one’s own unit is not on behalf', async () => {
    const { db, say } = await createTestBot();
    say({ ...SXD_KHTC, text: 'báo cáo nhiệm vụ VI.4 đạt 96%' });
    expect(reports(db)).toMatchObject([{ unit_name: 'Phòng Kế hoạch - Tài chính', on_behalf: 0 }]);
  });
});

describe('reports on behalf that are refused, with nothing written', () => {
  it.each([
    // The unit named is not responsible for the task (I.5 is led by Phòng TCBC&CCHC, coordinated by Sở-level bodies).
    [SNV_PHONG_ADMIN, 'báo cáo thay Văn phòng Sở: nhiệm vụ I.5 đã hoàn thành', /Văn phòng Sở không chủ trì/],
    // Responsible, but outside the admin's organisation.
    [
      SNV_PHONG_ADMIN,
      'báo cáo thay Phòng KHTC, Sở Xây dựng: nhiệm vụ VI.4 đạt 80%',
      /trong phạm vi Sở Nội vụ/,
    ],
    // A lead reports for their own unit only.
    [
      { user: 'lead', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'lead' },
      'báo cáo thay Văn phòng Sở: nhiệm vụ III.8 đạt 80%',
      /trong phạm vi Phòng Công chức, viên chức;/,
    ],
    // Staff too.
    [
      SXD_KHTC,
      'báo cáo thay Văn phòng Sở: nhiệm vụ VI.4 đạt 80%',
      /trong phạm vi Phòng Kế hoạch - Tài chính;/,
    ],
    // A name several organisations share: which one?
    [
      { user: 'tinh', org: 'UBND tỉnh Lạng Sơn', role: 'admin' },
      'báo cáo thay Văn phòng Sở: nhiệm vụ VI.4 đạt 80%',
      /nhiều nơi.*Sở Nội vụ.*Sở Xây dựng/,
    ],
    // Close to a name, not a name: asked, not guessed.
    [
      SXD_ADMIN,
      'báo cáo thay Phòng Khảo thí: nhiệm vụ VI.4 đạt 80%',
      /Có phải bạn muốn báo cáo thay Phòng Kế hoạch - Tài chính/,
    ],
    // No unit at all.
    [SXD_ADMIN, 'báo cáo thay: nhiệm vụ VI.4 đạt 80%', /báo cáo thay đơn vị nào/],
  ] as const)('%o: %s', async (who, text, reply) => {
    const { db, say } = await createTestBot();
    const a = say({ ...who, text });
    expect(a.intent).toBe('report_progress');
    expect(a.reply).toMatch(reply);
    expect(a.reply).toContain('Chưa ghi nhận gì');
    expect(reportCount(db)).toBe(0);
  });

  it('a province admin names the organisation and the report goes through', async () => {
    const { db, say } = await createTestBot();
    const a = say({
      user: 'tinh',
      org: 'UBND tỉnh Lạng Sơn',
      role: 'admin',
      text: 'báo cáo thay Văn phòng Sở, Sở Xây dựng: nhiệm vụ VI.4 đạt 80%',
    });
    expect(a.reply).toContain('Đã ghi nhận báo cáo thay Văn phòng Sở');
    expect(reports(db)).toMatchObject([{ task_id: SXD_VI4, on_behalf: 1 }]);
    expect(
      db
        .prepare(
          'SELECT o.name FROM progress_reports p JOIN units u ON u.id = p.unit_id JOIN units o ON o.id = u.parent_id',
        )
        .get(),
    ).toEqual({ name: 'Sở Xây dựng' });
  });
});
