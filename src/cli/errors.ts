import { CommanderError } from 'commander';
import { z } from 'zod';
import { DatabaseOpenError } from '../kb/open.ts';
import { toStorageFailure } from '../kb/sqlite-errors.ts';
import { toFailureReport } from '../reply/failure-reply.ts';
import { USAGE_EXIT_CODE } from './vi-commander.ts';

/** The command was called wrongly (a missing or contradictory option): exit code 2, like commander's own. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliFailure {
  /** What to print on stderr; null when commander has already said it (help, a usage error). */
  text: string | null;
  exitCode: number;
}

/**
 * How a failed command ends: a Vietnamese sentence for the person at the terminal and an exit code for scripts.
 * A storage failure is explained (read-only file, full disk…) with SQLite's own error kept on the next line for
 * whoever has to fix it — the terminal is the CLI's log.
 */
export function toCliFailure(error: unknown): CliFailure {
  if (error instanceof CommanderError) {
    // Help asked for (--help, `help`) ends well; a bare group of commands shows help as a usage error.
    const exitCode = error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    return { text: null, exitCode };
  }
  if (error instanceof UsageError || error instanceof DatabaseOpenError)
    return { text: `Lỗi: ${error.message}`, exitCode: USAGE_EXIT_CODE };
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((i) => `${i.path.join('.') || 'giá trị'}: ${i.message}`);
    return { text: `Lỗi: ${issues.join('; ')}`, exitCode: USAGE_EXIT_CODE };
  }
  if (toStorageFailure(error)) return { text: toFailureReport(error), exitCode: 1 };
  return { text: `Lỗi: ${toFailureReport(error)}`, exitCode: 1 };
}
