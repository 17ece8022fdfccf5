import type { Db } from '../kb/open.ts';
import {
  approveUser,
  findUserById,
  listPendingUsers,
  revokeUser,
  setUserRole,
  type User,
  type UserRole,
} from '../kb/users-repo.ts';
import { MESSAGES } from '../reply/messages.ts';
import { type Actor, authorize, type RightsAction, type RightsContext } from './rights.ts';

/**
 * Approving, setting roles and revoking, for every edge (chat, CLI, the console later): each change is
 * authorised by `authorize` first and written only when allowed, so no edge can forget the check.
 */
export type UserChange = { kind: 'approve' } | { kind: 'set_role'; role: UserRole } | { kind: 'revoke' };

export interface UserAdminDeps {
  db: Db;
  rights: RightsContext;
  now: Date;
}

export type UserAdminResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function changeUser(
  deps: UserAdminDeps,
  actor: Actor,
  targetId: number,
  change: UserChange,
): UserAdminResult<User> {
  const target = findUserById(deps.db, targetId);
  if (!target) return { ok: false, reason: MESSAGES.admin.noSuchUser(targetId) };
  const decision = authorize(actor, toAction(change, target), deps.rights);
  if (!decision.ok) return { ok: false, reason: decision.reason };
  // One transaction: a role and its approval land together (a savepoint inside a chat message's transaction).
  deps.db.transaction(() => apply(deps, target.id, change))();
  return { ok: true, value: findUserById(deps.db, target.id) ?? target };
}

/** The registered people waiting for approval whom this actor may approve; nobody else is even listed. */
export function listApprovable(
  deps: Omit<UserAdminDeps, 'now'>,
  actor: Actor,
): UserAdminResult<(User & { unitName: string | null })[]> {
  const decision = authorize(actor, { kind: 'list_pending' }, deps.rights);
  if (!decision.ok) return { ok: false, reason: decision.reason };
  const pending = listPendingUsers(deps.db).filter(
    (target) => authorize(actor, { kind: 'approve', target }, deps.rights).ok,
  );
  return { ok: true, value: pending };
}

function toAction(change: UserChange, target: User): RightsAction {
  switch (change.kind) {
    case 'approve':
      return { kind: 'approve', target };
    case 'set_role':
      return { kind: 'set_role', target, role: change.role };
    case 'revoke':
      return { kind: 'revoke', target };
  }
}

function apply(deps: UserAdminDeps, userId: number, change: UserChange): void {
  switch (change.kind) {
    case 'approve':
      approveUser(deps.db, userId, deps.now);
      return;
    case 'set_role':
      // Giving someone a role also approves them, as it always has: the role is the stronger decision.
      setUserRole(deps.db, userId, change.role, deps.now);
      approveUser(deps.db, userId, deps.now);
      return;
    case 'revoke':
      revokeUser(deps.db, userId, deps.now);
      return;
  }
}
