/**
 * Storage failures a person can act on, told apart from bugs. SQLite (through better-sqlite3) names its failures
 * with result codes such as SQLITE_READONLY_DBMOVED; the file system with errno codes. Callers turn the kind into
 * a Vietnamese sentence (MESSAGES.storage) for the person and keep the original error in the log.
 */
export const STORAGE_FAILURES = ['readonly', 'full', 'busy', 'cantOpen', 'corrupt', 'io'] as const;
export type StorageFailure = (typeof STORAGE_FAILURES)[number];

/** Primary SQLite result codes (extended codes such as SQLITE_BUSY_SNAPSHOT start with them). */
const SQLITE_CODES: [prefix: string, failure: StorageFailure][] = [
  ['SQLITE_READONLY', 'readonly'],
  ['SQLITE_PERM', 'readonly'],
  ['SQLITE_AUTH', 'readonly'],
  ['SQLITE_FULL', 'full'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_CANTOPEN', 'cantOpen'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_IOERR', 'io'],
];

/** Errors of the file system around the database (backup copies, the -wal file). */
const ERRNO_CODES: Record<string, StorageFailure> = {
  EROFS: 'readonly',
  EACCES: 'readonly',
  EPERM: 'readonly',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EBUSY: 'busy',
  EIO: 'io',
};

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** The storage failure behind an error (or its cause), or null for anything else (a bug, a bad input). */
export function toStorageFailure(error: unknown): StorageFailure | null {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const code = codeOf(e);
    if (code?.startsWith('SQLITE_')) {
      const match = SQLITE_CODES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
      if (match) return match[1];
    } else if (code && ERRNO_CODES[code]) {
      return ERRNO_CODES[code];
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
