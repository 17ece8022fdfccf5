import { type Actor, authorize, type Decision, type RightsAction } from '../core/rights.ts';
import { revokeUserSessions } from '../kb/console-repo.ts';
import type { Db } from '../kb/open.ts';
import { findMentions } from '../kb/task-queries.ts';
import { loadUnitTree, type UnitNode, type UnitTree } from '../kb/unit-tree.ts';
import {
  approveUser,
  findUserById,
  listUsers,
  revokeUser,
  setUserRole,
  setUserUnit,
  type User,
  type UserRole,
} from '../kb/users-repo.ts';
import { MESSAGES } from '../reply/messages.ts';

/**
 * The console's "Người dùng": who is in a scope, who waits for approval, and the four changes an admin makes —
 * each decided by `authorize` (src/core/rights.ts) and writing nothing when it refuses.
 */
const READ_ONLY = MESSAGES.consolePages.readOnly.lines.join(' ');

export type Person = User & { unitName: string | null };

export type PersonAction =
  | { kind: 'approve'; userId: number }
  | { kind: 'set_role'; userId: number; role: UserRole }
  | { kind: 'set_unit'; userId: number; unitId: number }
  | { kind: 'revoke'; userId: number };

export type PersonResult =
  | { ok: true; action: PersonAction; target: User }
  | { ok: false; reason: string; code: 'no_such_user' | 'no_such_unit' | 'refused' };

/** True when `unit` is `scope` or under it. */
export function isWithin(tree: UnitTree, unitId: number | null, scope: UnitNode): boolean {
  return unitId !== null && tree.lineage(unitId).some((u) => u.id === scope.id);
}

/** Registered people whose unit is inside the scope (an admin's organisation, a lead's unit). */
export function listPeople(db: Db, scope: UnitNode): { waiting: Person[]; everyone: Person[] } {
  const tree = loadUnitTree(db);
  const everyone = listUsers(db).filter((u) => isWithin(tree, u.unitId, scope));
  return { waiting: everyone.filter((u) => !u.approved), everyone };
}

/** The units a person in the scope may be moved to: the scope's own units (collectives are no one's unit). */
export function unitsOf(db: Db, scope: UnitNode): UnitNode[] {
  const tree = loadUnitTree(db);
  return tree
    .all()
    .filter((u) => u.kind !== 'collective' && isWithin(tree, u.id, scope))
    .sort((a, b) => (a.id === scope.id ? -1 : b.id === scope.id ? 1 : a.name.localeCompare(b.name, 'vi')));
}

function decide(db: Db, tree: UnitTree, actor: Actor, action: RightsAction): Decision {
  const mentions = (unitIds: readonly number[], planIds: readonly string[]) =>
    findMentions(db, unitIds, planIds);
  return authorize(actor, action, { tree, mentions });
}

/** The rights the change needs: moving someone takes the right to manage them where they are and where they go. */
function decisions(db: Db, tree: UnitTree, actor: Actor, action: PersonAction, target: User): Decision[] {
  switch (action.kind) {
    case 'approve':
      return [decide(db, tree, actor, { kind: 'approve', target })];
    case 'revoke':
      return [decide(db, tree, actor, { kind: 'revoke', target })];
    case 'set_role':
      return [decide(db, tree, actor, { kind: 'set_role', target, role: action.role })];
    case 'set_unit':
      return [
        decide(db, tree, actor, { kind: 'approve', target }),
        decide(db, tree, actor, { kind: 'approve', target: { ...target, unitId: action.unitId } }),
      ];
  }
}

export function actOnPerson(db: Db, actor: Actor, action: PersonAction, now: Date): PersonResult {
  // The console is read-only for a lead (they approve their own unit's people in chat, not here).
  if (actor.kind === 'user' && actor.user.role !== 'admin')
    return { ok: false, code: 'refused', reason: READ_ONLY };
  const target = findUserById(db, action.userId);
  if (!target) return { ok: false, code: 'no_such_user', reason: `Không có người dùng số ${action.userId}.` };
  const tree = loadUnitTree(db);
  if (action.kind === 'set_unit') {
    const unit = tree.get(action.unitId);
    if (!unit || unit.kind === 'collective')
      return {
        ok: false,
        code: 'no_such_unit',
        reason: 'Đơn vị đã chọn không có trong cơ sở dữ liệu. Chưa thay đổi gì.',
      };
  }
  const refused = decisions(db, tree, actor, action, target).find((d) => !d.ok);
  if (refused && !refused.ok) return { ok: false, code: 'refused', reason: refused.reason };
  apply(db, action, now);
  return { ok: true, action, target: findUserById(db, target.id) ?? target };
}

function apply(db: Db, action: PersonAction, now: Date): void {
  switch (action.kind) {
    case 'approve':
      approveUser(db, action.userId, now);
      return;
    case 'revoke':
      // Whoever is no longer approved no longer holds an open console session either.
      revokeUser(db, action.userId, now);
      revokeUserSessions(db, action.userId, now);
      return;
    case 'set_role':
      setUserRole(db, action.userId, action.role, now);
      return;
    case 'set_unit':
      setUserUnit(db, action.userId, action.unitId, now);
      return;
  }
}
