import type { PlanInfo } from '../kb/task-queries.ts';
import type { UnitTree } from '../kb/unit-tree.ts';

/**
 * Which plans an answer uses. A person sees the plans of their organisation and of the organisations above it
 * (a province's plan assigns work to every Sở). By default: the current year's plans, else the most recent year
 * that has plans — and the reply says which year it used. A year or plan number in the question overrides that.
 */
export interface PlanScope {
  planIds: string[];
  year: number | null;
  /** True when the year was chosen by default and is not the current one: the reply must say so. */
  fellBack: boolean;
  /** Set when the year is the latest in which a named body has tasks (src/core/query/scope.ts): said in the reply. */
  latestFor?: string;
}

export interface ScopeRequest {
  candidates: PlanInfo[];
  year: number | null;
  planNumber: string | null;
  /** "phụ lục III": one appendix of a plan whose appendices share a number. */
  appendix?: string | null;
  today: string;
}

export function visiblePlans(plans: PlanInfo[], tree: UnitTree, orgId: number | null): PlanInfo[] {
  if (orgId === null) return plans;
  const lineage = new Set(tree.lineage(orgId).map((u) => u.id));
  return plans.filter((p) => lineage.has(p.issuerUnitId));
}

/** The plans of a unit's digest or reminders: its organisation's and those above, for the default year. */
export function defaultScope(plans: PlanInfo[], tree: UnitTree, unitId: number, today: string): PlanScope {
  const orgId = tree.orgOf(unitId)?.id ?? unitId;
  return choosePlans({ candidates: visiblePlans(plans, tree, orgId), year: null, planNumber: null, today });
}

export function choosePlans(request: ScopeRequest): PlanScope {
  let candidates = request.candidates;
  if (request.appendix) {
    const wanted = `Phụ lục ${request.appendix}`;
    const inAppendix = candidates.filter((p) => p.appendix === wanted);
    if (inAppendix.length > 0) candidates = inAppendix;
  }
  if (request.planNumber) {
    const number = String(Number(request.planNumber));
    candidates = candidates.filter((p) => p.code !== null && String(Number(p.code.split('/')[0])) === number);
    return { planIds: candidates.map((p) => p.id), year: null, fellBack: false };
  }
  const currentYear = Number(request.today.slice(0, 4));
  const years = candidates.map((p) => p.year).filter((y): y is number => y !== null);
  const wanted = request.year ?? (years.includes(currentYear) ? currentYear : Math.max(...years, 0) || null);
  const chosen = wanted === null ? candidates : candidates.filter((p) => p.year === wanted);
  return {
    planIds: chosen.map((p) => p.id),
    year: wanted,
    fellBack: request.year === null && wanted !== null && wanted !== currentYear,
  };
}
