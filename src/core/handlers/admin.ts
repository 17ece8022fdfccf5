import { type AdminCommand, parseAdminCommand } from '../../intent/entities/admin-command.ts';
import { type Block, bullet, doc } from '../../reply/doc.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { type Actor, placeName } from '../rights.ts';
import type { HandlerResult, Turn } from '../types.ts';
import { changeUser, listApprovable, type UserAdminDeps, type UserChange } from '../user-admin.ts';

/**
 * Registration management in chat: "duyệt" lists who waits, "duyệt 12" approves user 12,
 * "đặt 12 làm trưởng phòng" / "… làm quản trị" sets a role, "thu hồi 12" withdraws an approval. What the asker
 * may do, and for whom, is decided by src/core/rights.ts (admins within their organisation, leads within their
 * unit); the list shows only the people the asker may approve.
 */
function reply(text: string | Block[]): HandlerResult {
  return { intent: 'register', entities: {}, tasks: [], doc: doc(text) };
}

export function answerAdmin(turn: Turn): HandlerResult {
  const command = parseAdminCommand(turn.msg.folded) ?? { kind: 'list' };
  const deps: UserAdminDeps = { db: turn.db, rights: turn.k, now: turn.now };
  const actor: Actor = { kind: 'user', user: turn.user };
  if (command.kind === 'list') return listPending(turn, deps, actor);
  const change = toChange(command);
  if (!change) return reply(MESSAGES.admin.whichRole);
  const result = changeUser(deps, actor, command.userId, change);
  return reply(result.ok ? doneText(command.userId, change) : result.reason);
}

function toChange(command: Exclude<AdminCommand, { kind: 'list' }>): UserChange | null {
  switch (command.kind) {
    case 'approve':
      return { kind: 'approve' };
    case 'revoke':
      return { kind: 'revoke' };
    case 'set_role':
      return command.role ? { kind: 'set_role', role: command.role } : null;
  }
}

function doneText(userId: number, change: UserChange): string {
  switch (change.kind) {
    case 'approve':
      return MESSAGES.admin.approved(userId);
    case 'revoke':
      return MESSAGES.admin.revoked(userId);
    case 'set_role':
      return MESSAGES.admin.roleSet(userId, change.role);
  }
}

function listPending(turn: Turn, deps: UserAdminDeps, actor: Actor): HandlerResult {
  const result = listApprovable(deps, actor);
  if (!result.ok) return reply(result.reason);
  if (result.value.length === 0) return reply(MESSAGES.admin.nonePending);
  const lines = result.value.map((u) => {
    const unit = u.unitId === null ? undefined : turn.k.tree.get(u.unitId);
    const place = unit ? placeName(turn.k.tree, unit) : (u.unitName ?? '');
    return bullet(`${u.id}: ${u.displayName ?? u.externalId} — ${place}`);
  });
  return reply(doc(MESSAGES.admin.pending, lines));
}
