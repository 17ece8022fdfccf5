import type { QueryFrame } from '../../intent/frame/frame.ts';
import type { PlanInfo } from '../../kb/task-queries.ts';
import { findPlansMentioning } from '../../kb/task-queries.ts';
import type { UnitNode } from '../../kb/unit-tree.ts';
import { findResponsibleTasks, type ResponsibleTask } from '../responsibility.ts';
import { choosePlans, type PlanScope, visiblePlans } from '../scope.ts';
import type { Turn } from '../types.ts';

/** Step 1 of a question: which plans. The frame's year, plan number and appendix, else the default year. */
export function scopeAmong(turn: Turn, frame: QueryFrame, candidates: PlanInfo[]): PlanScope {
  return choosePlans({
    candidates,
    year: frame.year,
    planNumber: frame.planNumber,
    appendix: frame.appendix,
    today: turn.today,
  });
}

/** The asker's organisation's plans and those above it. */
export function askerPlans(turn: Turn): PlanInfo[] {
  return visiblePlans(turn.k.plans, turn.k.tree, turn.org?.id ?? null);
}

/** Plans that name a unit or a collective covering it, or that it issued. */
export function plansOf(turn: Turn, unit: UnitNode): PlanInfo[] {
  const ids = new Set(
    findPlansMentioning(turn.db, [unit.id, ...turn.k.tree.coveringCollectives(unit.id).map((c) => c.id)]),
  );
  return turn.k.plans.filter((p) => ids.has(p.id) || p.issuerUnitId === unit.id);
}

/**
 * A named body asked about with no year: the most recent year in which it has tasks of the part asked — not
 * counting a catch-all collective ("Các cơ quan, đơn vị có liên quan"), which names every body of the province
 * and would make this year's plan answer with nothing of substance. The reply names the year it used.
 */
export function namedUnitScope(turn: Turn, frame: QueryFrame, unit: UnitNode): PlanScope {
  const plans = plansOf(turn, unit);
  if (frame.year !== null || frame.planNumber !== null) return scopeAmong(turn, frame, plans);
  const years = [...new Set(plans.map((p) => p.year).filter((y): y is number => y !== null))].sort(
    (a, b) => b - a,
  );
  for (const year of years) {
    const scope = scopeAmong(turn, { ...frame, year }, plans);
    const parts = findResponsibleTasks(
      turn.k.mentions,
      turn.k.tree,
      unit.id,
      scope.planIds,
      frame.responsibility,
    );
    if (parts.some((p) => !p.broad))
      return { ...scope, fellBack: year !== Number(turn.today.slice(0, 4)), latestFor: unit.name };
  }
  return scopeAmong(turn, frame, plans);
}

/** The units of an organisation, itself first: "toàn sở" asks about each. */
export function organisationUnits(turn: Turn, org: UnitNode): UnitNode[] {
  const out: UnitNode[] = [org];
  const walk = (id: number) => {
    for (const child of turn.k.tree.children(id)) {
      if (child.kind === 'collective') continue;
      out.push(child);
      walk(child.id);
    }
  };
  walk(org.id);
  return out;
}

/** Step 2: each task a set of units is responsible for, once, leading over coordinating. */
export function responsibleForAll(
  turn: Turn,
  units: UnitNode[],
  planIds: string[],
  frame: QueryFrame,
): ResponsibleTask[] {
  const wanted = (p: ResponsibleTask) =>
    frame.responsibility === 'both' || p.responsibility === frame.responsibility;
  // One unit: its own order (tasks named for it first, lead before coordinate, then plan order).
  if (units.length === 1 && units[0])
    return findResponsibleTasks(turn.k.mentions, turn.k.tree, units[0].id, planIds, frame.responsibility);
  const byTask = new Map<string, ResponsibleTask>();
  for (const unit of units) {
    for (const part of findResponsibleTasks(turn.k.mentions, turn.k.tree, unit.id, planIds, 'both')) {
      const seen = byTask.get(part.taskId);
      if (!seen || (seen.responsibility === 'coordinate' && part.responsibility === 'lead'))
        byTask.set(part.taskId, part);
    }
  }
  return [...byTask.values()]
    .filter(wanted)
    .sort((a, b) => a.planId.localeCompare(b.planId) || a.ord - b.ord);
}
