import { toStorageFailure } from '../kb/sqlite-errors.ts';
import { MESSAGES } from './messages.ts';

/**
 * What a person is told when answering failed: a storage failure in plain Vietnamese (they can pass it on), any
 * other failure the usual apology. Never the error's own text; the caller logs the original error.
 */
export function toFailureReply(error: unknown): string {
  const failure = toStorageFailure(error);
  return failure ? MESSAGES.storage[failure] : MESSAGES.internalError;
}

/** The error that carries the code (a wrapper's cause), as `CODE: message`. */
function detailOf(error: unknown): string {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return `${code}: ${e.message}`;
    e = e.cause;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The same failure for whoever runs the bot (a terminal, a start-up error): the Vietnamese sentence, then the
 * original error to act on. Anything else is its own message (ours are Vietnamese already).
 */
export function toFailureReport(error: unknown): string {
  const failure = toStorageFailure(error);
  if (failure) return `${MESSAGES.storage[failure]}\n(chi tiết: ${detailOf(error)})`;
  return error instanceof Error ? error.message : String(error);
}
