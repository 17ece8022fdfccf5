import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPendingUploads } from '../../src/console/pending-uploads.ts';
import { commitPlan, type PlanPreview, previewPlan } from '../../src/console/plan-preview.ts';
import { parseDocument } from '../../src/ingest/parse-document.ts';
import { DocumentError } from '../../src/ingest/types.ts';
import { exportTasks } from '../../src/kb/export.ts';
import type { Db } from '../../src/kb/open.ts';
import { findPlanTaskIds } from '../../src/kb/task-queries.ts';
import type { User } from '../../src/kb/users-repo.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, importShipped, TODAY, tempDb, testLexicon } from '../support/kb.ts';
import { actor, changedSnvText, person, planBytes, SNV_FILE } from './console-support.ts';

/** Plans uploaded through the console (src/console/plan-preview.ts): preview writes nothing, "Nhập" writes it all. */
const TABLES = ['plans', 'tasks', 'task_units', 'task_kpis', 'units', 'sections', 'plan_goals'] as const;
const counts = (db: Db) =>
  Object.fromEntries(
    TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  ) as Record<(typeof TABLES)[number], number>;

async function preview(db: Db, user: User, name: string, bytes: Buffer): Promise<PlanPreview> {
  const result = await previewPlan(db, testLexicon(), name, bytes, TODAY, actor(user));
  if (result.kind !== 'preview') throw new Error(`no preview: ${JSON.stringify(result)}`);
  return result.preview;
}

const SXD = { org: 'Sở Xây dựng', unit: 'Phòng Kế hoạch - Tài chính' };
const SNV = { org: 'Sở Nội vụ', unit: 'Văn phòng Sở' };

function commit(db: Db, user: User, p: PlanPreview) {
  const store = createPendingUploads(() => TODAY);
  const entry = store.put({ userId: user.id, fileName: p.fileName, plan: p.plan, sourceHash: p.sourceHash });
  return commitPlan(db, entry, TODAY, actor(user));
}

describe('previewing a plan file', () => {
  it('lists the tasks of a shipped plan, with section, STT, lead and deadline, and writes nothing', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'sxd-admin', SXD, 'admin');
    const before = counts(db);
    const p = await preview(
      db,
      admin,
      'sxd-2025-papi-phu-luc-3.txt',
      planBytes('sxd-2025-papi-phu-luc-3.txt'),
    );
    expect(counts(db)).toEqual(before);
    const stored = exportTasks(db, findPlanTaskIds(db, [p.plan.id])).filter((t) => !t.isHeading);
    const read = p.plan.tasks.filter((t) => !t.isHeading);
    expect(read.map((t) => t.id)).toEqual(stored.map((t) => t.id));
    expect(read.length).toBeGreaterThan(5);
    expect(p.plan.issuer).toBe('Sở Xây dựng');
    expect(p.plan.code).toBe('55/KH-SXD');
    expect(p.plan.sources.code?.text).toBeTruthy();
    const first = read[0];
    expect(first?.stt).toBeTruthy();
    expect(first?.lead.length).toBeGreaterThan(0);
    // Same tasks as the knowledge base holds: nothing added, changed or retired.
    expect(p.diff).toMatchObject({ added: [], changed: [], retired: [] });
    expect(p.newUnits).toEqual([]);
  });

  it('"Nhập" adds exactly the previewed tasks, in one go', async () => {
    const { db } = tempDb();
    await importInto(db, [join(SHIPPED_PLANS_DIR, 'sxd-2025-par-index-phu-luc-1.txt')]);
    const admin = person(db, 'sxd-admin', SXD, 'admin');
    const p = await preview(
      db,
      admin,
      'sxd-2025-papi-phu-luc-3.txt',
      planBytes('sxd-2025-papi-phu-luc-3.txt'),
    );
    expect(p.status).toBe('new');
    expect(p.diff).toBeNull();
    const before = counts(db);
    const result = commit(db, admin, p);
    expect(result).toMatchObject({ kind: 'imported', summary: { status: 'new', planId: p.plan.id } });
    expect(findPlanTaskIds(db, [p.plan.id])).toEqual(p.plan.tasks.map((t) => t.id));
    expect(counts(db).tasks - before.tasks).toBe(p.plan.tasks.length);
    expect(counts(db).plans - before.plans).toBe(1);
    expect(counts(db).units - before.units).toBe(p.newUnits.length);
  });

  it('a re-upload of a changed plan shows 1 added, 1 changed, 1 retired before anything is written', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'snv-admin', SNV, 'admin');
    const before = counts(db);
    const p = await preview(db, admin, SNV_FILE, Buffer.from(changedSnvText()));
    expect(counts(db)).toEqual(before);
    // The plan was imported with a sidecar id: the same file name from the same issuer is that plan again.
    expect(p.plan.id).toBe('snv-2026-cchc');
    const id = (suffix: string) => `${p.plan.id}/${suffix}`;
    expect(p.diff?.added.map((t) => t.id)).toEqual([id('I/7')]);
    expect(p.diff?.changed.map((c) => [c.task.id, c.fields])).toEqual([[id('I/3'), ['content']]]);
    expect(p.diff?.retired.map((t) => t.id)).toEqual([id('I/2')]);
    expect(p.status).toBe('updated');
  });

  it('"Nhập" of the changed plan writes what the preview said: one task retired, one added', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'snv-admin', SNV, 'admin');
    const p = await preview(db, admin, SNV_FILE, Buffer.from(changedSnvText()));
    const result = commit(db, admin, p);
    expect(result).toMatchObject({ kind: 'imported', summary: { status: 'updated', retired: 1 } });
    const live = findPlanTaskIds(db, ['snv-2026-cchc']);
    expect(live).toContain('snv-2026-cchc/I/7');
    expect(live).not.toContain('snv-2026-cchc/I/2');
  });

  it("a broken file gives the importer's own message and writes nothing", async () => {
    const { db } = await importShipped();
    const admin = person(db, 'snv-admin', SNV, 'admin');
    const bytes = Buffer.from('this is not a Word document');
    const expected = await parseDocument('ke-hoach.docx', bytes).then(
      () => null,
      (error: unknown) => (error instanceof DocumentError ? error.message : null),
    );
    expect(expected).toBeTruthy();
    const before = counts(db);
    const result = await previewPlan(db, testLexicon(), 'ke-hoach.docx', bytes, TODAY, actor(admin));
    expect(result).toEqual({ kind: 'unreadable', message: expected, line: null });
    expect(counts(db)).toEqual(before);
  });

  it('an admin of Sở Xây dựng cannot import the Sở Nội vụ plan', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'sxd-admin', SXD, 'admin');
    const before = counts(db);
    const result = await previewPlan(db, testLexicon(), SNV_FILE, planBytes(SNV_FILE), TODAY, actor(admin));
    expect(result.kind).toBe('refused');
    if (result.kind === 'refused') {
      expect(result.message).toContain('Sở Nội vụ');
      expect(result.message).toContain('Chưa nhập gì');
    }
    expect(counts(db)).toEqual(before);
  });

  it('"Nhập" checks the rights again: a lead who holds a preview still cannot commit it', async () => {
    const { db } = await importShipped();
    const admin = person(db, 'snv-admin', SNV, 'admin');
    const lead = person(db, 'snv-lead', SNV, 'lead');
    const p = await preview(db, admin, SNV_FILE, planBytes(SNV_FILE));
    const before = counts(db);
    const store = createPendingUploads(() => TODAY);
    const entry = store.put({
      userId: lead.id,
      fileName: p.fileName,
      plan: p.plan,
      sourceHash: p.sourceHash,
    });
    expect(commitPlan(db, entry, TODAY, actor(lead)).kind).toBe('refused');
    expect(counts(db)).toEqual(before);
  });
});

describe('previews waiting for "Nhập"', () => {
  const plan = { id: 'x' } as PlanPreview['plan'];
  it('belong to the person who uploaded, are taken once, and expire after 30 minutes', () => {
    let now = TODAY;
    const store = createPendingUploads(() => now);
    const entry = store.put({ userId: 1, fileName: 'a.txt', plan, sourceHash: 'h' });
    expect(store.get(2, entry.id)).toBeNull();
    expect(store.take(1, entry.id)?.id).toBe(entry.id);
    expect(store.take(1, entry.id)).toBeNull();
    const later = store.put({ userId: 1, fileName: 'a.txt', plan, sourceHash: 'h' });
    now = new Date(TODAY.getTime() + 30 * 60 * 1000);
    expect(store.get(1, later.id)).toBeNull();
  });

  it('keep a few per person: the oldest goes first; "Hủy" drops one', () => {
    const store = createPendingUploads(() => TODAY, { perUser: 2 });
    const [a, b, c] = [1, 2, 3].map(() => store.put({ userId: 7, fileName: 'a.txt', plan, sourceHash: 'h' }));
    expect(store.get(7, a?.id ?? '')).toBeNull();
    expect(store.get(7, b?.id ?? '')).not.toBeNull();
    expect(store.drop(7, c?.id ?? '')).toBe(true);
    expect(store.size()).toBe(1);
  });
});
