import type { Db } from '../kb/open.ts';
import { loadUnitTree, type UnitNode } from '../kb/unit-tree.ts';
import { isWithin } from './people.ts';

/** A row of the console's "Kế hoạch": a plan and its counts (live tasks, named units), for one scope. */
export interface PlanRow {
  id: string;
  code: string | null;
  appendix: string | null;
  title: string;
  issuer: string;
  year: number | null;
  importedAt: string;
  source: string;
  tasks: number;
  units: number;
  /** True when the plan was issued inside the scope; false when it only assigns tasks to units of it. */
  own: boolean;
}

interface Row extends Omit<PlanRow, 'own'> {
  issuerUnitId: number;
  unitIds: string | null;
}

/** The plans issued inside the scope, and those that name one of its units, newest year first. */
export function listScopePlans(db: Db, scope: UnitNode): PlanRow[] {
  const tree = loadUnitTree(db);
  const rows = db
    .prepare<[], Row>(
      `SELECT p.id, p.code, p.appendix, p.title, p.issuer, p.year, p.imported_at AS importedAt, p.source,
         p.issuer_unit_id AS issuerUnitId,
         (SELECT count(*) FROM tasks t WHERE t.plan_id = p.id AND t.retired_at IS NULL AND t.is_heading = 0) AS tasks,
         (SELECT count(DISTINCT tu.unit_id) FROM task_units tu JOIN tasks t ON t.id = tu.task_id
           WHERE t.plan_id = p.id AND t.retired_at IS NULL) AS units,
         (SELECT group_concat(DISTINCT tu.unit_id) FROM task_units tu JOIN tasks t ON t.id = tu.task_id
           WHERE t.plan_id = p.id AND t.retired_at IS NULL) AS unitIds
       FROM plans p ORDER BY p.year DESC, p.id`,
    )
    .all();
  return rows.flatMap(({ issuerUnitId, unitIds, ...plan }) => {
    const own = isWithin(tree, issuerUnitId, scope);
    const named = (unitIds ?? '').split(',').some((id) => id !== '' && isWithin(tree, Number(id), scope));
    return own || named ? [{ ...plan, own }] : [];
  });
}
