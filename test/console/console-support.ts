/**
 * People and sessions of the console's tests, registered straight in the knowledge base: the building blocks
 * of the tests that make their own database, and of fixture.ts (the shared one with chat reports).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleSession } from '../../adapters/console/context.ts';
import type { Actor } from '../../src/core/rights.ts';
import type { Db } from '../../src/kb/open.ts';
import { loadUnitTree, type UnitNode } from '../../src/kb/unit-tree.ts';
import {
  approveUser,
  ensureUser,
  findUserById,
  setDisplayName,
  setUserRole,
  setUserUnit,
  type User,
  type UserRole,
} from '../../src/kb/users-repo.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { TODAY } from '../support/kb.ts';

/** A shipped plan file's bytes, as an upload would send them. */
export const planBytes = (file: string): Buffer => readFileSync(join(SHIPPED_PLANS_DIR, file));

export function unitNamed(db: Db, org: string, unit?: string): UnitNode {
  const tree = loadUnitTree(db);
  const organisation = tree.all().find((u) => u.kind === 'organisation' && u.name === org);
  if (!organisation) throw new Error(`no organisation ${org}`);
  if (!unit) return organisation;
  const found = tree.children(organisation.id).find((u) => u.name === unit);
  if (!found) throw new Error(`no unit ${unit} in ${org}`);
  return found;
}

/** Registers a person straight in the knowledge base at a unit with a role, approved unless said otherwise. */
export function registerPerson(
  db: Db,
  key: string,
  unit: UnitNode,
  role: UserRole,
  options: { approved?: boolean; channel?: string; at?: Date; displayName?: string } = {},
): User {
  const { approved = true, channel = 'cli', at = TODAY, displayName } = options;
  const user = ensureUser(db, channel, key, at);
  setUserUnit(db, user.id, unit.id, at);
  setUserRole(db, user.id, role, at);
  if (approved) approveUser(db, user.id, at);
  if (displayName !== undefined) setDisplayName(db, user.id, displayName, at);
  const stored = findUserById(db, user.id);
  if (!stored) throw new Error(`no user ${key}`);
  return stored;
}

/** A person of the CLI channel at a unit named by its organisation (and name), registered on TODAY. */
export function person(
  db: Db,
  key: string,
  where: { org: string; unit?: string },
  role: UserRole,
  approved = true,
): User {
  return registerPerson(db, key, unitNamed(db, where.org, where.unit), role, { approved });
}

export const actor = (user: User): Actor => ({ kind: 'user', user });

/** The session the plugin's guard would set for this person. */
export function sessionFor(db: Db, user: User): ConsoleSession {
  const tree = loadUnitTree(db);
  const unit = user.unitId === null ? undefined : tree.get(user.unitId);
  const org = unit ? tree.orgOf(unit.id) : undefined;
  if (!unit || !org) throw new Error('person without a unit');
  const reach = user.role === 'admin' ? 'organisation' : 'own_unit';
  return { user, unit, org, reach, scope: reach === 'organisation' ? org : unit, csrf: 'test-csrf' };
}

export const SNV_FILE = 'snv-2026-cchc-phu-luc.txt';

/** The Sở Nội vụ plan as an editor would change it: I.3 reworded, I.2 dropped, I.7 added. */
export function changedSnvText(): string {
  const lines = planBytes(SNV_FILE).toString('utf8').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const [stt, content] = line.split('\t');
    if (stt === '2' && content?.startsWith('Công bố chỉ số CCHC')) continue;
    if (stt === '3' && content?.startsWith('Xây dựng Kế hoạch thông tin')) {
      out.push(line.replace('Xây dựng Kế hoạch thông tin', 'Xây dựng và ban hành Kế hoạch thông tin'));
      continue;
    }
    out.push(line);
    if (stt === '6' && content?.startsWith('Triển khai việc xác định Chỉ số CCHC'))
      out.push('7\tRà soát, cập nhật quy chế làm việc của Sở\tQuy chế\tVăn phòng Sở\t\tQuý IV/2026');
  }
  return out.join('\n');
}
