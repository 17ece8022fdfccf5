/**
 * A real Chromium for the console's end-to-end tests: Debian's `chromium` package driven by `playwright-core`
 * (pinned in package.json: Playwright does not promise to work with a browser it did not bundle, so an upgrade
 * of either is checked by these tests). Nothing is downloaded: `.ci/run` installs the package when it is missing.
 *
 * Every context records each request the page makes; one that leaves 127.0.0.1 is aborted and fails the test
 * (`assertOffline`): the console must work in an office with no outside internet.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine with no display and no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Where screenshots go (ignored by git). */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-output', 'console');

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * One headless Chromium. Each launch gets a fresh, empty profile: Playwright creates a temporary user-data dir
 * (playwright_chromiumdev_profile-*) and removes it on close (`--user-data-dir` in args is refused by design).
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return { browser, close: () => browser.close() };
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

export interface TestContext {
  context: BrowserContext;
  /** Every request any page of the context made, in order. */
  requests: RecordedRequest[];
  /** Requests to anywhere but 127.0.0.1 (aborted when made). */
  outside: RecordedRequest[];
  newPage(): Promise<Page>;
  /** Throws, naming them, when any request left 127.0.0.1. */
  assertOffline(): void;
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** A context at phone or desktop width that records every request and aborts those leaving 127.0.0.1. */
export async function newContext(tb: TestBrowser, viewport: ViewportName = 'desktop'): Promise<TestContext> {
  const context = await tb.browser.newContext({
    viewport: VIEWPORTS[viewport],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    ...(viewport === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}),
  });
  const requests: RecordedRequest[] = [];
  const outside: RecordedRequest[] = [];
  await context.route('**/*', async (route) => {
    const request = route.request();
    const recorded = { url: request.url(), method: request.method(), resourceType: request.resourceType() };
    requests.push(recorded);
    if (isLocal(recorded.url)) return route.continue();
    outside.push(recorded);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    requests,
    outside,
    newPage: () => context.newPage(),
    assertOffline() {
      if (outside.length > 0)
        throw new Error(`requests left 127.0.0.1: ${outside.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    },
    async close() {
      await context.close();
    },
  };
}

/** Saves a full-page PNG as test-output/console/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
