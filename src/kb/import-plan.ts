import { createHash } from 'node:crypto';
import type { PlanRecord, TaskRecord } from '../ingest/build-plan.ts';
import { DocumentError } from '../ingest/types.ts';
import { foldWords } from '../vi/fold.ts';
import type { Db } from './open.ts';
import { createUnitsRepo, type UnitsRepo } from './units-repo.ts';

export const IMPORT_STATUSES = ['new', 'updated', 'unchanged'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportSummary {
  planId: string;
  status: ImportStatus;
  tasks: number;
  headings: number;
  /** Distinct units and collectives the plan names. */
  units: number;
  /** Tasks that were in an earlier version of the document and are no longer in it. */
  retired: number;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Writes one plan in one transaction: re-importing the same document changes nothing; a changed document
 * updates its tasks in place (same ids) and retires the tasks it no longer has.
 */
export function importPlan(db: Db, plan: PlanRecord, now: Date, sourceHash: string): ImportSummary {
  const { warnings: _warnings, ...content } = plan;
  const planHash = hashOf(content);
  const existing = db
    .prepare<[string], { content_hash: string; issuer: string; province: string | null; source: string }>(
      'SELECT content_hash, issuer, province, source FROM plans WHERE id = ?',
    )
    .get(plan.id);
  if (existing && (existing.issuer !== plan.issuer || existing.province !== plan.province)) {
    // Two organisations numbered their plans alike: never let one silently replace the other.
    throw new DocumentError(
      `Mã kế hoạch "${plan.id}" đã dùng cho kế hoạch của ${existing.issuer} (tệp ${existing.source}); ` +
        'hãy đặt "id" riêng trong tệp .meta.json đi kèm',
    );
  }
  const base = {
    planId: plan.id,
    tasks: plan.tasks.filter((t) => !t.isHeading).length,
    headings: plan.tasks.filter((t) => t.isHeading).length,
    units: new Set(plan.tasks.flatMap((t) => [...t.lead, ...t.coordinate].map((u) => u.name))).size,
  };
  if (existing?.content_hash === planHash) {
    db.prepare('UPDATE plans SET source = ?, source_hash = ? WHERE id = ?').run(
      plan.source,
      sourceHash,
      plan.id,
    );
    return { ...base, status: 'unchanged', retired: 0 };
  }
  const retired = db.transaction(() => writePlan(db, plan, { planHash, sourceHash }, now.toISOString()))();
  return { ...base, status: existing ? 'updated' : 'new', retired };
}

function writePlan(
  db: Db,
  plan: PlanRecord,
  hashes: { planHash: string; sourceHash: string },
  now: string,
): number {
  const units = createUnitsRepo(db);
  const issuerId = units.issuer(plan.issuer, plan.issuerCategory, plan.province);
  db.prepare(
    `INSERT INTO plans (id, code, issuer, issuer_unit_id, province, date, year, title, index_name, appendix, source,
       layout, content_hash, source_hash, imported_at)
     VALUES (@id, @code, @issuer, @issuerId, @province, @date, @year, @title, @index, @appendix, @source, @layout,
       @planHash, @sourceHash, @now)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, issuer = excluded.issuer,
       issuer_unit_id = excluded.issuer_unit_id, province = excluded.province, date = excluded.date,
       year = excluded.year, title = excluded.title, index_name = excluded.index_name, appendix = excluded.appendix,
       source = excluded.source, layout = excluded.layout, content_hash = excluded.content_hash,
       source_hash = excluded.source_hash, imported_at = excluded.imported_at`,
  ).run({ ...plan, issuerId, ...hashes, now });
  db.prepare('DELETE FROM plan_goals WHERE plan_id = ?').run(plan.id);
  const goal = db.prepare('INSERT INTO plan_goals (plan_id, ord, index_name, text) VALUES (?, ?, ?, ?)');
  for (const [i, g] of plan.goals.entries()) goal.run(plan.id, i, g.index, g.text);
  db.prepare('DELETE FROM sections WHERE plan_id = ?').run(plan.id);
  const section = db.prepare('INSERT INTO sections (plan_id, code, title, ord) VALUES (?, ?, ?, ?)');
  for (const [i, s] of plan.sections.entries()) section.run(plan.id, s.code, s.title, i);
  const writeTask = createTaskWriter(db, units, issuerId, plan.province, now);
  for (const task of plan.tasks) writeTask(plan.id, task);
  return retireMissing(db, plan, now);
}

function createTaskWriter(db: Db, units: UnitsRepo, issuerId: number, province: string | null, now: string) {
  const upsert = db.prepare(
    `INSERT INTO tasks (id, plan_id, section_code, stt, ord, is_heading, parent_id, content, search, deadline_raw,
       deadline_due, deadline_kind, product, line, content_hash, updated_at, retired_at)
     VALUES (@id, @planId, @sectionCode, @stt, @ord, @isHeading, @parentId, @content, @search, @deadlineRaw,
       @deadlineDue, @deadlineKind, @product, @line, @hash, @now, NULL)
     ON CONFLICT (id) DO UPDATE SET section_code = excluded.section_code, stt = excluded.stt, ord = excluded.ord,
       is_heading = excluded.is_heading, parent_id = excluded.parent_id, content = excluded.content,
       search = excluded.search, deadline_raw = excluded.deadline_raw, deadline_due = excluded.deadline_due,
       deadline_kind = excluded.deadline_kind, product = excluded.product, line = excluded.line,
       content_hash = excluded.content_hash, retired_at = NULL,
       updated_at = CASE WHEN tasks.content_hash = excluded.content_hash THEN tasks.updated_at ELSE excluded.updated_at END`,
  );
  const clearUnits = db.prepare('DELETE FROM task_units WHERE task_id = ?');
  const clearKpis = db.prepare('DELETE FROM task_kpis WHERE task_id = ?');
  const unit = db.prepare(
    'INSERT INTO task_units (task_id, relation, ord, unit_id, raw, role, condition) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const kpi = db.prepare(
    'INSERT INTO task_kpis (task_id, ord, text, op, value, unit) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return (planId: string, task: TaskRecord): void => {
    upsert.run({
      ...task,
      planId,
      isHeading: task.isHeading ? 1 : 0,
      search: foldWords(`${task.sectionTitle} ${task.content} ${task.product}`),
      deadlineRaw: task.deadline.raw,
      deadlineDue: task.deadline.due,
      deadlineKind: task.deadline.kind,
      hash: hashOf(task),
      now,
    });
    clearUnits.run(task.id);
    clearKpis.run(task.id);
    for (const relation of ['lead', 'coordinate'] as const) {
      task[relation].forEach((ref, i) => {
        unit.run(
          task.id,
          relation,
          i,
          units.forRef(ref, issuerId, province),
          ref.raw,
          ref.role,
          ref.condition,
        );
      });
    }
    for (const [i, k] of task.kpis.entries()) kpi.run(task.id, i, k.text, k.op, k.value, k.unit);
  };
}

function retireMissing(db: Db, plan: PlanRecord, now: string): number {
  const keep = new Set(plan.tasks.map((t) => t.id));
  const current = db
    .prepare<[string], { id: string }>('SELECT id FROM tasks WHERE plan_id = ? AND retired_at IS NULL')
    .all(plan.id);
  const retire = db.prepare('UPDATE tasks SET retired_at = ? WHERE id = ?');
  const gone = current.filter((t) => !keep.has(t.id));
  for (const t of gone) retire.run(now, t.id);
  return gone.length;
}

/**
 * The summary of a file imported before from exactly these bytes (same sidecar, lexicon and importer), or null.
 * Lets a re-import of an unchanged folder skip parsing.
 */
export function findUnchangedImport(db: Db, source: string, sourceHash: string): ImportSummary | null {
  const plan = db
    .prepare<[string, string], { id: string }>('SELECT id FROM plans WHERE source = ? AND source_hash = ?')
    .get(source, sourceHash);
  if (!plan) return null;
  const counts = db
    .prepare<{ id: string }, { tasks: number; headings: number; units: number }>(
      `SELECT sum(is_heading = 0) AS tasks, sum(is_heading = 1) AS headings,
         (SELECT count(DISTINCT tu.unit_id) FROM task_units tu JOIN tasks t2 ON t2.id = tu.task_id
          WHERE t2.plan_id = @id AND t2.retired_at IS NULL) AS units
       FROM tasks WHERE plan_id = @id AND retired_at IS NULL`,
    )
    .get({ id: plan.id });
  return {
    planId: plan.id,
    status: 'unchanged',
    tasks: counts?.tasks ?? 0,
    headings: counts?.headings ?? 0,
    units: counts?.units ?? 0,
    retired: 0,
  };
}
