import { describe, expect, it } from 'vitest';
import { actOnPerson, listPeople, unitsOf } from '../../src/console/people.ts';
import { createConsoleSession, findLiveSession } from '../../src/kb/console-repo.ts';
import type { Db } from '../../src/kb/open.ts';
import { ensureUser, findUserById, setUserUnit } from '../../src/kb/users-repo.ts';
import { importShipped, TODAY } from '../support/kb.ts';
import { actor, person, unitNamed } from './console-support.ts';

/** "Người dùng" (src/console/people.ts): each change decided by `authorize`, nothing written when it refuses. */
const SNV = { org: 'Sở Nội vụ', unit: 'Văn phòng Sở' };
const SNV_CCVC = { org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức' };
const SXD = { org: 'Sở Xây dựng', unit: 'Phòng Kế hoạch - Tài chính' };
const usersTable = (db: Db) => db.prepare('SELECT * FROM users ORDER BY id').all();

/** Registered in chat at a unit, waiting for approval. */
function waiting(db: Db, key: string, where: { org: string; unit: string }) {
  const user = ensureUser(db, 'cli', key, TODAY);
  setUserUnit(db, user.id, unitNamed(db, where.org, where.unit).id, TODAY);
  return user.id;
}

describe('people in the console', () => {
  it('an admin approves a person waiting in their organisation', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'snv-admin', SNV, 'admin');
    const lan = waiting(db, 'lan', SNV_CCVC);
    expect(listPeople(db, unitNamed(db, 'Sở Nội vụ')).waiting.map((p) => p.id)).toEqual([lan]);
    const result = actOnPerson(db, actor(admin), { kind: 'approve', userId: lan }, TODAY);
    expect(result.ok).toBe(true);
    expect(findUserById(db, lan)?.approved).toBe(true);
    expect(listPeople(db, unitNamed(db, 'Sở Nội vụ')).waiting).toEqual([]);
  });

  it('a lead cannot approve through these functions, and nothing changes', async () => {
    const { db } = await importShipped();
    const lead = person(db, 'snv-lead', SNV_CCVC, 'lead');
    const lan = waiting(db, 'lan', SNV_CCVC);
    const before = usersTable(db);
    // In chat a lead approves their own unit's people; the console only shows them.
    const refused = actOnPerson(db, actor(lead), { kind: 'approve', userId: lan }, TODAY);
    expect(refused).toMatchObject({ ok: false, code: 'refused' });
    if (!refused.ok) expect(refused.reason).toContain('Chưa thay đổi gì');
    expect(actOnPerson(db, actor(lead), { kind: 'revoke', userId: lead.id }, TODAY).ok).toBe(false);
    expect(usersTable(db)).toEqual(before);
    expect(findUserById(db, lan)?.approved).toBe(false);
  });

  it('an admin of Sở Xây dựng can neither approve nor move a Sở Nội vụ person', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'sxd-admin', SXD, 'admin');
    const lan = waiting(db, 'lan', SNV_CCVC);
    const before = usersTable(db);
    const approve = actOnPerson(db, actor(admin), { kind: 'approve', userId: lan }, TODAY);
    expect(approve).toMatchObject({ ok: false, code: 'refused' });
    if (!approve.ok) expect(approve.reason).toContain('Sở Xây dựng');
    const sxdUnit = unitNamed(db, SXD.org, SXD.unit).id;
    expect(actOnPerson(db, actor(admin), { kind: 'set_unit', userId: lan, unitId: sxdUnit }, TODAY).ok).toBe(
      false,
    );
    expect(usersTable(db)).toEqual(before);
  });

  it('roles: an admin makes a lead; a lead grants nothing above their own role', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'snv-admin', SNV, 'admin');
    const lead = person(db, 'snv-lead', SNV_CCVC, 'lead');
    const lan = person(db, 'lan', SNV_CCVC, 'staff');
    expect(actOnPerson(db, actor(admin), { kind: 'set_role', userId: lan.id, role: 'lead' }, TODAY).ok).toBe(
      true,
    );
    expect(findUserById(db, lan.id)?.role).toBe('lead');
    const above = actOnPerson(db, actor(lead), { kind: 'set_role', userId: lan.id, role: 'admin' }, TODAY);
    expect(above.ok).toBe(false);
    expect(findUserById(db, lan.id)?.role).toBe('lead');
  });

  it('moving a person to another unit of the organisation withdraws the approval; revoking ends console sessions', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'snv-admin', SNV, 'admin');
    const lan = person(db, 'lan', SNV_CCVC, 'staff');
    const units = unitsOf(db, unitNamed(db, 'Sở Nội vụ'));
    expect(units.every((u) => u.kind !== 'collective')).toBe(true);
    const vp = unitNamed(db, SNV.org, SNV.unit);
    expect(units.map((u) => u.id)).toContain(vp.id);
    expect(actOnPerson(db, actor(admin), { kind: 'set_unit', userId: lan.id, unitId: vp.id }, TODAY).ok).toBe(
      true,
    );
    expect(findUserById(db, lan.id)).toMatchObject({ unitId: vp.id, approved: false });
    actOnPerson(db, actor(admin), { kind: 'approve', userId: lan.id }, TODAY);
    const session = createConsoleSession(db, lan.id, TODAY);
    expect(actOnPerson(db, actor(admin), { kind: 'revoke', userId: lan.id }, TODAY).ok).toBe(true);
    expect(findUserById(db, lan.id)?.approved).toBe(false);
    expect(findLiveSession(db, session.id, TODAY)).toBeNull();
  });
});
