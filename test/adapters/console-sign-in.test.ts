import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { SECURITY_HEADERS } from '../../adapters/console/plugin.ts';
import { redactUrl } from '../../adapters/files-route.ts';
import { ask } from '../../src/cli/ask.ts';
import { tempDir } from '../support/kb.ts';

/**
 * Signing in to /admin on the real server (a real SQLite file, 127.0.0.1): the link from the bot shows a button,
 * the button's POST signs in once, the cookie is HttpOnly/Strict and lasts 8 hours, "đăng xuất mọi nơi" ends
 * every session, pages without a session say how to sign in, and neither link nor cookie reaches the log.
 */
const START = new Date('2026-11-22T09:00:00+07:00');
const LEAD = { user: 'ccvc-tp', org: 'Sở Nội vụ', unit: 'Phòng Công chức, viên chức', role: 'lead' } as const;
const ADMIN = { user: 'snv-admin', org: 'Sở Nội vụ', role: 'admin' } as const;
const MINUTE = 60_000;

let bot: RunningBot | null = null;
afterEach(async () => {
  await bot?.stop();
  bot = null;
});

async function boot(env: Record<string, string> = {}) {
  let now = START;
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const dbPath = join(tempDir(), 'kb.db');
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', DB_PATH: dbPath, SCHEDULER: 'off', ...env });
  bot = await startBot(config, { logger, clock: () => now });
  const running = bot;
  /** The link's path from the bot's answer (the link itself names the configured base). */
  const linkFor = (who: typeof LEAD | typeof ADMIN) => {
    const reply = ask(running.runtime, { ...who, text: 'đăng nhập trang quản trị' }).reply;
    const path = reply.match(/\/admin\/login\/[A-Za-z0-9_-]{43}/)?.[0];
    if (!path) throw new Error(`no link in: ${reply}`);
    return path;
  };
  const get = (path: string, cookie?: string) =>
    fetch(`${running.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const post = (path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    fetch(`${running.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  /** Follows the link as a person does: GET shows the button, its POST signs in; returns the cookie pair. */
  const signIn = async (who: typeof LEAD | typeof ADMIN) => {
    const path = linkFor(who);
    expect((await get(path)).status).toBe(200);
    const response = await post(path);
    expect(response.status).toBe(303);
    const setCookie = response.headers.getSetCookie()[0] ?? '';
    return { path, response, setCookie, cookie: setCookie.split(';')[0] ?? '' };
  };
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return { bot: running, logs, linkFor, get, post, signIn, advance };
}

/** The session's form token, read from the sign-out form every console page carries. */
async function csrfOf(response: Response): Promise<string> {
  return (await response.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
}

describe('console sign-in', () => {
  it('the link signs in once: a button page, then a session cookie and a redirect to /admin; a second use is 403', async () => {
    const { get, post, signIn } = await boot();
    const { path, response, setCookie, cookie } = await signIn(LEAD);
    expect(response.headers.get('location')).toBe('/admin');
    expect(setCookie).toMatch(/^nv_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/admin');
    expect(setCookie).toContain(`Max-Age=${8 * 60 * 60}`);
    expect(setCookie).not.toContain('Secure');
    const home = await get('/admin', cookie);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Phòng Công chức, viên chức (chỉ xem)');
    for (const again of [await get(path), await post(path)]) {
      expect(again.status).toBe(403);
      expect(await again.text()).toContain('đăng nhập trang quản trị” để nhận liên kết mới');
    }
  });

  it('a link expires after 15 minutes', async () => {
    const { linkFor, get, post, advance } = await boot();
    const path = linkFor(ADMIN);
    advance(15 * MINUTE + 1000);
    expect((await get(path)).status).toBe(403);
    expect((await post(path)).status).toBe(403);
  });

  it('a session lasts 8 hours, then the page asks to sign in again (401)', async () => {
    const { get, signIn, advance } = await boot();
    const { cookie } = await signIn(ADMIN);
    advance(8 * 60 * MINUTE - MINUTE);
    expect((await get('/admin', cookie)).status).toBe(200);
    advance(2 * MINUTE);
    const expired = await get('/admin', cookie);
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain('phiên đăng nhập đã hết hạn');
  });

  it('without a session every /admin page is a 401 page saying how to sign in, and shows no data', async () => {
    const { get } = await boot();
    for (const path of ['/admin', '/admin/tasks', '/admin/users', '/admin/no-such-page']) {
      const response = await get(path);
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(text).toContain('“đăng nhập trang quản trị”');
      expect(text).not.toContain('Sở Nội vụ');
      expect(text).not.toContain('_csrf');
    }
    const how = await get('/admin/login');
    expect(how.status).toBe(200);
    expect(await how.text()).toContain('không dùng mật khẩu');
  });

  it('“đăng xuất mọi nơi” ends every session of the person, and needs the form token', async () => {
    const { get, post, signIn } = await boot();
    const first = await signIn(ADMIN);
    const second = await signIn(ADMIN);
    const csrf = await csrfOf(await get('/admin', first.cookie));
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const forged = await post(
      '/admin/logout-everywhere',
      { _csrf: 'x'.repeat(43) },
      { cookie: first.cookie },
    );
    expect(forged.status).toBe(403);
    expect((await get('/admin', second.cookie)).status).toBe(200);
    const out = await post('/admin/logout-everywhere', { _csrf: csrf }, { cookie: first.cookie });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('Đã đăng xuất mọi nơi');
    expect(out.headers.getSetCookie()[0]).toMatch(/^nv_session=;/);
    expect((await get('/admin', first.cookie)).status).toBe(401);
    expect((await get('/admin', second.cookie)).status).toBe(401);
  });

  it('a sign-in POST from another site is refused', async () => {
    const { linkFor, post, get } = await boot();
    const path = linkFor(ADMIN);
    expect((await post(path, {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(path, {}, { 'sec-fetch-site': 'cross-site', origin: 'null' })).status).toBe(403);
    expect((await get(path)).status).toBe(200);
  });

  it('sets the security headers on every /admin response, signed in or not', async () => {
    const { get, signIn } = await boot();
    const { cookie } = await signIn(ADMIN);
    for (const response of [
      await get('/admin', cookie),
      await get('/admin'),
      await get('/admin/login'),
      await get('/admin/assets/console.css'),
    ]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers.get(name)).toBe(value);
    }
    const css = await get('/admin/assets/console.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('behind https the cookie is Secure', async () => {
    const { signIn } = await boot({ PUBLIC_BASE_URL: 'https://bot.so.gov.vn' });
    const { setCookie } = await signIn(LEAD);
    expect(setCookie).toContain('Secure');
  });

  it('no sign-in token, session cookie or form token reaches the log', async () => {
    const { get, post, signIn, linkFor, logs } = await boot();
    const { path, cookie } = await signIn(ADMIN);
    const csrf = await csrfOf(await get('/admin', cookie));
    await get(path);
    await post(linkFor(ADMIN), {}, { origin: 'https://evil.example' });
    await post('/admin/logout-everywhere', { _csrf: 'wrong' }, { cookie });
    await post('/admin/logout-everywhere', { _csrf: csrf }, { cookie });
    const text = logs.join('\n');
    expect(text).toContain('console: signed in');
    expect(text).toContain('console: dead sign-in link (403)');
    for (const secret of [path.split('/').at(-1) ?? '', cookie.split('=')[1] ?? '', csrf]) {
      expect(secret.length).toBe(43);
      expect(text).not.toContain(secret);
    }
  });

  it('redactUrl takes sign-in tokens and form tokens out of console URLs', () => {
    expect(redactUrl(`/admin/login/${'a'.repeat(43)}`)).toBe('/admin/login/[redacted]');
    expect(redactUrl('/admin/plans/import?_csrf=secret&x=1')).toBe(
      '/admin/plans/import?_csrf=[redacted]&x=1',
    );
    expect(redactUrl('/admin/login')).toBe('/admin/login');
  });
});
