import { beforeAll, describe, expect, it } from 'vitest';
import { findUnitByNames } from '../../src/core/directory.ts';
import { createKnowledgeCache, type Knowledge } from '../../src/core/knowledge.ts';
import { type Actor, authorize, type RightsAction } from '../../src/core/rights.ts';
import type { UnitNode } from '../../src/kb/unit-tree.ts';
import type { User, UserRole } from '../../src/kb/users-repo.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { importShipped, testLexicon } from '../support/kb.ts';

/**
 * The rule, on the shipped organisation tree (UBND tỉnh Lạng Sơn → Sở Nội vụ, Sở Xây dựng, … → their phòng):
 * admins act within their organisation, leads within their unit, staff report for their own unit only.
 */
let k: Knowledge;
beforeAll(async () => {
  const { db } = await importShipped();
  k = createKnowledgeCache(db, testLexicon(), loadChatLexicon())();
});

function unit(org: string, name?: string): UnitNode {
  const found = findUnitByNames(k, org, name ?? null);
  if (!found) throw new Error(`no unit ${name ?? ''} in ${org}`);
  return found;
}

let nextId = 1;
function person(role: UserRole, at: UnitNode | null, approved = true): User {
  const id = nextId++;
  return {
    id,
    channel: 'test',
    externalId: `p${id}`,
    displayName: null,
    unitId: at?.id ?? null,
    role,
    approved,
  };
}
const as = (user: User): Actor => ({ kind: 'user', user });

const SNV = () => unit('Sở Nội vụ');
const SNV_CCVC = () => unit('Sở Nội vụ', 'Phòng Công chức, viên chức');
const SNV_TCBC = () => unit('Sở Nội vụ', 'Phòng Tổ chức, biên chế và Cải cách hành chính');
const SNV_VP = () => unit('Sở Nội vụ', 'Văn phòng Sở');
const SXD = () => unit('Sở Xây dựng');
const SXD_KHTC = () => unit('Sở Xây dựng', 'Phòng Kế hoạch - Tài chính');
const PROVINCE = () => unit('UBND tỉnh Lạng Sơn');
const task = (id: string, number: string) => ({ id, planId: id.split('/')[0] ?? '', number });
const SNV_I5 = task('snv-2026-cchc/I/5', 'I.5');
const SXD_VI4 = task('55-kh-sxd-2025-phu-luc-i/VI/4', 'VI.4');

type Case = [name: string, actor: () => Actor, action: () => RightsAction, expected: true | string];

const CASES: Case[] = [
  // The issue: an admin of a phòng of Sở Nội vụ approved a user of Sở Xây dựng and made them admin.
  [
    'SNV phòng admin approves a SXD user',
    () => as(person('admin', SNV_CCVC())),
    () => ({ kind: 'approve', target: person('staff', SXD_KHTC(), false) }),
    'outside',
  ],
  [
    'SNV phòng admin makes a SXD user admin',
    () => as(person('admin', SNV_CCVC())),
    () => ({ kind: 'set_role', target: person('staff', SXD_KHTC(), false), role: 'admin' }),
    'outside',
  ],
  [
    'SNV phòng admin approves someone of another phòng of the same Sở',
    () => as(person('admin', SNV_CCVC())),
    () => ({ kind: 'approve', target: person('staff', SNV_VP(), false) }),
    true,
  ],
  [
    'SNV admin at the Sở itself makes a phòng member admin',
    () => as(person('admin', SNV())),
    () => ({ kind: 'set_role', target: person('staff', SNV_TCBC(), false), role: 'admin' }),
    true,
  ],
  [
    'province admin approves in Sở Xây dựng',
    () => as(person('admin', PROVINCE())),
    () => ({ kind: 'approve', target: person('staff', SXD_KHTC(), false) }),
    true,
  ],
  [
    'province admin makes someone of Sở Nội vụ admin',
    () => as(person('admin', PROVINCE())),
    () => ({ kind: 'set_role', target: person('staff', SNV_VP(), false), role: 'admin' }),
    true,
  ],
  [
    'lead approves staff of their unit',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'approve', target: person('staff', SNV_CCVC(), false) }),
    true,
  ],
  [
    'lead makes a colleague lead',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'set_role', target: person('staff', SNV_CCVC()), role: 'lead' }),
    true,
  ],
  [
    'lead grants admin',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'set_role', target: person('staff', SNV_CCVC()), role: 'admin' }),
    'grant_above',
  ],
  [
    'lead approves someone of another phòng',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'approve', target: person('staff', SNV_VP(), false) }),
    'outside',
  ],
  [
    'lead approves a waiting admin (would hand out admin)',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'approve', target: person('admin', SNV_CCVC(), false) }),
    'target_above',
  ],
  [
    'lead demotes an admin of their unit',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'set_role', target: person('admin', SNV_CCVC()), role: 'staff' }),
    'target_above',
  ],
  [
    'staff approves anyone',
    () => as(person('staff', SNV_CCVC())),
    () => ({ kind: 'approve', target: person('staff', SNV_CCVC(), false) }),
    'no_right',
  ],
  [
    'an admin not (or no longer) approved',
    () => as(person('admin', SNV(), false)),
    () => ({ kind: 'approve', target: person('staff', SNV_VP(), false) }),
    'not_approved',
  ],
  [
    'an admin with no unit',
    () => as(person('admin', null)),
    () => ({ kind: 'approve', target: person('staff', SNV_VP(), false) }),
    'not_registered',
  ],
  [
    'approving someone who has not registered a unit',
    () => as(person('admin', PROVINCE())),
    () => ({ kind: 'approve', target: person('staff', null, false) }),
    'target_unregistered',
  ],
  [
    'admin revokes outside their organisation',
    () => as(person('admin', SXD())),
    () => ({ kind: 'revoke', target: person('staff', SNV_VP()) }),
    'outside',
  ],
  // Reports: for a responsible unit, within reach.
  [
    'staff report for their own responsible unit',
    () => as(person('staff', SNV_TCBC())),
    () => ({ kind: 'report', unit: SNV_TCBC(), task: SNV_I5 }),
    true,
  ],
  [
    'admin reports for their own unit, not responsible',
    () => as(person('admin', SNV_CCVC())),
    () => ({ kind: 'report', unit: SNV_CCVC(), task: SNV_I5 }),
    'not_responsible',
  ],
  [
    'admin reports on behalf of a responsible phòng of their Sở',
    () => as(person('admin', SNV_CCVC())),
    () => ({ kind: 'report', unit: SNV_TCBC(), task: SNV_I5 }),
    true,
  ],
  [
    'admin reports on behalf of a phòng that is not responsible',
    () => as(person('admin', SNV())),
    () => ({ kind: 'report', unit: SNV_VP(), task: SNV_I5 }),
    'not_responsible',
  ],
  [
    'admin reports on behalf of a responsible unit of another Sở',
    () => as(person('admin', SNV_CCVC())),
    () => ({ kind: 'report', unit: SXD_KHTC(), task: SXD_VI4 }),
    'outside',
  ],
  [
    'lead reports on behalf of another phòng',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'report', unit: SNV_TCBC(), task: SNV_I5 }),
    'outside',
  ],
  [
    'operator reports for a responsible unit',
    () => ({ kind: 'operator' }),
    () => ({ kind: 'report', unit: SXD_KHTC(), task: SXD_VI4 }),
    true,
  ],
  [
    'operator reports for a unit that is not responsible (facts hold for everyone)',
    () => ({ kind: 'operator' }),
    () => ({ kind: 'report', unit: SNV_VP(), task: SNV_I5 }),
    'not_responsible',
  ],
  [
    'operator makes an unregistered person admin (the first admin)',
    () => ({ kind: 'operator' }),
    () => ({ kind: 'set_role', target: person('staff', null, false), role: 'admin' }),
    true,
  ],
  // Reminders and the console's unit view.
  [
    'lead reminds another phòng of their Sở',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'remind_unit', unit: SNV_VP() }),
    true,
  ],
  [
    'lead reminds a phòng of another Sở',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'remind_unit', unit: SXD_KHTC() }),
    'outside',
  ],
  [
    'staff reminds anyone',
    () => as(person('staff', SNV_CCVC())),
    () => ({ kind: 'remind_unit', unit: SNV_CCVC() }),
    'no_right',
  ],
  [
    'staff views their own unit',
    () => as(person('staff', SNV_CCVC())),
    () => ({ kind: 'view_unit', unit: SNV_CCVC() }),
    true,
  ],
  [
    'staff views another unit',
    () => as(person('staff', SNV_CCVC())),
    () => ({ kind: 'view_unit', unit: SNV_VP() }),
    'outside',
  ],
  [
    'province admin views a phòng of Sở Xây dựng',
    () => as(person('admin', PROVINCE())),
    () => ({ kind: 'view_unit', unit: SXD_KHTC() }),
    true,
  ],
  // The web console: leads and admins open it for their own unit; only admins import plans, within their reach.
  [
    'staff opens the console',
    () => as(person('staff', SNV_CCVC())),
    () => ({ kind: 'open_console', unit: SNV_CCVC() }),
    'no_right',
  ],
  [
    'lead opens the console',
    () => as(person('lead', SNV_CCVC())),
    () => ({ kind: 'open_console', unit: SNV_CCVC() }),
    true,
  ],
  [
    'admin opens the console',
    () => as(person('admin', SNV_CCVC())),
    () => ({ kind: 'open_console', unit: SNV_CCVC() }),
    true,
  ],
  [
    'unapproved lead opens the console',
    () => as(person('lead', SNV_CCVC(), false)),
    () => ({ kind: 'open_console', unit: SNV_CCVC() }),
    'not_approved',
  ],
  [
    'unregistered admin opens the console',
    () => as(person('admin', null)),
    () => ({ kind: 'open_console', unit: null }),
    'not_registered',
  ],
  [
    'lead imports a plan',
    () => as(person('lead', SNV())),
    () => ({ kind: 'import_plan', unit: SNV() }),
    'no_right',
  ],
  [
    'phòng admin imports a plan of their Sở',
    () => as(person('admin', SNV_CCVC())),
    () => ({ kind: 'import_plan', unit: SNV() }),
    true,
  ],
  [
    'SNV admin imports a plan of Sở Xây dựng',
    () => as(person('admin', SNV())),
    () => ({ kind: 'import_plan', unit: SXD() }),
    'outside',
  ],
  [
    'province admin imports a plan of Sở Xây dựng',
    () => as(person('admin', PROVINCE())),
    () => ({ kind: 'import_plan', unit: SXD() }),
    true,
  ],
];

describe('authorize: rights bounded by the organisation tree', () => {
  it.each(CASES)('%s → %s', (_name, actor, action, expected) => {
    const decision = authorize(actor(), action(), k);
    expect(decision.ok ? true : decision.code).toBe(expected);
  });

  it('a refusal names the boundary in Vietnamese and says nothing was changed', () => {
    const decision = authorize(
      as(person('admin', SNV_CCVC())),
      { kind: 'set_role', target: person('staff', SXD_KHTC(), false), role: 'admin' },
      k,
    );
    expect(decision).toMatchObject({ ok: false });
    const reason = decision.ok ? '' : decision.reason;
    expect(reason).toContain('trong phạm vi Sở Nội vụ và các đơn vị trực thuộc');
    expect(reason).toContain('Phòng Kế hoạch - Tài chính, Sở Xây dựng');
    expect(reason).toContain('Chưa thay đổi gì.');
  });

  it('an admin refused for their own unit is told how to report on behalf', () => {
    const decision = authorize(
      as(person('admin', SNV_CCVC())),
      { kind: 'report', unit: SNV_CCVC(), task: SNV_I5 },
      k,
    );
    expect(decision.ok ? '' : decision.reason).toMatch(/báo cáo thay .*nhiệm vụ I\.5/);
    const staff = authorize(
      as(person('staff', SNV_CCVC())),
      { kind: 'report', unit: SNV_CCVC(), task: SNV_I5 },
      k,
    );
    expect(staff.ok ? '' : staff.reason).not.toContain('báo cáo thay');
  });
});
