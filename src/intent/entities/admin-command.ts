/**
 * Registration management typed in chat, read from the folded message: "duyệt" (who waits), "duyệt 12",
 * "đặt 12 làm trưởng phòng" / "… làm quản trị", "thu hồi 12". Whether the person may do it is decided elsewhere
 * (src/core/rights.ts); this only says what was asked.
 */
import type { UserRole } from '../../kb/users-repo.ts';
import { VOCABULARY } from '../vocabulary.ts';

export type AdminCommand =
  | { kind: 'list' }
  | { kind: 'approve'; userId: number }
  /** `role` is null when no role word was recognised: the reply asks which. */
  | { kind: 'set_role'; userId: number; role: UserRole | null }
  | { kind: 'revoke'; userId: number };

const ROLE_WORDS: { pattern: RegExp; role: UserRole }[] = [
  { pattern: /(?:^|\s)(?:quan tri|admin)(?:\s|$)/, role: 'admin' },
  { pattern: /(?:^|\s)(?:truong phong|lanh dao|lead|truong don vi)(?:\s|$)/, role: 'lead' },
  { pattern: /(?:^|\s)(?:can bo|nhan vien|staff|chuyen vien)(?:\s|$)/, role: 'staff' },
];

export function parseAdminCommand(folded: string): AdminCommand | null {
  const text = folded.trim();
  const approve = text.match(VOCABULARY.approveCommand);
  if (approve) return approve[1] ? { kind: 'approve', userId: Number(approve[1]) } : { kind: 'list' };
  const setRole = text.match(VOCABULARY.setRoleCommand);
  if (setRole) {
    const rest = text.slice(setRole[0].length - 1);
    const role = ROLE_WORDS.find((r) => r.pattern.test(rest))?.role ?? null;
    return { kind: 'set_role', userId: Number(setRole[1]), role };
  }
  const revoke = text.match(VOCABULARY.revokeCommand);
  return revoke ? { kind: 'revoke', userId: Number(revoke[1]) } : null;
}
