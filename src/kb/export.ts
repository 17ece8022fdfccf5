import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/** The `cli export --json` contract. Fields beyond the list are additions, never renames. */
export interface ExportedUnitRef {
  name: string;
  raw: string;
  role: string | null;
  condition: string | null;
  unitId: number;
  collective: boolean;
}

export interface ExportedTask {
  id: string;
  planId: string;
  section: { code: string; title: string };
  stt: string;
  isHeading: boolean;
  parentId: string | null;
  content: string;
  lead: ExportedUnitRef[];
  coordinate: ExportedUnitRef[];
  deadline: { raw: string; due: string | null; kind: string };
  product: string;
  kpis: { text: string; op: string; value: number; unit: string }[];
}

export interface ExportedPlan {
  id: string;
  code: string | null;
  issuer: string;
  year: number | null;
  title: string;
  source: string;
  date: string | null;
  province: string | null;
  index: string | null;
  appendix: string | null;
  layout: string;
  goals: { index: string | null; text: string }[];
}

export interface ExportedUnit {
  id: number;
  name: string;
  kind: string;
  category: string;
  parentId: number | null;
  /** Name of the organisation the unit belongs to (null for the roots). */
  org: string | null;
  covers: string | null;
}

export interface KnowledgeBaseExport {
  plans: ExportedPlan[];
  tasks: ExportedTask[];
  units: ExportedUnit[];
}

interface TaskRow {
  id: string;
  plan_id: string;
  section_code: string;
  section_title: string | null;
  stt: string;
  is_heading: number;
  parent_id: string | null;
  content: string;
  deadline_raw: string;
  deadline_due: string | null;
  deadline_kind: string;
  product: string;
}

interface UnitRefRow {
  task_id: string;
  relation: 'lead' | 'coordinate';
  name: string;
  raw: string;
  role: string | null;
  condition: string | null;
  unit_id: number;
  kind: string;
}

export function exportKnowledgeBase(db: Db): KnowledgeBaseExport {
  return { plans: exportPlans(db), tasks: exportTasks(db), units: exportUnits(db) };
}

function exportPlans(db: Db): ExportedPlan[] {
  const goals = prepared<[string], { index_name: string | null; text: string }>(
    db,
    'SELECT index_name, text FROM plan_goals WHERE plan_id = ? ORDER BY ord',
  );
  const rows = prepared<[], Omit<ExportedPlan, 'goals' | 'index'> & { index_name: string | null }>(
    db,
    `SELECT id, code, issuer, year, title, source, date, province, index_name, appendix, layout
       FROM plans ORDER BY id`,
  ).all();
  return rows.map(({ index_name, ...p }) => ({
    ...p,
    index: index_name,
    goals: goals.all(p.id).map((g) => ({ index: g.index_name, text: g.text })),
  }));
}

/** A filter on task ids, as SQL: every active task, or only the listed ones (in one JSON parameter). */
function taskFilter(alias: string, ids: readonly string[] | undefined): { sql: string; params: string[] } {
  if (!ids) return { sql: `${alias}.retired_at IS NULL`, params: [] };
  return { sql: `${alias}.id IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
}

/** Tasks in the export shape: all active ones, or the given ids (in plan order) for answers. */
export function exportTasks(db: Db, ids?: readonly string[]): ExportedTask[] {
  const filter = taskFilter('t', ids);
  const refs = new Map<string, UnitRefRow[]>();
  const refRows = prepared<string[], UnitRefRow>(
    db,
    `SELECT tu.task_id, tu.relation, u.name, tu.raw, tu.role, tu.condition, tu.unit_id, u.kind
       FROM task_units tu JOIN units u ON u.id = tu.unit_id JOIN tasks t ON t.id = tu.task_id
       WHERE ${filter.sql} ORDER BY tu.task_id, tu.relation, tu.ord`,
  ).all(...filter.params);
  for (const r of refRows) {
    const list = refs.get(r.task_id);
    if (list) list.push(r);
    else refs.set(r.task_id, [r]);
  }
  const kpis = groupKpis(db, filter);
  const rows = prepared<string[], TaskRow>(
    db,
    `SELECT t.*, s.title AS section_title FROM tasks t
       LEFT JOIN sections s ON s.plan_id = t.plan_id AND s.code = t.section_code
       WHERE ${filter.sql} ORDER BY t.plan_id, t.ord`,
  ).all(...filter.params);
  return rows.map((t) => {
    const mine = refs.get(t.id) ?? [];
    const toRef = (r: UnitRefRow): ExportedUnitRef => ({
      name: r.name,
      raw: r.raw,
      role: r.role,
      condition: r.condition,
      unitId: r.unit_id,
      collective: r.kind === 'collective',
    });
    return {
      id: t.id,
      planId: t.plan_id,
      section: { code: t.section_code, title: t.section_title ?? '' },
      stt: t.stt,
      isHeading: t.is_heading === 1,
      parentId: t.parent_id,
      content: t.content,
      lead: mine.filter((r) => r.relation === 'lead').map(toRef),
      coordinate: mine.filter((r) => r.relation === 'coordinate').map(toRef),
      deadline: { raw: t.deadline_raw, due: t.deadline_due, kind: t.deadline_kind },
      product: t.product,
      kpis: kpis.get(t.id) ?? [],
    };
  });
}

function groupKpis(db: Db, filter: { sql: string; params: string[] }): Map<string, ExportedTask['kpis']> {
  const byTask = new Map<string, ExportedTask['kpis']>();
  const rows = prepared<string[], { task_id: string; text: string; op: string; value: number; unit: string }>(
    db,
    `SELECT k.task_id, k.text, k.op, k.value, k.unit FROM task_kpis k JOIN tasks t ON t.id = k.task_id
       WHERE ${filter.sql} ORDER BY k.task_id, k.ord`,
  ).all(...filter.params);
  for (const { task_id, ...k } of rows) {
    const list = byTask.get(task_id);
    if (list) list.push(k);
    else byTask.set(task_id, [k]);
  }
  return byTask;
}

function exportUnits(db: Db): ExportedUnit[] {
  return prepared<[], ExportedUnit>(
    db,
    `SELECT u.id, u.name, u.kind, u.category, u.parent_id AS parentId, p.name AS org, u.covers
       FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id`,
  ).all();
}
