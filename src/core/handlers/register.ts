import type { UnitNode } from '../../kb/unit-tree.ts';
import { setUserUnit } from '../../kb/users-repo.ts';
import { doc } from '../../reply/doc.ts';
import { MESSAGES } from '../../reply/messages.ts';
import type { HandlerResult, Turn } from '../types.ts';
import { chooseUnit } from './choose-unit.ts';

/** Picks the most specific unit named: a phòng of a named Sở over the Sở itself. */
function pickUnit(turn: Turn): { unit: UnitNode | null; ambiguous: UnitNode[] } {
  const named = turn.units.filter((m) => m.candidates.length > 0);
  // "em công tác tại Sở Tư pháp": a name written out beats a near miss on the words around it ("công tác tại").
  const matches = named.some((m) => m.exact) ? named.filter((m) => m.exact) : named;
  const internal = matches.find((m) => m.candidates.some((c) => c.kind === 'unit'));
  const chosen = internal ?? matches[0];
  if (!chosen) return { unit: null, ambiguous: [] };
  if (chosen.candidates.length > 1) return { unit: null, ambiguous: chosen.candidates };
  return { unit: chosen.candidates[0] ?? null, ambiguous: [] };
}

/** register: "tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ". Approval stays with an admin. */
export function answerRegister(turn: Turn): HandlerResult {
  const { unit, ambiguous } = pickUnit(turn);
  if (ambiguous.length > 0) return chooseUnit(turn, 'register', ambiguous);
  if (!unit) return { intent: 'register', entities: {}, tasks: [], doc: doc(MESSAGES.registerWhich) };
  return registerAs(turn, unit);
}

export function registerAs(turn: Turn, unit: UnitNode): HandlerResult {
  setUserUnit(turn.db, turn.user.id, unit.id, turn.now);
  const org = turn.k.tree.orgOf(unit.id)?.name ?? null;
  const sameUnit = turn.user.unitId === unit.id && turn.user.approved;
  const reply = sameUnit ? MESSAGES.registeredApproved(unit.name, org) : MESSAGES.registered(unit.name, org);
  return { intent: 'register', entities: { unit: unit.name }, tasks: [], doc: doc(reply), state: null };
}
