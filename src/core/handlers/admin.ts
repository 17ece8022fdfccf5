import { VOCABULARY } from '../../intent/vocabulary.ts';
import {
  approveUser,
  findUserById,
  listPendingUsers,
  setUserRole,
  type UserRole,
} from '../../kb/users-repo.ts';
import { MESSAGES } from '../../reply/messages.ts';
import type { HandlerResult, Turn } from '../types.ts';

/**
 * Registration management in chat, for admins: "duyệt" lists who waits, "duyệt 12" approves user 12,
 * "đặt 12 làm trưởng phòng" / "… làm quản trị" sets a role. Everyone else is told it is for admins.
 */
const ROLE_WORDS: { pattern: RegExp; role: UserRole }[] = [
  { pattern: /(?:^|\s)(?:quan tri|admin)(?:\s|$)/, role: 'admin' },
  { pattern: /(?:^|\s)(?:truong phong|lanh dao|lead|truong don vi)(?:\s|$)/, role: 'lead' },
  { pattern: /(?:^|\s)(?:can bo|nhan vien|staff|chuyen vien)(?:\s|$)/, role: 'staff' },
];

function reply(text: string): HandlerResult {
  return { intent: 'register', entities: {}, tasks: [], reply: text };
}

export function answerAdmin(turn: Turn): HandlerResult {
  if (turn.user.role !== 'admin') return reply(MESSAGES.admin.onlyAdmins);
  const m = turn.msg.folded.trim().match(VOCABULARY.adminCommand);
  const id = Number(m?.[1] ?? m?.[2] ?? Number.NaN);
  if (!Number.isInteger(id)) {
    const pending = listPendingUsers(turn.db);
    if (pending.length === 0) return reply(MESSAGES.admin.nonePending);
    return reply(
      [
        MESSAGES.admin.pending,
        ...pending.map((u) => `• ${u.id}: ${u.displayName ?? u.externalId} — ${u.unitName ?? ''}`),
      ].join('\n'),
    );
  }
  const target = findUserById(turn.db, id);
  if (!target) return reply(MESSAGES.admin.noSuchUser(id));
  const role = m?.[2] ? ROLE_WORDS.find((r) => r.pattern.test(turn.msg.folded))?.role : undefined;
  if (m?.[2] && !role) return reply(MESSAGES.admin.whichRole);
  if (role) setUserRole(turn.db, id, role, turn.now);
  approveUser(turn.db, id, turn.now);
  return reply(role ? MESSAGES.admin.roleSet(id, role) : MESSAGES.admin.approved(id));
}
