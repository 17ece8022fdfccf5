/**
 * One real bot server, one Agents Playground and one headless Chromium for a test file: the server is `npm start`'s
 * entry on the fixed day 2026-11-22 (test/support/pinned-clock.mjs) over a temporary database filled with
 * `cli import data/plans`, Teams authentication off (no MicrosoftAppId: loopback only, which the Playground is);
 * the Playground points at its /api/messages.
 *
 * What the page must show is computed by the chat core itself, through `cli ask --jsonl` on the same database and
 * the same clock, for a person of the same unit (`core`): the tests check how Teams renders it, not what the core
 * answers.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../../src/paths.ts';
import { CLI, runCli, TSX } from '../../cli/run-cli.ts';
import { launchBrowser, newContext, type TestBrowser, type TestContext } from '../../support/browser.ts';
import {
  type Playground,
  type PlaygroundPeople,
  playgroundConfig,
  startPlayground,
} from '../../support/playground.ts';
import {
  killAllServers,
  pinnedClockEnv,
  type ServerProcess,
  spawnServer,
} from '../../support/server-process.ts';
import { PlaygroundPage } from './playground-page.ts';

export const ORG = 'Sở Nội vụ';
export const UNIT = 'Phòng Công chức, viên chức';
export const REGISTRATION = `tôi thuộc ${UNIT}, ${ORG}`;

/** The mock tenant, in Vietnamese, so the screenshots look like the office that uses the bot. */
export const PEOPLE: PlaygroundPeople = {
  botName: 'Trợ lý nhiệm vụ',
  user: { name: 'Nguyễn Thị Lan', givenName: 'Lan', surname: 'Nguyễn' },
  others: ['Trần Văn Minh', 'Lê Thị Hoa', 'Phạm Quốc Huy', 'Đỗ Thu Trang', 'Vũ Đức Anh'],
  groupChatName: 'Tổ công tác CCHC',
  teamName: ORG,
  channels: ['Thông báo'],
};
export const GENERAL_CHANNEL = `${PEOPLE.teamName} - General`;

/** Where the screenshots go (ignored by git); scripts/teams-screenshots.ts copies some to docs/. */
export const TEAMS_SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-output', 'teams');

/**
 * The only host the Playground's page asks for besides its own: Microsoft's CDN, for Segoe UI fonts and a
 * "flair" animation worklet. Those requests are aborted; the page works without them (system fonts).
 */
export const PLAYGROUND_CDN = 'res-1.cdn.office.net';

/** The fields of `ask --json` the tests read. */
export interface CoreAnswer {
  intent: string;
  reply: string;
  tasks: {
    id: string;
    section: { code: string } | null;
    stt: string;
    lead: { name: string }[];
    coordinate: { name: string }[];
    deadline: { raw: string };
    product: string | null;
  }[];
}

export interface TeamsFixture {
  server: ServerProcess;
  playground: Playground;
  browser: TestBrowser;
  context: TestContext;
  page: Page;
  chat: PlaygroundPage;
  /** The core's answer to each question given to startTeamsFixture, for a person of UNIT, by question. */
  core: Record<string, CoreAnswer>;
  stop(): Promise<void>;
}

/** `ask --jsonl`: one process for all questions (each tsx start costs seconds on a 2-core machine). */
function askCore(dbPath: string, questions: string[]): Promise<Record<string, CoreAnswer>> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, 'ask', '--jsonl', '--db', dbPath], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...pinnedClockEnv() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`ask --jsonl exited ${code}: ${err}`));
      const answers = out
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as CoreAnswer);
      const odd = answers.find((a) => typeof a.reply !== 'string');
      if (odd || answers.length !== questions.length)
        return reject(
          new Error(`ask --jsonl answered ${answers.length} of ${questions.length}: ${out.slice(0, 2000)}`),
        );
      resolve(Object.fromEntries(questions.map((q, i) => [q, answers[i] as CoreAnswer])));
    });
    const lines = questions.map((text) =>
      JSON.stringify({ user: 'e2e-expected', org: ORG, unit: UNIT, text }),
    );
    child.stdin.end(lines.join('\n'));
  });
}

export async function startTeamsFixture(questions: string[]): Promise<TeamsFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-teams-e2e-'));
  // Whatever was started, stopped in reverse order, also when a later start fails.
  const stops: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const dbPath = join(dir, 'kb.db');
    const imported = await runCli(['import', 'data/plans'], {
      env: { ...pinnedClockEnv(), DB_PATH: dbPath },
    });
    if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr || imported.stdout}`);
    // The core's answers before the server starts: the server writes at start, the CLI would meet SQLITE_BUSY.
    const browserStarted = launchBrowser();
    stops.push(async () => (await browserStarted).close());
    const core = await askCore(dbPath, questions);
    const browser = await browserStarted;
    stops.push(killAllServers);
    const server = await spawnServer('pinned', { DB_PATH: dbPath, SCHEDULER: 'off' }, 60_000);
    const playground = await startPlayground({
      botEndpoint: `${server.url}/api/messages`,
      config: playgroundConfig(PEOPLE),
    });
    stops.push(() => playground.close());
    const context = await newContext(browser, 'desktop');
    stops.push(() => context.close());
    const page = await context.newPage();
    // Taller than the console's desktop: a task list card fits on one screenshot.
    await page.setViewportSize({ width: 1280, height: 1000 });
    return {
      server,
      playground,
      browser,
      context,
      page,
      chat: new PlaygroundPage(page, PEOPLE.botName),
      core,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Saves what the browser window shows as test-output/teams/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(TEAMS_SCREENSHOT_DIR, { recursive: true });
  const path = join(TEAMS_SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Nothing left this machine: the page asked only the Playground (127.0.0.1) and, for fonts, Microsoft's CDN, which
 * was refused; the Playground itself tried no outside connection (its guard refuses and names them).
 */
export function expectStayedLocal(fixture: TeamsFixture): void {
  const elsewhere = fixture.context.outside.filter((r) => new URL(r.url).hostname !== PLAYGROUND_CDN);
  expect(elsewhere.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(fixture.playground.refusedConnections(), fixture.playground.output()).toEqual([]);
  // Every request that was let through went to the Playground, on 127.0.0.1.
  const through = fixture.context.requests.filter((r) => !fixture.context.outside.includes(r));
  for (const r of through)
    if (r.url.startsWith('http')) expect(new URL(r.url).host).toBe(new URL(fixture.playground.url).host);
}

/** The number of a core task as the bot prints it: section code and item number ("III.8"). */
export function numberOf(task: CoreAnswer['tasks'][number]): string {
  return task.section ? `${task.section.code}.${task.stt}` : task.stt;
}
