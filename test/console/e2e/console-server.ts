/**
 * The real server for the console's browser tests, on a database prepared only through the CLI, as an operator
 * would: `import data/plans`, people registered and given roles through `ask` (the chat core), one left waiting
 * for approval, a few progress reports, then `npm start`'s own command on 127.0.0.1. Sign-in links come from
 * `admin-link --user <id>`.
 *
 * The server and every CLI run live on the fixed day 2026-11-22, on one clock (test/support/pinned-clock.mjs), so
 * the numbers a test compares are the CLI's for the server's day; `today()` is that day.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { PROJECT_ROOT } from '../../../src/paths.ts';
import { CLI, TSX } from '../../cli/run-cli.ts';
import {
  launchBrowser,
  newContext,
  type TestBrowser,
  type TestContext,
  type ViewportName,
} from '../../support/browser.ts';
import {
  killAllServers,
  PINNED_DAY,
  pinnedClockEnv,
  type ServerProcess,
  spawnServer,
} from '../../support/server-process.ts';

const run = promisify(execFile);

export const ORG = 'Sở Nội vụ';
/** Chat user keys (channel `cli`) of the people of the fixture. */
export const PEOPLE = {
  admin: { user: 'e2e-admin', org: ORG, unit: 'Văn phòng Sở', role: 'admin' },
  lead: { user: 'e2e-lead', org: ORG, unit: 'Phòng Tổ chức, biên chế và Cải cách hành chính', role: 'lead' },
  staff: { user: 'e2e-staff', org: ORG, unit: 'Văn phòng Sở', role: 'staff' },
} as const;
/** Registered in chat, not approved: the users page approves them. */
export const PENDING = { user: 'e2e-lan', registration: 'tôi thuộc Văn phòng Sở, Sở Nội vụ' } as const;

export interface ConsoleFixture {
  server: ServerProcess;
  url: string;
  dir: string;
  dbPath: string;
  /** Database ids of the people, by fixture name (and `pending`). */
  ids: Record<keyof typeof PEOPLE | 'pending', number>;
  /** The CLI on the fixture's database. */
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Chat messages through `ask --jsonl`, answered in order; each answer is `ask --json`'s object. */
  ask(lines: Record<string, unknown>[]): Promise<Record<string, unknown>[]>;
  /** A fresh one-time sign-in link for a person, on the test server's address. */
  loginLink(who: keyof ConsoleFixture['ids']): Promise<string>;
  exportJson(): Promise<ExportJson>;
  stop(): Promise<void>;
}

export interface ExportJson {
  plans: { id: string; issuer: string; year: number; title: string }[];
  tasks: {
    id: string;
    planId: string;
    isHeading: boolean;
    content: string;
    lead: { name: string; unitId: number | null; collective: boolean }[];
    deadline: { raw: string; due: string | null; kind: string };
  }[];
  units: { id: number; name: string; kind: string; parentId: number | null; org: number | null }[];
}

/** The server's and the CLI's day, as YYYY-MM-DD. */
export function today(): string {
  return PINNED_DAY;
}

async function cliOn(dbPath: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...pinnedClockEnv(), DB_PATH: dbPath },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function askLines(dbPath: string, lines: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, 'ask', '--jsonl', '--db', dbPath], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...pinnedClockEnv() },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`ask --jsonl exited ${code}`));
      resolve(
        out
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
    });
    child.stdin.end(lines.map((line) => JSON.stringify(line)).join('\n'));
  });
}

function must<T extends { code: number; stdout: string; stderr: string }>(what: string, result: T): T {
  if (result.code !== 0)
    throw new Error(`${what} failed (${result.code}): ${result.stderr || result.stdout}`);
  return result;
}

/** Reports made in chat before the server starts, so the dashboard and the report have something to count. */
const SEED_REPORTS = [
  { ...PEOPLE.admin, text: 'báo cáo nhiệm vụ III.8 đạt 50%' },
  { ...PEOPLE.lead, text: 'báo cáo nhiệm vụ I.2 đã hoàn thành' },
];

/** `serverEnv`: more variables for the server (a fake Zalo's, say). */
export async function startConsoleServer(serverEnv: Record<string, string> = {}): Promise<ConsoleFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-console-e2e-'));
  const dbPath = join(dir, 'kb.db');
  must('import', await cliOn(dbPath, ['import', 'data/plans']));
  const answers = await askLines(dbPath, [
    ...Object.values(PEOPLE).map((p) => ({ ...p, text: 'xin chào' })),
    { user: PENDING.user, text: PENDING.registration },
    ...SEED_REPORTS.map(({ user, text }) => ({ user, text })),
  ]);
  const failed = answers.find((a) => 'error' in a);
  if (failed) throw new Error(`ask: ${JSON.stringify(failed)}`);
  const list = must('users list', await cliOn(dbPath, ['users', 'list', '--db', dbPath])).stdout;
  const idOf = (key: string) => {
    const row = list.split('\n').find((line) => line.split('\t')[1] === `cli:${key}`);
    if (!row) throw new Error(`no user cli:${key} in\n${list}`);
    return Number(row.split('\t')[0]);
  };
  const ids = {
    admin: idOf(PEOPLE.admin.user),
    lead: idOf(PEOPLE.lead.user),
    staff: idOf(PEOPLE.staff.user),
    pending: idOf(PENDING.user),
  };
  const server = await spawnServer('pinned', { DB_PATH: dbPath, SCHEDULER: 'off', ...serverEnv }, 60_000);
  const url = server.url;
  const fixture: ConsoleFixture = {
    server,
    url,
    dir,
    dbPath,
    ids,
    cli: (args) => cliOn(dbPath, args),
    ask: (lines) => askLines(dbPath, lines),
    async loginLink(who) {
      const out = must('admin-link', await cliOn(dbPath, ['admin-link', '--user', String(ids[who])])).stdout;
      const path = /\/admin\/login\/[^\s"'<>]+/.exec(out)?.[0];
      if (!path) throw new Error(`admin-link printed no /admin/login/<token> link: ${out}`);
      return `${url}${path}`;
    },
    async exportJson() {
      return JSON.parse(must('export', await cliOn(dbPath, ['export', '--json'])).stdout) as ExportJson;
    },
    async stop() {
      await killAllServers();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** The sign-in page's button: the link's GET only shows it (a chat app's link preview must not spend the link). */
export const SIGN_IN_BUTTON = 'Vào trang quản trị';

/**
 * Opens a sign-in link as a person does: the page, then its button. Resolves on the response to the button's POST
 * after redirects (the dashboard when it worked, the refusal page otherwise), or on the GET's when it shows no button.
 */
export async function signIn(page: Page, link: string): Promise<Response | null> {
  const opened = await page.goto(link);
  const button = page.getByRole('button', { name: SIGN_IN_BUTTON });
  if ((await button.count()) === 0) return opened;
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  return response;
}

/**
 * Signs a browser context in for a test about another page: the link's button is posted by the context's own
 * request client (same cookie jar, so the session cookie lands in the browser), then the page opens /admin.
 * sign-in.test.ts covers the button clicked in the page itself.
 */
export async function signedInPage(context: BrowserContext, link: string): Promise<Page> {
  const posted = await context.request.post(link, { maxRedirects: 0 });
  if (posted.status() !== 303)
    throw new Error(`sign-in POST answered ${posted.status()}: ${await posted.text()}`);
  const page = await context.newPage();
  const response = await page.goto(new URL('/admin', link).href);
  if (response?.status() !== 200) throw new Error(`/admin answered ${response?.status()} after signing in`);
  return page;
}

/** The text a person sees in an element, as the browser renders it (line breaks, no hidden text). */
export function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
  return locator.innerText();
}

export interface ConsoleE2e {
  /** The file's server, usable in tests and in hooks registered after `useConsoleServer` (they run after its own). */
  fixture: ConsoleFixture;
  /** A fresh context, closed after the test; the test fails if any of its pages asked beyond 127.0.0.1. */
  context(viewport?: ViewportName): Promise<TestContext>;
  /** A fresh context (closed after the test) signed in as `who`, its page on /admin. */
  signedIn(who?: keyof ConsoleFixture['ids'], viewport?: ViewportName): Promise<Page>;
  /** A context kept until the file's end, for tests that share a page; closed before the browser. */
  lastingContext(viewport: ViewportName): Promise<TestContext>;
}

/**
 * One server and one Chromium for a test file, started in its beforeAll and stopped in its afterAll (starting them
 * is most of an e2e file's time, so tests share them). `serverEnv` is asked in the beforeAll, so a fake service
 * the server talks to can be started there first.
 */
export function useConsoleServer(
  options: { serverEnv?: () => Promise<Record<string, string>> } = {},
): ConsoleE2e {
  let started: ConsoleFixture | undefined;
  let browser: TestBrowser | undefined;
  const perTest: TestContext[] = [];
  const lasting: TestContext[] = [];
  const running = () => {
    if (!started || !browser) throw new Error('the console server is not started (outside a test?)');
    return { fixture: started, browser };
  };

  beforeAll(async () => {
    const env = (await options.serverEnv?.()) ?? {};
    [started, browser] = await Promise.all([startConsoleServer(env), launchBrowser()]);
  }, 120_000);

  afterAll(async () => {
    for (const ctx of lasting.splice(0)) await ctx.close();
    await browser?.close();
    await started?.stop();
  });

  afterEach(async () => {
    for (const ctx of perTest.splice(0)) {
      await ctx.close();
      ctx.assertOffline(); // no test's page asked anything of the outside world
    }
  });

  // The fixture is read when a test runs, not when the file is loaded: a view that forwards to the running one.
  const fixture = new Proxy({} as ConsoleFixture, {
    get: (_target, key) => Reflect.get(running().fixture, key),
  });
  const context = async (viewport: ViewportName = 'desktop') => {
    const ctx = await newContext(running().browser, viewport);
    perTest.push(ctx);
    return ctx;
  };
  return {
    fixture,
    context,
    async signedIn(who = 'admin', viewport = 'desktop') {
      const ctx = await context(viewport);
      const page = await signedInPage(ctx.context, await fixture.loginLink(who));
      expect(new URL(page.url()).pathname).toBe('/admin');
      return page;
    },
    async lastingContext(viewport) {
      const ctx = await newContext(running().browser, viewport);
      lasting.push(ctx);
      return ctx;
    },
  };
}
