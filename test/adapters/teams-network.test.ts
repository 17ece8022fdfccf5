import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../../adapters/app.ts';
import { parseConfig } from '../../adapters/config.ts';
import { isLoopbackAddress, isLoopbackServiceUrl } from '../../adapters/teams/loopback.ts';
import { createFakeTeamsConnector, type FakeTeamsConnector } from '../support/fake-teams.ts';
import { tempDir } from '../support/kb.ts';
import { message } from '../support/teams-activities.ts';

const run = promisify(execFile);

describe('what counts as this machine (no app id)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.254.3.9', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['198.18.0.2', false],
    ['::ffff:198.18.0.2', false],
    ['0.0.0.0', false],
    ['fe80::1', false],
    ['', false],
  ])('peer %s → %s', (address, loopback) => expect(isLoopbackAddress(address)).toBe(loopback));

  it.each([
    ['http://127.0.0.1:56150/', true],
    ['https://localhost:3978/teams/', true],
    ['http://[::1]:8080', true],
    ['http://127.1:80/', true],
    ['https://smba.trafficmanager.net/apac/', false],
    ['http://0.0.0.0:56150/', false],
    ['http://localhost.evil.example/', false],
    ['http://127.0.0.1.evil.example/', false],
    ['ftp://127.0.0.1/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
    [undefined, false],
  ])('serviceUrl %s → %s', (url, loopback) => expect(isLoopbackServiceUrl(url)).toBe(loopback));
});

/**
 * A request from another machine, over a real network: a network namespace joined to this one by a veth pair on
 * a random /30 of 198.18.0.0/15 (the benchmarking range, never routed). The server listens on 0.0.0.0; the client
 * runs inside the namespace. Root only (CI runs as root).
 */
function canUseNetns(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const tag = randomBytes(3).toString('hex');
const ns = `nhiemvu-test-${tag}`;
const hostSide = `nvh${tag}`;
const nsSide = `nvn${tag}`;
const [b1 = 0, b2 = 0, b3 = 0] = randomBytes(3);
// 198.18.0.0/15: second octet 18 or 19, then a random /30.
const prefix = `198.${18 + (b1 & 1)}.${b2}`;
const hostAddress = `${prefix}.${(b3 & 0xfc) + 1}`;
const nsAddress = `${prefix}.${(b3 & 0xfc) + 2}`;

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

describe.skipIf(!canUseNetns())('Teams endpoint without an app id, called from another machine', () => {
  let fake: FakeTeamsConnector;
  let bot: RunningBot | null = null;

  beforeAll(async () => {
    ip('netns', 'add', ns);
    ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', nsSide);
    ip('link', 'set', nsSide, 'netns', ns);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', hostSide);
    ip('link', 'set', hostSide, 'up');
    ip('-n', ns, 'addr', 'add', `${nsAddress}/30`, 'dev', nsSide);
    ip('-n', ns, 'link', 'set', nsSide, 'up');
    fake = await createFakeTeamsConnector();
  });

  afterAll(async () => {
    // Deleting the namespace deletes its end of the pair, and with it the other end.
    for (const args of [
      ['netns', 'del', ns],
      ['link', 'del', hostSide],
    ]) {
      try {
        ip(...args);
      } catch {
        // already gone
      }
    }
    await fake?.close();
  });

  afterEach(async () => {
    await bot?.stop();
    bot = null;
    fake.reset();
  });

  /** POSTs from inside the namespace; resolves with the HTTP status (async: the server runs in this process). */
  async function postFromNamespace(port: string, body: string): Promise<number> {
    const script = `fetch(process.argv[1], { method: 'POST', headers: { 'content-type': 'application/json' },
      body: process.argv[2] }).then((r) => console.log(r.status), (e) => { console.log('error', e.cause?.code); })`;
    const url = `http://${hostAddress}:${port}/api/messages`;
    const { stdout } = await run('ip', ['netns', 'exec', ns, process.execPath, '-e', script, url, body]);
    return Number(stdout.trim());
  }

  it.each(['production', 'development', 'test'])(
    'NODE_ENV=%s: refused with 403 before the body is read; nothing is posted anywhere',
    async (nodeEnv) => {
      const config = parseConfig({
        PORT: '0',
        HOST: '0.0.0.0',
        DB_PATH: join(tempDir(), 'kb.db'),
        NODE_ENV: nodeEnv,
      });
      bot = await startBot(config, { logger: pino({ level: 'silent' }) });
      const port = new URL(bot.url).port;
      const activity = JSON.stringify(message(fake.serviceUrl, 'phòng tôi chủ trì việc gì'));
      expect(await postFromNamespace(port, activity)).toBe(403);
      // Not even a malformed body is looked at.
      expect(await postFromNamespace(port, '{"type": "message",')).toBe(403);
      expect(fake.calls).toEqual([]);
      // This machine itself is still served.
      const local = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: activity,
      });
      expect(local.status).toBe(200);
      expect(fake.posted).toHaveLength(1);
    },
  );
});
