/**
 * Every console page in a real Chromium at phone and desktop width: it answers 200 with its heading, nothing
 * overflows the phone's width, no request leaves 127.0.0.1, and a screenshot of it is saved as test output
 * (test-output/console/<page>-<width>.png; the README's are copied from there).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type TestContext, VIEWPORTS, type ViewportName } from '../../support/browser.ts';
import { signedInPage, useConsoleServer, visibleText } from './console-server.ts';

const { fixture, lastingContext } = useConsoleServer();
/** One signed-in page per width, shared by every test: the last test checks all their requests together. */
const sessions = new Map<ViewportName, { ctx: TestContext; page: Page }>();

beforeAll(async () => {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const ctx = await lastingContext(viewport);
    const page = await signedInPage(ctx.context, await fixture.loginLink('admin'));
    sessions.set(viewport, { ctx, page });
  }
}, 120_000);

const PAGES = [
  { name: 'dashboard', path: '/admin', heading: 'Tổng quan' },
  { name: 'tasks', path: '/admin/tasks', heading: 'Nhiệm vụ' },
  { name: 'plans', path: '/admin/plans', heading: 'Kế hoạch' },
  { name: 'users', path: '/admin/users', heading: 'Người dùng' },
  { name: 'reports', path: '/admin/reports', heading: 'Báo cáo' },
] as const;

function session(viewport: ViewportName): { ctx: TestContext; page: Page } {
  const found = sessions.get(viewport);
  if (!found) throw new Error(`no ${viewport} session`);
  return found;
}

/** Nothing wider than the window: no sideways scrolling of the whole page on a phone. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth + 1);
}

describe('every console page, phone and desktop', { timeout: 180_000 }, () => {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    for (const { name, path, heading } of PAGES) {
      it(`${name} at ${viewport} width`, async () => {
        const { page } = session(viewport);
        const response = await page.goto(`${fixture.url}${path}`);
        expect(response?.status()).toBe(200);
        expect(await visibleText(page.getByRole('heading', { level: 1 }).first())).toContain(heading);
        await expect(
          page.getByRole('link', { name: heading, exact: true }).getAttribute('aria-current'),
        ).resolves.toBe('page');
        if (viewport === 'phone') await expectNoHorizontalScroll(page);
        await screenshot(page, `${name}-${viewport}`);
      });
    }

    it(`a task's page at ${viewport} width`, async () => {
      const { page } = session(viewport);
      await page.goto(`${fixture.url}/admin/tasks`);
      const link = page.locator('main a[href^="/admin/tasks/view"]').first();
      const href = await link.getAttribute('href');
      expect(href).toBeTruthy();
      const response = await page.goto(`${fixture.url}${href}`);
      expect(response?.status()).toBe(200);
      // The task's page shows its content and its lead unit, and a form to report on its behalf.
      const main = await visibleText(page.locator('main'));
      expect(main.length).toBeGreaterThan(50);
      if (viewport === 'phone') await expectNoHorizontalScroll(page);
      await screenshot(page, `task-${viewport}`);
    });
  }

  it('no page asked anything of a machine other than 127.0.0.1', () => {
    for (const { ctx } of sessions.values()) {
      expect(ctx.requests.length).toBeGreaterThan(0);
      expect(ctx.outside).toEqual([]);
      ctx.assertOffline();
    }
    // The stylesheet came from the bot itself.
    const all = [...sessions.values()].flatMap(({ ctx }) => ctx.requests);
    expect(all.some((r) => r.resourceType === 'stylesheet' && r.url.startsWith(fixture.url))).toBe(true);
    expect(all.some((r) => r.resourceType === 'script')).toBe(false);
  });
});
