/**
 * Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`, pinned in package.json): Microsoft's own
 * local Teams client, a web page plus a mock Bot Connector, run as a child process for the Teams end-to-end tests.
 *
 * What its bundle (dist/index.js of 0.2.28) honours, and how it is started here:
 * - `--disable-telemetry` stops its events, but it still starts Application Insights, whose "statsbeat" calls
 *   Azure (169.254.169.254, *.in.applicationinsights.azure.com): APPLICATION_INSIGHTS_NO_STATSBEAT=true stops that.
 * - It opens a system browser unless TEAMSAPPTESTER_BROWSER=none.
 * - It listens with `server.listen(port)` (every interface) and has no host option: a preload (`--import`) binds
 *   every listen without a host to 127.0.0.1, and refuses any outgoing connection that is not to this machine,
 *   naming it on stderr (`refusedConnections()`), so a test can assert the Playground stayed offline.
 * - It writes ./devTools/*.log and reads ./.m365agentsplayground.yml: it runs in a temporary directory, with the
 *   log and config paths (M365_AGENTS_PLAYGROUND_LOGFILE, _CONFIG_PATH) pointing there.
 * - `--service-url` pins the serviceUrl of its activities to 127.0.0.1 (its default says `localhost`).
 *
 * How its web page drives the conversation kinds (read from its client bundle and DOM, see test/teams/e2e):
 * opening the page installs the bot in the personal chat (installationUpdate + conversationUpdate); the tree on the
 * left has "Personal Chat", the group chat (conversationType groupChat) and the team's channels (channel), each
 * installed on first opening. Typing "@" in a composer opens a menu of the members; choosing the bot sends
 * `<at>Name</at>` in the text with a mention entity. In a channel, "Start a new post" + "Post" starts a thread
 * (`<channel>;messageid=<id>`); the bot's reply lands in that post's thread.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.ts';

export const PLAYGROUND_CLI = join(PROJECT_ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');

/** What the guard writes on stderr for each outgoing connection it refused. */
const REFUSED_MARK = '[loopback-guard] refused';

/**
 * Loaded with `node --import` before the Playground: listens go to 127.0.0.1 unless a host is given, and
 * connections leave this machine never (an error is raised on the socket, as a refused connection would).
 */
export const LOOPBACK_GUARD = `
import net from 'node:net';
const local = (host) => host == null || host === '' || host === 'localhost' || host === '::1' ||
  host.startsWith('127.') || host.startsWith('::ffff:127.');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  else if (typeof args[0] === 'object' && args[0] !== null && args[0].port !== undefined && !args[0].host)
    args[0] = { ...args[0], host: '127.0.0.1' };
  return listen.apply(this, args);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first
    : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  // A pipe has a path and no port (an HTTP request's options carry its URL path too, with a port).
  const pipe = typeof options.path === 'string' && options.port == null;
  if (!pipe && !local(options.host)) {
    process.stderr.write('${REFUSED_MARK} ' + options.host + ':' + options.port + '\\n');
    const error = Object.assign(new Error('loopback only: ' + options.host), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
`;

/** The mock tenant: the names a person sees in the Playground (its config file, version 0.1.1). */
export interface PlaygroundPeople {
  botName: string;
  user: { name: string; givenName: string; surname: string };
  others: string[];
  groupChatName: string;
  teamName: string;
  /** Channels besides the team's General. */
  channels: string[];
}

/** The ids the Playground's default config uses; kept, so only the names differ from a stock Playground. */
export const PLAYGROUND_IDS = {
  tenant: '00000000-0000-0000-0000-0000000000001',
  bot: '00000000-0000-0000-0000-00000000000011',
  user: 'user-id-0',
  userAad: '00000000-0000-0000-0000-0000000000020',
} as const;

/** `.m365agentsplayground.yml`; JSON strings are valid YAML scalars, so names need no escaping of their own. */
export function playgroundConfig(people: PlaygroundPeople): string {
  const q = (text: string) => JSON.stringify(text);
  const person = (id: string, aad: string, name: string, given: string, surname: string, mail: string) => [
    `id: ${id}`,
    `name: ${q(name)}`,
    `userPrincipleName: ${mail}`,
    `aadObjectId: ${aad}`,
    `givenName: ${q(given)}`,
    `surname: ${q(surname)}`,
    `email: ${mail}`,
  ];
  const { user } = people;
  const me = person(
    PLAYGROUND_IDS.user,
    PLAYGROUND_IDS.userAad,
    user.name,
    user.givenName,
    user.surname,
    'me@example.com',
  );
  const others = people.others.map((name, i) => {
    const words = name.split(' ');
    const fields = person(
      `user-id-${i + 1}`,
      `00000000-0000-0000-0000-00000000000${21 + i}`,
      name,
      words.at(-1) ?? name,
      words[0] ?? name,
      `user${i + 1}@example.com`,
    );
    return fields.map((line, j) => (j === 0 ? `  - ${line}` : `    ${line}`)).join('\n');
  });
  return [
    'version: "0.1.1"',
    `tenantId: ${PLAYGROUND_IDS.tenant}`,
    'bot:',
    `  id: ${PLAYGROUND_IDS.bot}`,
    `  name: ${q(people.botName)}`,
    'currentUser:',
    ...me.map((line) => `  ${line}`),
    'users:',
    ...others,
    'personalChat:',
    `  id: personal-chat-id`,
    'groupChat:',
    '  id: group-chat-id',
    `  name: ${q(people.groupChatName)}`,
    'team:',
    '  id: team-id',
    `  name: ${q(people.teamName)}`,
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    ...people.channels.flatMap((name, i) => [`    - id: channel-${i + 1}-id`, `      name: ${q(name)}`]),
    '',
  ].join('\n');
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Contents of .m365agentsplayground.yml; the Playground's built-in mock tenant when absent. */
  config?: string;
  startTimeoutMs?: number;
}

export interface Playground {
  /** http://127.0.0.1:<port>: the web page, and the mock connector under /_connector. */
  url: string;
  port: number;
  pid: number;
  /** Its stdout and stderr so far, for failure messages. */
  output(): string;
  /** host:port of each outgoing connection the guard refused (none expected). */
  refusedConnections(): string[];
  close(): Promise<void>;
}

/** A port nothing listens on now (the Playground takes a port number, not 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-playground-'));
  const configPath = join(dir, '.m365agentsplayground.yml');
  if (options.config !== undefined) writeFileSync(configPath, options.config);
  // Its console.* go to this file, not to stdout: a config it refuses is explained only there.
  const logPath = join(dir, 'playground.log');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    `--import=data:text/javascript,${encodeURIComponent(LOOPBACK_GUARD)}`,
    PLAYGROUND_CLI,
    '--disable-telemetry',
    '-c',
    'msteams',
    '-e',
    options.botEndpoint,
    '-p',
    String(port),
    '--service-url',
    `${url}/_connector`,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: dir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      M365_AGENTS_PLAYGROUND_LOGFILE: logPath,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_RECORDING_FILE: join(dir, 'events.json'),
      // Variables it would read instead of the flags: none of the developer's may leak in.
      BOT_ENDPOINT: options.botEndpoint,
      TEAMSAPPTESTER_PORT: String(port),
      M365_AGENTS_PLAYGROUND_SERVICE_URL: `${url}/_connector`,
      NODE_OPTIONS: '',
    },
    detached: true, // its own process group: close() ends it and anything it started
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: string) => {
    output = (output + chunk).slice(-200_000);
  };
  let log = '';
  const readLog = () => {
    if (existsSync(logPath)) log = readFileSync(logPath, 'utf8').slice(-200_000);
    return log;
  };
  child.stdout?.setEncoding('utf8').on('data', append);
  child.stderr?.setEncoding('utf8').on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid ?? -1;
  const playground: Playground = {
    url,
    port,
    pid,
    output: () => `${output}\n--- playground.log ---\n${readLog()}`,
    refusedConnections: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith(REFUSED_MARK))
        .map((line) => line.slice(REFUSED_MARK.length).trim()),
    async close() {
      if (pid > 0 && groupAlive(pid)) {
        process.kill(-pid, 'SIGTERM');
        const gone = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
        if (!gone && groupAlive(pid)) process.kill(-pid, 'SIGKILL');
        await Promise.race([exited, sleep(5_000)]);
      }
      readLog();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitReady(playground, child, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await playground.close();
    throw error;
  }
  return playground;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ready once it printed "Listening on <port>" and its page answers. */
async function waitReady(playground: Playground, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `Agents Playground exited (${child.exitCode ?? child.signalCode}):\n${playground.output()}`,
      );
    if (playground.output().includes(`Listening on ${playground.port}`)) {
      const response = await fetch(`${playground.url}/`).catch(() => null);
      if (response?.ok) return;
    }
    await sleep(200);
  }
  throw new Error(`Agents Playground not ready within ${timeoutMs} ms:\n${playground.output()}`);
}
