import { describe, expect, it } from 'vitest';
import { findLatestProgress, insertProgress } from '../../src/kb/progress-repo.ts';
import {
  approveUser,
  ensureUser,
  findUserById,
  revokeUser,
  setUserRole,
  setUserUnit,
} from '../../src/kb/users-repo.ts';
import { importShipped, TODAY } from '../support/kb.ts';

const unitId = (db: Awaited<ReturnType<typeof importShipped>>['db'], name: string, org: string): number =>
  (
    db
      .prepare('SELECT u.id FROM units u JOIN units o ON o.id = u.parent_id WHERE u.name = ? AND o.name = ?')
      .get(name, org) as { id: number }
  ).id;

describe('users: a move drops the rights granted for the old unit', () => {
  it.each([
    ['a move to another unit', true, { approved: false, role: 'staff' }],
    ['registering the same unit again', false, { approved: true, role: 'admin' }],
  ] as const)('%s', async (_name, move, expected) => {
    const { db } = await importShipped();
    const snvVp = unitId(db, 'Văn phòng Sở', 'Sở Nội vụ');
    const sxdVp = unitId(db, 'Văn phòng Sở', 'Sở Xây dựng');
    const user = ensureUser(db, 'zalo', 'u1', TODAY);
    setUserUnit(db, user.id, snvVp, TODAY);
    setUserRole(db, user.id, 'admin', TODAY);
    approveUser(db, user.id, TODAY);
    setUserUnit(db, user.id, move ? sxdVp : snvVp, TODAY);
    expect(findUserById(db, user.id)).toMatchObject(expected);
  });

  it('a first registration keeps a role the operator set before, still waiting for approval', async () => {
    const { db } = await importShipped();
    const user = ensureUser(db, 'zalo', 'u1', TODAY);
    setUserRole(db, user.id, 'admin', TODAY);
    setUserUnit(db, user.id, unitId(db, 'Văn phòng Sở', 'Sở Nội vụ'), TODAY);
    expect(findUserById(db, user.id)).toMatchObject({ role: 'admin', approved: false });
  });

  it('revokeUser withdraws the approval and keeps the registration', async () => {
    const { db } = await importShipped();
    const user = ensureUser(db, 'zalo', 'u1', TODAY);
    const vp = unitId(db, 'Văn phòng Sở', 'Sở Nội vụ');
    setUserUnit(db, user.id, vp, TODAY);
    approveUser(db, user.id, TODAY);
    revokeUser(db, user.id, TODAY);
    expect(findUserById(db, user.id)).toMatchObject({ unitId: vp, approved: false });
  });
});

describe('progress reports keep who reported and whether it was on behalf', () => {
  it.each([true, false])('on behalf = %s round-trips', async (onBehalf) => {
    const { db } = await importShipped();
    const user = ensureUser(db, 'zalo', 'admin', TODAY);
    const taskId = '55-kh-sxd-2025-phu-luc-i/VI/4';
    insertProgress(db, {
      taskId,
      unitId: unitId(db, 'Phòng Kế hoạch - Tài chính', 'Sở Xây dựng'),
      status: 'in_progress',
      percent: 80,
      actual: null,
      note: null,
      userId: user.id,
      onBehalf,
      channel: 'zalo',
      text: 'báo cáo thay …',
      reportedAt: TODAY.toISOString(),
    });
    expect(findLatestProgress(db, [taskId])).toMatchObject([{ userId: user.id, onBehalf, percent: 80 }]);
  });
});
