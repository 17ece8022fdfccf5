import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleDeps, ConsolePage } from '../../adapters/console/context.ts';
import { sessionOf } from '../../adapters/console/context.ts';
import { LEAD_MAY_POST, registerConsole } from '../../adapters/console/plugin.ts';
import { ask } from '../../src/cli/ask.ts';
import { createRuntime, type Runtime } from '../../src/compose/runtime.ts';
import { consoleLink } from '../../src/console/sign-in.ts';
import { findUser, setUserRole } from '../../src/kb/users-repo.ts';
import { tempDir } from '../support/kb.ts';

/**
 * The guard in front of every page module, on a real server (127.0.0.1) and a real SQLite file, with a probe page
 * standing in for the real ones: a POST needs the session's form token and an admin (a lead only reads), and a
 * person who lost the right is refused at the next click. A refused POST writes nothing.
 */
const NOW = new Date('2026-11-22T09:00:00+07:00');
const LEAD = { user: 'ccvc-tp', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'lead' } as const;
const ADMIN = { user: 'snv-admin', org: 'Sở Nội vụ', role: 'admin' } as const;

let app: FastifyInstance | null = null;
let runtime: Runtime | null = null;
afterEach(async () => {
  await app?.close();
  runtime?.db.close();
  app = null;
  runtime = null;
});

/** What the probe's POSTs wrote; a refused POST must leave it as it was. */
const written: string[] = [];
const probePage: ConsolePage = (scope) => {
  scope.get('/admin/probe', async (request) => `probe of ${sessionOf(request).scope.name}`);
  scope.post('/admin/probe', async (request) => {
    written.push(sessionOf(request).user.role);
    return 'written';
  });
  scope.post('/admin/probe-read', { config: LEAD_MAY_POST }, async () => 'read');
  scope.post('/admin/probe-upload', async (request) => {
    const file = await request.file();
    written.push(`file:${(await file?.toBuffer())?.length ?? 0}`);
    return 'uploaded';
  });
};

async function boot() {
  written.length = 0;
  const rt = await createRuntime(join(tempDir(), 'kb.db'), () => NOW);
  runtime = rt;
  const deps: ConsoleDeps = {
    db: rt.db,
    dbPath: join(tempDir(), 'kb.db'),
    runtime: rt,
    logger: pino({ level: 'silent' }),
    clock: () => NOW,
    publicBaseUrl: 'http://127.0.0.1',
    secureCookies: false,
  };
  const server = Fastify();
  registerConsole(server, deps, [probePage]);
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  app = server;
  /** Signs in as `who` through the link and returns the cookie and the session's form token. */
  const signIn = async (who: typeof LEAD | typeof ADMIN) => {
    ask(rt, { ...who, text: 'xin chào' });
    const user = findUser(rt.db, 'cli', who.user);
    const link = user ? consoleLink(rt.db, user.id, NOW, url) : null;
    if (!link?.ok) throw new Error('no link');
    const response = await fetch(link.url, { method: 'POST', redirect: 'manual' });
    const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const page = await (await fetch(`${url}/admin`, { headers: { cookie } })).text();
    const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    return { cookie, csrf, userId: user?.id ?? 0 };
  };
  const post = (path: string, cookie: string, form: Record<string, string>) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  return { url, rt, signIn, post };
}

describe('the console guard', () => {
  it('an admin’s POST with the session’s form token goes through', async () => {
    const { signIn, post } = await boot();
    const { cookie, csrf } = await signIn(ADMIN);
    const response = await post('/admin/probe', cookie, { _csrf: csrf });
    expect(response.status).toBe(200);
    expect(written).toEqual(['admin']);
  });

  it('a POST without or with a wrong form token is 403, and nothing is written', async () => {
    const { signIn, post } = await boot();
    const { cookie, csrf } = await signIn(ADMIN);
    for (const form of [{}, { _csrf: 'x'.repeat(43) }, { _csrf: `${csrf}x` }]) {
      const response = await post('/admin/probe', cookie, form);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Biểu mẫu không hợp lệ');
    }
    expect(written).toEqual([]);
  });

  it('a lead reads but their POST to a write route is 403 (read-only), unless the route lets a lead post', async () => {
    const { url, signIn, post } = await boot();
    const { cookie, csrf } = await signIn(LEAD);
    const read = await fetch(`${url}/admin/probe`, { headers: { cookie } });
    expect(await read.text()).toBe('probe of Phòng Công chức, viên chức');
    const refused = await post('/admin/probe', cookie, { _csrf: csrf });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('chỉ xem được kế hoạch và người dùng');
    expect(written).toEqual([]);
    expect((await post('/admin/probe-read', cookie, { _csrf: csrf })).status).toBe(200);
  });

  it('someone whose role was lowered after signing in is refused at the next click (403)', async () => {
    const { url, rt, signIn } = await boot();
    const { cookie, userId } = await signIn(LEAD);
    setUserRole(rt.db, userId, 'staff', NOW);
    const response = await fetch(`${url}/admin/probe`, { headers: { cookie } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('chỉ dành cho trưởng đơn vị và quản trị viên');
  });

  it('a multipart POST carries the token in a header or in the action’s query', async () => {
    const { url, signIn } = await boot();
    const { cookie, csrf } = await signIn(ADMIN);
    const upload = (path: string, headers: Record<string, string> = {}) => {
      const form = new FormData();
      form.append('file', new Blob(['a'.repeat(10)]), 'plan.docx');
      return fetch(`${url}${path}`, { method: 'POST', headers: { cookie, ...headers }, body: form });
    };
    expect((await upload('/admin/probe-upload')).status).toBe(403);
    expect((await upload('/admin/probe-upload', { 'x-csrf-token': csrf })).status).toBe(200);
    expect((await upload(`/admin/probe-upload?_csrf=${csrf}`)).status).toBe(200);
    expect(written).toEqual(['file:10', 'file:10']);
  });

  it('an unknown /admin address is a Vietnamese 404 page for someone signed in', async () => {
    const { url, signIn } = await boot();
    const { cookie } = await signIn(ADMIN);
    const response = await fetch(`${url}/admin/khong-co`, { headers: { cookie } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Trang quản trị không có địa chỉ này.');
  });
});
