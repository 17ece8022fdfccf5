import { describe, expect, it } from 'vitest';
import {
  createConsoleLink,
  createConsoleSession,
  findLiveSession,
  hashSecret,
  LINK_TTL_MS,
  purgeExpiredConsoleRows,
  redeemConsoleLink,
  revokeUserSessions,
  SESSION_TTL_MS,
} from '../../src/kb/console-repo.ts';
import { ensureUser } from '../../src/kb/users-repo.ts';
import { TODAY, tempDb } from '../support/kb.ts';

/** The console's links and sessions on a real SQLite file: single use, time limits, hashes only. */
function setup() {
  const { db } = tempDb();
  const user = ensureUser(db, 'test', 'lead-1', TODAY);
  const later = (ms: number) => new Date(TODAY.getTime() + ms);
  return { db, user, later };
}

describe('console links', () => {
  it('a link signs in once; the second use fails', () => {
    const { db, user, later } = setup();
    const { token } = createConsoleLink(db, user.id, TODAY);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(redeemConsoleLink(db, token, later(1000))).toBe(user.id);
    expect(redeemConsoleLink(db, token, later(2000))).toBeNull();
  });

  it('a link expires after 15 minutes', () => {
    const { db, user, later } = setup();
    const { token } = createConsoleLink(db, user.id, TODAY);
    expect(redeemConsoleLink(db, token, later(LINK_TTL_MS))).toBeNull();
    const fresh = createConsoleLink(db, user.id, TODAY).token;
    expect(redeemConsoleLink(db, fresh, later(LINK_TTL_MS - 1000))).toBe(user.id);
  });

  it('stores the sha256 of the token, never the token', () => {
    const { db, user } = setup();
    const { token } = createConsoleLink(db, user.id, TODAY);
    const dump = JSON.stringify(db.prepare('SELECT * FROM console_links').all());
    expect(dump).not.toContain(token);
    expect(dump).toContain(hashSecret(token));
  });

  it('an unknown or malformed token signs nobody in', () => {
    const { db } = setup();
    expect(redeemConsoleLink(db, 'x'.repeat(43), TODAY)).toBeNull();
    expect(redeemConsoleLink(db, "' OR 1=1 --", TODAY)).toBeNull();
  });
});

describe('console sessions', () => {
  it('last 8 hours, keyed by a hash of the cookie value', () => {
    const { db, user, later } = setup();
    const session = createConsoleSession(db, user.id, TODAY);
    expect(findLiveSession(db, session.id, later(SESSION_TTL_MS - 1000))?.userId).toBe(user.id);
    expect(findLiveSession(db, session.id, later(SESSION_TTL_MS))).toBeNull();
    const dump = JSON.stringify(db.prepare('SELECT * FROM console_sessions').all());
    expect(dump).not.toContain(session.id);
  });

  it('signing out everywhere ends every live session and spends unused links', () => {
    const { db, user, later } = setup();
    const other = ensureUser(db, 'test', 'admin-2', TODAY);
    const a = createConsoleSession(db, user.id, TODAY);
    const b = createConsoleSession(db, user.id, TODAY);
    const theirs = createConsoleSession(db, other.id, TODAY);
    const link = createConsoleLink(db, user.id, TODAY).token;
    expect(revokeUserSessions(db, user.id, later(1000))).toBe(2);
    expect(findLiveSession(db, a.id, later(2000))).toBeNull();
    expect(findLiveSession(db, b.id, later(2000))).toBeNull();
    expect(findLiveSession(db, theirs.id, later(2000))?.userId).toBe(other.id);
    expect(redeemConsoleLink(db, link, later(2000))).toBeNull();
  });

  it('expired rows are purged', () => {
    const { db, user, later } = setup();
    createConsoleLink(db, user.id, TODAY);
    createConsoleSession(db, user.id, TODAY);
    purgeExpiredConsoleRows(db, later(SESSION_TTL_MS + 1000));
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('console_links')).toBe(0);
    expect(count('console_sessions')).toBe(0);
  });
});
