import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { waitUntil } from './wait.ts';

/**
 * The bot server as production runs it — `npm start` or `node --import tsx adapters/server.ts` — in its own
 * process group (so a test can tell whether anything of it is left), with its JSON log lines collected.
 */
export interface ServerProcess {
  /** The spawned process (npm, or node itself); its pid is also the process group's id. */
  pid: number;
  child: ChildProcess;
  /** http://127.0.0.1:<port>, from the server's start line. */
  url: string;
  port: number;
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
}

const children: ServerProcess[] = [];

/** Variables set for every child, so nothing of the developer's .env or shell changes what a test sees. */
const QUIET_ENV = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  NODE_ENV: 'development',
  ZALO_BOT_TOKEN: '',
  ZALO_WEBHOOK_URL: '',
  ZALO_WEBHOOK_SECRET: '',
  MicrosoftAppId: '',
  MicrosoftAppType: '',
  BACKUP_DIR: '',
  SCHEDULER: 'on',
};

/** The entry each way of starting runs; `pinned` is `node` on the fixed day (pinnedClockEnv). */
const ENTRIES = {
  npm: ['npm', ['start']],
  node: [process.execPath, ['--import', 'tsx', 'adapters/server.ts']],
  pinned: [process.execPath, ['--import', 'tsx', 'adapters/server.ts']],
} as const;

/** The day every date-dependent test uses, and 09:00 in Hà Nội on it. */
export const PINNED_DAY = '2026-11-22';
export const PINNED_NOW = `${PINNED_DAY}T09:00:00+07:00`;
/** The real instant that is PINNED_NOW for every process this test file starts. */
const PINNED_AT = Date.now();

/**
 * The variables that put a child process (the server, the CLI) on PINNED_NOW, all on one clock: see
 * test/support/pinned-clock.mjs.
 */
export function pinnedClockEnv(): Record<string, string> {
  const preload = pathToFileURL(join(PROJECT_ROOT, 'test/support/pinned-clock.mjs')).href;
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return { PINNED_NOW, PINNED_AT: String(PINNED_AT), NODE_OPTIONS: `${inherited}--import=${preload}` };
}

export async function spawnServer(
  how: keyof typeof ENTRIES,
  env: Record<string, string>,
  startTimeoutMs = 30_000,
): Promise<ServerProcess> {
  const [command, args] = ENTRIES[how];
  const pin = how === 'pinned' ? pinnedClockEnv() : {};
  const child = spawn(command, [...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...QUIET_ENV, ...pin, ...env },
    detached: true, // its own process group: the test checks that none of it is left
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const listeners = new Set<() => void>();
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (buffered + chunk).split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = parseLine(line);
      if (parsed) logs.push(parsed);
    }
    for (const listener of listeners) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => process.stderr.write(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const waitForLog = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 30_000) =>
    waitUntil(listeners, () => logs.some(match), timeoutMs, `server: no log line within ${timeoutMs} ms`);
  const server = { pid: child.pid ?? -1, child, url: '', port: 0, logs, exited, waitForLog };
  children.push(server);
  await waitForLog((line) => typeof line.address === 'string', startTimeoutMs);
  const address = logs.find((line) => typeof line.address === 'string')?.address as string;
  server.url = address;
  server.port = Number(new URL(address).port);
  return server;
}

function parseLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null; // npm's own "> nhiemvu@… start" lines
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Whether any process of the group is left. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** afterEach: SIGKILL whatever a test left running, and wait for it. */
export async function killAllServers(): Promise<void> {
  for (const server of children.splice(0)) {
    if (groupAlive(server.pid)) process.kill(-server.pid, 'SIGKILL');
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
}

/** True when nothing accepts connections on the port any more. */
export function portClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

export async function healthz(url: string): Promise<{ ok: boolean; role: string; instance: string }> {
  const response = await fetch(`${url}/healthz`);
  return (await response.json()) as { ok: boolean; role: string; instance: string };
}

/**
 * A pass-through in front of the fake Zalo, one per server, counting the Bot API methods it forwarded: with one
 * token for both servers, this is how a test tells which server polls and sends.
 */
export interface CountingProxy {
  baseUrl: string;
  count(method: string): number;
  close(): Promise<void>;
}

export async function countingProxy(target: string): Promise<CountingProxy> {
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const method = /\/bot[^/]+\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '';
    counts.set(method, (counts.get(method) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const abort = new AbortController();
      res.on('close', () => abort.abort()); // a poll the server gave up is given up at the fake too
      fetch(`${target}${req.url ?? ''}`, {
        method: req.method ?? 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: Buffer.concat(chunks),
        signal: abort.signal,
      })
        .then(async (upstream) => {
          res.writeHead(upstream.status, { 'content-type': 'application/json' });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // a TCP listen always yields an AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    count: (method) => counts.get(method) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
