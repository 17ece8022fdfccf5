/**
 * Runs bench/webhook-server.ts (the real bot server) in a child process, so the load generator and the fake Zalo
 * API do not share its event loop: on a 2-core machine the bot gets one core, the benchmark the other.
 * The child runs under the same TypeScript loader as this process (tsx), optionally with --cpu-prof.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The benchmark's fixed "now" (an ISO date), passed beside the bot's own variables. */
export const NOW_VARIABLE = 'WEBHOOK_BENCH_NOW';

export type ServerMessage =
  | { kind: 'ready'; url: string }
  | { kind: 'usage'; cpuMs: number }
  | { kind: 'stopped' }
  | { kind: 'failed'; error: string };

export interface BotProcess {
  url: string;
  /** CPU time (user + system) the bot process has used so far. */
  cpuMs(): Promise<number>;
  /** Graceful stop (every update in hand answered), then waits for the process to exit. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a power cut would: nothing is finished. Resolves once the process is gone. */
  kill(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('webhook-server.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;

function isServerMessage(value: unknown): value is ServerMessage {
  return typeof value === 'object' && value !== null && 'kind' in value && typeof value.kind === 'string';
}

function nextMessage<K extends ServerMessage['kind']>(
  child: ChildProcess,
  kind: K,
  timeoutMs: number,
): Promise<Extract<ServerMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, message?: Extract<ServerMessage, { kind: K }>) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (message) resolve(message);
      else reject(error);
    };
    const onMessage = (message: unknown) => {
      if (!isServerMessage(message)) return;
      if (message.kind === 'failed') done(new Error(`bot server failed:\n${message.error}`));
      else if (message.kind === kind) done(null, message as Extract<ServerMessage, { kind: K }>);
    };
    const onExit = (code: number | null) =>
      done(new Error(`bot server exited (code ${code}) before '${kind}'`));
    const timer = setTimeout(() => done(new Error(`bot server: no '${kind}' in ${timeoutMs} ms`)), timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export async function startBotProcess(
  env: Record<string, string>,
  cpuProfDir: string | null,
): Promise<BotProcess> {
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const child = fork(SERVER, [], {
    env: { ...process.env, ...env },
    // Under tsx the loader is inherited; under vitest (tests fork it too) it is added.
    execArgv: [
      ...process.execArgv,
      ...(process.execArgv.some((a) => a.includes('tsx')) ? [] : ['--import', 'tsx']),
      ...profile,
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const { url } = await nextMessage(child, 'ready', START_TIMEOUT_MS);
    return {
      url,
      async cpuMs() {
        const answer = nextMessage(child, 'usage', 5_000);
        child.send('usage');
        return (await answer).cpuMs;
      },
      async kill() {
        child.kill('SIGKILL');
        await exited;
      },
      async stop() {
        const stopped = nextMessage(child, 'stopped', START_TIMEOUT_MS);
        child.send('stop');
        await stopped;
        await exited;
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}
