import type { Mention } from '../kb/task-queries.ts';
import type { UnitTree } from '../kb/unit-tree.ts';

/**
 * A unit is responsible for a task when the task names it, or names a collective that covers it
 * ("Các phòng, ban, đơn vị thuộc Sở" for a phòng of that Sở). Leading wins over coordinating: in SXD III.3 the
 * collective leads and "Văn phòng Sở tổng hợp" coordinates, so Văn phòng Sở leads (as one of the phòng) and its
 * own role ("tổng hợp") is shown beside it.
 */
export const RESPONSIBILITIES = ['lead', 'coordinate'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];
export type ResponsibilityFilter = Responsibility | 'both';

export interface ResponsibleTask {
  taskId: string;
  planId: string;
  ord: number;
  responsibility: Responsibility;
  /** Named for the unit itself, not only through a collective. */
  direct: boolean;
  /** How the task names the unit itself, when it does ("Văn phòng Sở tổng hợp" → coordinate). */
  namedAs: Responsibility | null;
  /** Conditions of the collectives through which the unit is responsible ("có trách nhiệm đối với TTHC"). */
  conditions: string[];
  roles: string[];
  /**
   * Responsible only through a catch-all collective ("Các cơ quan, đơn vị", "Các sở, ban, ngành, địa phương"),
   * which names every body of the province: true of a whole year's plan says nothing of substance about one.
   */
  broad: boolean;
}

/** How the rows naming units are read: `Knowledge.mentions` (memoised) or `findMentions` bound to a database. */
export type MentionSource = (unitIds: readonly number[], planIds: readonly string[]) => Mention[];

export function findResponsibleTasks(
  mentions: MentionSource,
  tree: UnitTree,
  unitId: number,
  planIds: readonly string[],
  which: ResponsibilityFilter,
): ResponsibleTask[] {
  const unitIds = [unitId, ...tree.coveringCollectives(unitId).map((c) => c.id)];
  const byTask = new Map<string, ResponsibleTask>();
  for (const m of mentions(unitIds, planIds)) {
    const direct = m.unitId === unitId;
    const broad = !direct && tree.get(m.unitId)?.covers === 'agencies_and_localities';
    const task = byTask.get(m.taskId) ?? {
      taskId: m.taskId,
      planId: m.planId,
      ord: m.ord,
      responsibility: m.relation,
      direct,
      namedAs: null,
      conditions: [],
      roles: [],
      broad,
    };
    if (!broad) task.broad = false;
    if (m.relation === 'lead') task.responsibility = 'lead';
    if (direct) task.direct = true;
    if (direct && task.namedAs !== 'lead') task.namedAs = m.relation;
    if (!direct && m.condition && !task.conditions.includes(m.condition)) task.conditions.push(m.condition);
    if (direct && m.role && !task.roles.includes(m.role)) task.roles.push(m.role);
    byTask.set(m.taskId, task);
  }
  const tasks = [...byTask.values()].filter((t) => which === 'both' || t.responsibility === which);
  // Tasks named for the unit itself first, then shared ones; lead before coordinate; then plan order.
  return tasks.sort(
    (a, b) =>
      Number(b.direct) - Number(a.direct) ||
      Number(b.responsibility === 'lead') - Number(a.responsibility === 'lead') ||
      a.planId.localeCompare(b.planId) ||
      a.ord - b.ord,
  );
}
