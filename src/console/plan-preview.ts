import { basename } from 'node:path';
import { type Actor, authorize, type Decision } from '../core/rights.ts';
import { hashSource } from '../import/import-files.ts';
import { buildPlan, type PlanRecord } from '../ingest/build-plan.ts';
import { parseDocument } from '../ingest/parse-document.ts';
import { DocumentError } from '../ingest/types.ts';
import type { Lexicon } from '../ingest/units/lexicon.ts';
import { type ImportStatus, type ImportSummary, importPlan } from '../kb/import-plan.ts';
import type { Db } from '../kb/open.ts';
import { toStorageFailure } from '../kb/sqlite-errors.ts';
import { findMentions } from '../kb/task-queries.ts';
import { loadUnitTree } from '../kb/unit-tree.ts';
import { MESSAGES } from '../reply/messages.ts';
import type { PendingUpload } from './pending-uploads.ts';
import { diffPlan, type PlanDiff } from './plan-diff.ts';

/**
 * A plan uploaded through the web console: read with the importer's own functions (as `cli import` does, without
 * a sidecar), shown before anything is written, then committed by `importPlan` in its one transaction.
 * What the preview says about the knowledge base (new units, the issuer's place in the tree, new/updated/unchanged)
 * comes from a dry run: the import is done inside a transaction that is always rolled back.
 */
export interface NewUnit {
  name: string;
  /** The organisation it is filed under (null for a new organisation). */
  parent: string | null;
  kind: string;
}

export interface PlanPreview {
  fileName: string;
  plan: PlanRecord;
  sourceHash: string;
  status: ImportStatus;
  newUnits: NewUnit[];
  /** Null for a plan the knowledge base does not hold yet. */
  diff: PlanDiff | null;
}

export type PreviewResult =
  | { kind: 'preview'; preview: PlanPreview }
  /** The file cannot be read: the importer's own Vietnamese message, with the line when it knows it. */
  | { kind: 'unreadable'; message: string; line: number | null }
  | { kind: 'refused'; message: string };

export type CommitResult =
  | { kind: 'imported'; summary: ImportSummary }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string };

/** The name a plan is filed under: the upload's own file name, never a path the sender chose. */
export function toUploadName(name: string): string {
  return basename(name.replace(/\\/g, '/')).trim() || 'kế hoạch';
}

export async function previewPlan(
  db: Db,
  lexicon: Lexicon,
  fileName: string,
  bytes: Buffer,
  now: Date,
  actor: Actor,
): Promise<PreviewResult> {
  const name = toUploadName(fileName);
  try {
    const doc = await parseDocument(name, bytes);
    const read = buildPlan(doc, {}, name, lexicon);
    const knownId = findReuploadedId(db, name, read);
    const plan = knownId ? buildPlan(doc, { id: knownId }, name, lexicon) : read;
    const sourceHash = hashSource(bytes, null, lexicon);
    const diff = diffPlan(db, plan);
    const dry = dryRun(db, plan, now, sourceHash, actor);
    if (!dry.decision.ok) return { kind: 'refused', message: dry.decision.reason };
    const preview = { fileName: name, plan, sourceHash, status: dry.status, newUnits: dry.newUnits, diff };
    return { kind: 'preview', preview };
  } catch (error) {
    if (error instanceof DocumentError)
      return { kind: 'unreadable', message: error.message, line: error.line };
    throw error;
  }
}

/** "Nhập": the rights checked again on the knowledge base as it is now, and the plan written in one transaction. */
export function commitPlan(db: Db, pending: PendingUpload, now: Date, actor: Actor): CommitResult {
  try {
    const summary = db.transaction(() => {
      const written = importPlan(db, pending.plan, now, pending.sourceHash);
      const decision = decideImport(db, pending.plan.id, actor);
      if (!decision.ok) throw new Refused(decision.reason);
      return written;
    })();
    return { kind: 'imported', summary };
  } catch (error) {
    if (error instanceof Refused) return { kind: 'refused', message: error.message };
    if (error instanceof DocumentError) return { kind: 'failed', message: error.message };
    const failure = toStorageFailure(error);
    if (failure) return { kind: 'failed', message: MESSAGES.storage[failure] };
    throw error;
  }
}

/**
 * A plan first imported with a sidecar (`"id"` in its .meta.json) is read under another id from the bare file:
 * the upload of a file of the same name from the same issuer is that plan again, not a second copy of it.
 */
function findReuploadedId(db: Db, name: string, plan: PlanRecord): string | null {
  const plans = db
    .prepare<[], { id: string; source: string; issuer: string }>('SELECT id, source, issuer FROM plans')
    .all();
  if (plans.some((p) => p.id === plan.id)) return null;
  return plans.find((p) => basename(p.source) === name && p.issuer === plan.issuer)?.id ?? null;
}

class Refused extends Error {}
class RollBack extends Error {}

interface DryRun {
  status: ImportStatus;
  newUnits: NewUnit[];
  decision: Decision;
}

function dryRun(db: Db, plan: PlanRecord, now: Date, sourceHash: string, actor: Actor): DryRun {
  const lastUnit = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM units').get()?.id ?? 0;
  let outcome: DryRun | undefined;
  try {
    db.transaction(() => {
      const { status } = importPlan(db, plan, now, sourceHash);
      outcome = { status, newUnits: unitsAfter(db, lastUnit), decision: decideImport(db, plan.id, actor) };
      throw new RollBack();
    })();
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (!outcome) throw new Error('dry run ended without an outcome');
  return outcome;
}

function unitsAfter(db: Db, lastId: number): NewUnit[] {
  return db
    .prepare<[number], NewUnit>(
      `SELECT u.name, p.name AS parent, u.kind FROM units u LEFT JOIN units p ON p.id = u.parent_id
        WHERE u.id > ? ORDER BY u.id`,
    )
    .all(lastId);
}

/** `import_plan` on the organisation the plan is filed under, read from the knowledge base as it now stands. */
function decideImport(db: Db, planId: string, actor: Actor): Decision {
  const row = db
    .prepare<[string], { unitId: number }>('SELECT issuer_unit_id AS unitId FROM plans WHERE id = ?')
    .get(planId);
  const tree = loadUnitTree(db);
  const issuer = row ? tree.get(row.unitId) : undefined;
  if (!issuer) throw new Error(`plan ${planId} has no issuer unit after import`);
  const mentions = (unitIds: readonly number[], planIds: readonly string[]) =>
    findMentions(db, unitIds, planIds);
  return authorize(actor, { kind: 'import_plan', unit: issuer }, { tree, mentions });
}
