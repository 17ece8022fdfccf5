import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleDeps, ConsoleSession } from '../../adapters/console/context.ts';
import { plansPage } from '../../adapters/console/pages/plans.ts';
import { reportsPage } from '../../adapters/console/pages/reports.ts';
import { usersPage } from '../../adapters/console/pages/users.ts';
import { UPLOAD_LIMITS } from '../../adapters/console/plugin.ts';
import { createRuntime, type Runtime } from '../../src/compose/runtime.ts';
import { findPlanTaskIds } from '../../src/kb/task-queries.ts';
import { findUserById } from '../../src/kb/users-repo.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { importInto, TODAY, tempDb } from '../support/kb.ts';
import { changedSnvText, person, planBytes, SNV_FILE, sessionFor } from './console-support.ts';

/**
 * The pages of plans, people and reports through a real fastify server on 127.0.0.1. The session the plugin's
 * guard would set is set by a test hook (the guard itself, sign-in and CSRF are the plugin's tests).
 */
let app: FastifyInstance;
let runtime: Runtime;
let base: string;
let current: ConsoleSession;
const who: Record<'admin' | 'lead' | 'sxdAdmin', ConsoleSession> = {} as never;
let pendingId = 0;

beforeAll(async () => {
  const { db, path } = tempDb();
  await importInto(db, [SHIPPED_PLANS_DIR]);
  db.close();
  runtime = await createRuntime(path, () => TODAY);
  const kb = runtime.db;
  who.admin = sessionFor(kb, person(kb, 'snv-admin', { org: 'Sở Nội vụ', unit: 'Văn phòng Sở' }, 'admin'));
  who.lead = sessionFor(kb, person(kb, 'snv-lead', { org: 'Sở Nội vụ', unit: 'Văn phòng Sở' }, 'lead'));
  who.sxdAdmin = sessionFor(
    kb,
    person(kb, 'sxd-admin', { org: 'Sở Xây dựng', unit: 'Phòng Kế hoạch - Tài chính' }, 'admin'),
  );
  pendingId = person(kb, 'lan', { org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức' }, 'staff', false).id;
  const deps: ConsoleDeps = {
    db: kb,
    dbPath: path,
    runtime,
    logger: pino({ level: 'silent' }),
    clock: () => TODAY,
    publicBaseUrl: 'http://127.0.0.1',
    secureCookies: false,
  };
  app = Fastify();
  await app.register(formbody);
  await app.register(multipart, { limits: UPLOAD_LIMITS });
  app.decorateRequest('console', undefined);
  app.addHook('preHandler', async (request) => {
    request.console = current;
  });
  for (const register of [plansPage, usersPage, reportsPage]) register(app, deps);
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  runtime.db.close();
});

function upload(name: string, bytes: Buffer) {
  const form = new FormData();
  form.set('_csrf', current.csrf);
  form.set('file', new Blob([bytes]), name);
  return fetch(`${base}/admin/plans/preview`, { method: 'POST', body: form });
}

function post(path: string, fields: Record<string, string | number>) {
  const body = new URLSearchParams({ _csrf: current.csrf });
  for (const [k, v] of Object.entries(fields)) body.set(k, String(v));
  return fetch(`${base}${path}`, { method: 'POST', body });
}

const previewId = (page: string) => /name="id" value="([^"]+)"/.exec(page)?.[1] ?? '';

describe('Kế hoạch', () => {
  it('lists the plans of the scope with their counts, and offers an admin the upload form', async () => {
    current = who.admin;
    const res = await fetch(`${base}/admin/plans`);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('name="_csrf"');
    expect(page).toContain('Sở Nội vụ');
    expect(page).not.toContain('<script');
  });

  it('a lead sees the plans but no upload form, and cannot upload', async () => {
    current = who.lead;
    const page = await (await fetch(`${base}/admin/plans`)).text();
    expect(page).not.toContain('multipart/form-data');
    const res = await upload(SNV_FILE, planBytes(SNV_FILE));
    expect(res.status).toBe(403);
  });

  it('upload → preview of the changes → "Nhập" writes them; the same preview cannot be committed twice', async () => {
    current = who.admin;
    const res = await upload(SNV_FILE, Buffer.from(changedSnvText()));
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('Xây dựng và ban hành Kế hoạch thông tin');
    expect(page).toContain('1 nhiệm vụ thêm, 1 thay đổi, 1 bỏ');
    expect(page).toContain('action="/admin/plans/commit"');
    expect(findPlanTaskIds(runtime.db, ['snv-2026-cchc'])).toContain('snv-2026-cchc/I/2');
    const id = previewId(page);
    const commit = await post('/admin/plans/commit', { id });
    expect(commit.status).toBe(200);
    expect(await commit.text()).toContain('Đã nhập');
    expect(findPlanTaskIds(runtime.db, ['snv-2026-cchc'])).not.toContain('snv-2026-cchc/I/2');
    const again = await post('/admin/plans/commit', { id });
    expect(again.status).toBe(410);
  });

  it('"Hủy" writes nothing and forgets the preview', async () => {
    current = who.admin;
    const page = await (await upload(SNV_FILE, planBytes(SNV_FILE))).text();
    const id = previewId(page);
    const before = findPlanTaskIds(runtime.db, ['snv-2026-cchc']);
    expect((await post('/admin/plans/cancel', { id })).status).toBe(200);
    expect(findPlanTaskIds(runtime.db, ['snv-2026-cchc'])).toEqual(before);
    expect((await post('/admin/plans/commit', { id })).status).toBe(410);
  });

  it("a broken file shows the importer's message on the plans page (422)", async () => {
    current = who.admin;
    const res = await upload('ke-hoach.xlsx', Buffer.from('không phải tệp Excel'));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Không đọc được tệp');
  });

  it('an admin of Sở Xây dựng is refused the Sở Nội vụ plan (403)', async () => {
    current = who.sxdAdmin;
    const res = await upload(SNV_FILE, planBytes(SNV_FILE));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Chưa nhập gì');
  });
});

describe('Người dùng', () => {
  it('a lead sees who waits but gets no forms, and cannot approve', async () => {
    current = who.lead;
    const page = await (await fetch(`${base}/admin/users`)).text();
    expect(page).not.toContain('action="/admin/users/approve"');
    expect((await post('/admin/users/approve', { userId: pendingId })).status).toBe(403);
    expect(findUserById(runtime.db, pendingId)?.approved).toBe(false);
  });

  it('an admin approves a person waiting', async () => {
    current = who.admin;
    const page = await (await fetch(`${base}/admin/users`)).text();
    expect(page).toContain('Chờ duyệt (1)');
    expect(page).toContain('action="/admin/users/approve"');
    const res = await post('/admin/users/approve', { userId: pendingId });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Chờ duyệt (0)');
    expect(findUserById(runtime.db, pendingId)?.approved).toBe(true);
  });
});

describe('Báo cáo', () => {
  it("downloads the organisation's period report as .xlsx", async () => {
    current = who.admin;
    expect((await fetch(`${base}/admin/reports`)).status).toBe(200);
    const res = await fetch(`${base}/admin/reports/download?period=q4&year=2026&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Bao-cao/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  }, 30_000);

  it("a lead gets their own unit's report", async () => {
    current = who.lead;
    const res = await fetch(`${base}/admin/reports/download?period=q4&year=2026&format=docx`);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('Van-phong-So');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 30_000);

  it('says so when the organisation has no plan of that year', async () => {
    current = who.admin;
    const res = await fetch(`${base}/admin/reports/download?period=year&year=2020&format=docx`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('không có kế hoạch năm 2020');
  });
});
