import type { Intent } from '../../intent/intents.ts';
import type { UnitNode } from '../../kb/unit-tree.ts';
import { choice, doc } from '../../reply/doc.ts';
import { MESSAGES } from '../../reply/messages.ts';
import type { HandlerResult, Turn } from '../types.ts';

const MAX_CHOICES = 9;

/** "Văn phòng Sở, Sở Xây dựng (UBND tỉnh Lạng Sơn)": enough to tell apart the same name in several places. */
function placeOf(turn: Turn, unit: UnitNode): string {
  const lineage = turn.k.tree.lineage(unit.id);
  const org = turn.k.tree.orgOf(unit.id);
  const root = lineage[lineage.length - 1];
  const parts = [unit.name, org && org.id !== unit.id ? org.name : null].filter(Boolean).join(', ');
  return root && root.id !== org?.id && root.id !== unit.id ? `${parts} (${root.name})` : parts;
}

/** A name that belongs to several organisations: a numbered choice, answered by the next message. */
export function chooseUnit(turn: Turn, intent: Intent, candidates: UnitNode[]): HandlerResult {
  if (candidates.length > MAX_CHOICES) {
    return {
      intent,
      entities: {},
      tasks: [],
      doc: doc(MESSAGES.unitTooMany(candidates.length)),
      state: null,
    };
  }
  const choices = candidates.map((u, i) => choice(i + 1, placeOf(turn, u)));
  return {
    intent,
    entities: {},
    tasks: [],
    doc: doc(MESSAGES.unitAmbiguous, choices),
    state: { kind: 'choose-unit', intent, unitIds: candidates.map((u) => u.id), text: turn.msg.text },
  };
}
