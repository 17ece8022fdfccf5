/**
 * Signing in to the console in a real Chromium against the real server: the one-time link from `admin-link`
 * works once; without a session no page shows data; staff are refused; "Đăng xuất mọi nơi" ends every session.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../../support/browser.ts';
import { SIGN_IN_BUTTON, signedInPage, signIn, useConsoleServer, visibleText } from './console-server.ts';

const { fixture, context } = useConsoleServer();

/** Texts only a signed-in page shows: task contents of the shipped plans and the console's navigation. */
const DATA_TEXTS = [
  'Ban hành Kế hoạch CCHC của Sở năm 2026',
  'Đăng xuất mọi nơi',
  'Phòng Công chức, viên chức',
];

async function expectNoData(page: Page): Promise<void> {
  const body = await visibleText(page.locator('body'));
  for (const text of DATA_TEXTS) expect(body).not.toContain(text);
}

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

describe('console sign-in', { timeout: 180_000 }, () => {
  it('without a session, no console page shows data: 401 and a Vietnamese explanation', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    for (const path of ['/admin', '/admin/tasks', '/admin/plans', '/admin/users', '/admin/reports']) {
      const response = await page.goto(`${fixture.url}${path}`);
      expect(response?.status(), path).toBe(401);
      await expectNoData(page);
      expect(await visibleText(page.locator('body'))).toMatch(VIETNAMESE);
    }
    await page.goto(`${fixture.url}/admin`);
    await screenshot(page, 'unauthorized-desktop');
  });

  it('the one-time link signs an admin in, and works only once', async () => {
    const link = await fixture.loginLink('admin');
    // Opening the link (as a chat app's link preview does) only shows the button: it spends nothing.
    const preview = await context();
    const peek = await preview.newPage();
    expect((await peek.goto(link))?.status()).toBe(200);
    await expect(peek.getByRole('button', { name: SIGN_IN_BUTTON }).isVisible()).resolves.toBe(true);
    await expectNoData(peek);
    await screenshot(peek, 'sign-in-desktop');

    const first = await context();
    const page = await first.newPage();
    const response = await signIn(page, link);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Đăng xuất mọi nơi' }).isVisible()).resolves.toBe(true);
    expect(page.url()).not.toContain('/admin/login/');

    // The same link again, in another browser or in the first one: the Vietnamese "link is used" page, 403.
    const second = await context('phone');
    const again = await second.newPage();
    const refused = await again.goto(link);
    expect(refused?.status()).toBe(403);
    expect(await visibleText(again.locator('body'))).toContain('Liên kết đăng nhập không còn dùng được');
    await expect(again.getByRole('button', { name: SIGN_IN_BUTTON }).count()).resolves.toBe(0);
    await expectNoData(again);
    await screenshot(again, 'link-used-phone');
    expect((await again.goto(`${fixture.url}/admin`))?.status()).toBe(401);
    // Even the button's POST, replayed, opens nothing.
    const replay = await second.context.request.post(link, { maxRedirects: 0 });
    expect(replay.status()).toBe(403);
    expect((await again.goto(`${fixture.url}/admin`))?.status()).toBe(401);

    // The first browser's session still works.
    expect((await page.goto(`${fixture.url}/admin`))?.status()).toBe(200);
  });

  it('a made-up token signs nobody in', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const response = await page.goto(`${fixture.url}/admin/login/not-a-real-token-0123456789`);
    expect(response?.status()).toBeGreaterThanOrEqual(400);
    expect((await page.goto(`${fixture.url}/admin`))?.status()).toBe(401);
  });

  it('staff get no link, and a link or session of someone lowered to staff meets a 403 page in Vietnamese', async () => {
    const id = String(fixture.ids.staff);
    const refused = await fixture.cli(['admin-link', '--user', id]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).not.toContain('/admin/login/');
    expect(refused.stderr).toMatch(VIETNAMESE);

    // A lead signed in, made staff: the next click is refused.
    expect((await fixture.cli(['users', 'set-role', id, 'lead'])).code).toBe(0);
    const desktop = await context();
    const signedIn = await signedInPage(desktop.context, await fixture.loginLink('staff'));
    expect(new URL(signedIn.url()).pathname).toBe('/admin');
    expect((await fixture.cli(['users', 'set-role', id, 'staff'])).code).toBe(0);
    expect((await signedIn.goto(`${fixture.url}/admin/tasks`))?.status()).toBe(403);
    await expectNoData(signedIn);
    await screenshot(signedIn, 'forbidden-desktop');

    // A lead's link, opened after they were made staff again.
    expect((await fixture.cli(['users', 'set-role', id, 'lead'])).code).toBe(0);
    const link = await fixture.loginLink('staff');
    expect((await fixture.cli(['users', 'set-role', id, 'staff'])).code).toBe(0);
    const ctx = await context('phone');
    const page = await ctx.newPage();
    const response = await signIn(page, link);
    expect(response?.status()).toBe(403);
    expect(await visibleText(page.locator('body'))).toContain('Trang quản trị chỉ dành cho trưởng đơn vị');
    await expectNoData(page);
    await screenshot(page, 'forbidden-phone');
    expect([401, 403]).toContain((await page.goto(`${fixture.url}/admin`))?.status());
    await expectNoData(page);
  });

  it('the link the bot sends in chat for "đăng nhập trang quản trị" signs in', async () => {
    const [answer] = await fixture.ask([{ user: 'e2e-admin', text: 'đăng nhập trang quản trị' }]);
    const path = /\/admin\/login\/[^\s"'<>]+/.exec(String(answer?.reply))?.[0];
    expect(path, JSON.stringify(answer)).toBeDefined();
    const ctx = await context();
    const page = await ctx.newPage();
    await signIn(page, `${fixture.url}${path}`);
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 }).isVisible()).resolves.toBe(true);
  });

  it('a lead signs in to their own unit, read-only', async () => {
    const ctx = await context();
    const page = await signedInPage(ctx.context, await fixture.loginLink('lead'));
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await visibleText(page.locator('header'))).toContain('(chỉ xem)');
  });

  it('pages carry the security headers: a CSP with no script, no framing, no sniffing', async () => {
    const ctx = await context();
    const page = await signedInPage(ctx.context, await fixture.loginLink('admin'));
    const response = await page.goto(`${fixture.url}/admin`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy'] ?? '').toMatch(/frame-ancestors 'none'/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const cookies = await ctx.context.cookies(`${fixture.url}/admin`);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Strict');
    }
    // A POST without the session's form token (another site's form, a script) changes nothing: 403.
    const forged = await ctx.context.request.post(`${fixture.url}/admin/logout-everywhere`, {
      form: { x: '1' },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Biểu mẫu không hợp lệ');
    expect((await page.goto(`${fixture.url}/admin`))?.status()).toBe(200);
  });

  it('"Đăng xuất mọi nơi" ends every session of that person', async () => {
    const a = await context();
    const b = await context('phone');
    const pageA = await signedInPage(a.context, await fixture.loginLink('admin'));
    const pageB = await signedInPage(b.context, await fixture.loginLink('admin'));
    expect((await pageB.goto(`${fixture.url}/admin`))?.status()).toBe(200);
    await pageA.getByRole('button', { name: 'Đăng xuất mọi nơi' }).click();
    await pageA.waitForLoadState();
    expect((await pageA.goto(`${fixture.url}/admin`))?.status()).toBe(401);
    expect((await pageB.goto(`${fixture.url}/admin`))?.status()).toBe(401);
  });
});
