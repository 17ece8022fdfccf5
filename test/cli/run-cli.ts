import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/paths.ts';

/** The CLI run exactly as deployment scripts run it: a child process, its exit code, stdout and stderr. */
const run = promisify(execFile);
export const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
export const CLI = join(PROJECT_ROOT, 'src/cli.ts');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env` entries set to undefined are removed from the inherited environment (e.g. DB_PATH). */
export async function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
