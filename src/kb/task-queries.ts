import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/** Read queries the conversation core needs, all bounded by the plans in scope. */

export interface PlanInfo {
  id: string;
  code: string | null;
  appendix: string | null;
  year: number | null;
  issuer: string;
  issuerUnitId: number;
  title: string;
  /** The issue date as the plan writes it, when known. */
  date: string | null;
}

export function listPlans(db: Db): PlanInfo[] {
  return prepared<[], PlanInfo>(
    db,
    `SELECT id, code, appendix, year, issuer, issuer_unit_id AS issuerUnitId, title, date FROM plans ORDER BY id`,
  ).all();
}

export interface Mention {
  taskId: string;
  planId: string;
  ord: number;
  unitId: number;
  relation: 'lead' | 'coordinate';
  role: string | null;
  condition: string | null;
}

const json = (values: readonly (string | number)[]) => JSON.stringify(values);

/** Every lead/coordinate mention of the given units (specific units or collectives) in the given plans. */
export function findMentions(db: Db, unitIds: readonly number[], planIds: readonly string[]): Mention[] {
  if (unitIds.length === 0 || planIds.length === 0) return [];
  return prepared<[string, string], Mention>(
    db,
    `SELECT tu.task_id AS taskId, t.plan_id AS planId, t.ord, tu.unit_id AS unitId, tu.relation, tu.role,
         tu.condition
       FROM task_units tu JOIN tasks t ON t.id = tu.task_id
       WHERE tu.unit_id IN (SELECT value FROM json_each(?)) AND t.plan_id IN (SELECT value FROM json_each(?))
         AND t.is_heading = 0 AND t.retired_at IS NULL
       ORDER BY t.plan_id, t.ord, tu.relation, tu.ord`,
  ).all(json(unitIds), json(planIds));
}

/** Plans in which any of the units is named. */
export function findPlansMentioning(db: Db, unitIds: readonly number[]): string[] {
  if (unitIds.length === 0) return [];
  return prepared<[string], { plan_id: string }>(
    db,
    `SELECT DISTINCT t.plan_id FROM task_units tu JOIN tasks t ON t.id = tu.task_id
       WHERE tu.unit_id IN (SELECT value FROM json_each(?)) AND t.retired_at IS NULL ORDER BY t.plan_id`,
  )
    .all(json(unitIds))
    .map((r) => r.plan_id);
}

export interface TaskKey {
  id: string;
  planId: string;
  sectionCode: string;
  stt: string;
  isHeading: boolean;
}

/** Tasks with this STT (and section, when given) in the plans; STT compared without spaces. */
export function findTasksByNumber(
  db: Db,
  planIds: readonly string[],
  section: string | null,
  stt: string,
): TaskKey[] {
  return prepared<[string, string, string | null, string | null], TaskKey & { is_heading: number }>(
    db,
    `SELECT id, plan_id AS planId, section_code AS sectionCode, stt, is_heading FROM tasks
       WHERE plan_id IN (SELECT value FROM json_each(?)) AND replace(stt, ' ', '') = ?
         AND (? IS NULL OR section_code = ?) AND retired_at IS NULL
       ORDER BY plan_id, ord`,
  )
    .all(json(planIds), stt.replace(/\s+/g, ''), section, section)
    .map(({ is_heading, ...t }) => ({ ...t, isHeading: is_heading === 1 }));
}

/** The tasks (not headings) of one section of the plans: a section named alone ("mục VII phụ lục III"). */
export function findSectionTasks(db: Db, planIds: readonly string[], section: string): TaskKey[] {
  return prepared<[string, string], TaskKey>(
    db,
    `SELECT id, plan_id AS planId, section_code AS sectionCode, stt FROM tasks
       WHERE plan_id IN (SELECT value FROM json_each(?)) AND section_code = ? AND is_heading = 0
         AND retired_at IS NULL
       ORDER BY plan_id, ord`,
  )
    .all(json(planIds), section)
    .map((t) => ({ ...t, isHeading: false }));
}

export interface SearchRow {
  id: string;
  planId: string;
  ord: number;
  search: string;
  sectionTitle: string;
}

/** Folded text of the active, non-heading tasks of the plans, for topic matching. */
export function findSearchRows(db: Db, planIds: readonly string[]): SearchRow[] {
  return prepared<[string], SearchRow>(
    db,
    `SELECT t.id, t.plan_id AS planId, t.ord, t.search, coalesce(s.title, '') AS sectionTitle FROM tasks t
       LEFT JOIN sections s ON s.plan_id = t.plan_id AND s.code = t.section_code
       WHERE t.plan_id IN (SELECT value FROM json_each(?)) AND t.is_heading = 0 AND t.retired_at IS NULL
       ORDER BY t.plan_id, t.ord`,
  ).all(json(planIds));
}

export interface DueRow {
  id: string;
  planId: string;
  due: string | null;
  kind: string;
}

export function findDeadlines(db: Db, taskIds: readonly string[]): Map<string, DueRow> {
  const rows = prepared<[string], DueRow>(
    db,
    `SELECT id, plan_id AS planId, deadline_due AS due, deadline_kind AS kind FROM tasks
       WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(json(taskIds));
  return new Map(rows.map((r) => [r.id, r]));
}

export function findTaskIdsWithKpis(db: Db, taskIds: readonly string[]): Set<string> {
  return new Set(
    prepared<[string], { task_id: string }>(
      db,
      'SELECT DISTINCT task_id FROM task_kpis WHERE task_id IN (SELECT value FROM json_each(?))',
    )
      .all(json(taskIds))
      .map((r) => r.task_id),
  );
}

/** The live task ids of these plans, plan by plan in document order (headings included). */
export function findPlanTaskIds(db: Db, planIds: readonly string[]): string[] {
  return prepared<[string], { id: string }>(
    db,
    `SELECT id FROM tasks WHERE retired_at IS NULL AND plan_id IN (SELECT value FROM json_each(?))
      ORDER BY plan_id, ord`,
  )
    .all(JSON.stringify(planIds))
    .map((r) => r.id);
}
