import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/**
 * Sign-in links and sessions of the web console (/admin). A link token and a session id are 32 random bytes
 * given to one person; only their sha256 is stored, so the database file, a backup or a copy of a row signs
 * nobody in. The CSRF token is stored as is: it is no key on its own (it is checked only beside the session).
 */

/** A sign-in link works this long, once. */
export const LINK_TTL_MS = 15 * 60 * 1000;
/** A session lasts a working day, then the person asks the bot for a new link. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** 32 random bytes, URL-safe (43 characters): neither a token nor a session id can be guessed. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What a secret of newSecret() looks like; anything else is not looked up. */
export const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A link for `userId`, valid LINK_TTL_MS from `now`; returns the token, which is stored nowhere. */
export function createConsoleLink(db: Db, userId: number, now: Date): { token: string; expiresAt: Date } {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  prepared(
    db,
    'INSERT INTO console_links (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  ).run(hashSecret(token), userId, now.toISOString(), expiresAt.toISOString());
  return { token, expiresAt };
}

/**
 * Uses a link: one UPDATE that only succeeds while the link is unused and unexpired, so two requests racing
 * with the same link (a mail scanner and the person) cannot both sign in. Returns the user, or null.
 */
export function redeemConsoleLink(db: Db, token: string, now: Date): number | null {
  if (!SECRET_SHAPE.test(token)) return null;
  const at = now.toISOString();
  const row = prepared<[string, string, string], { user_id: number }>(
    db,
    `UPDATE console_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
     RETURNING user_id`,
  ).get(at, hashSecret(token), at);
  return row?.user_id ?? null;
}

export interface StoredSession {
  /** The cookie's value; only its hash is stored. */
  id: string;
  userId: number;
  csrf: string;
  expiresAt: Date;
}

export function createConsoleSession(db: Db, userId: number, now: Date): StoredSession {
  const session = {
    id: newSecret(),
    userId,
    csrf: newSecret(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  };
  prepared(
    db,
    `INSERT INTO console_sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(hashSecret(session.id), userId, session.csrf, now.toISOString(), session.expiresAt.toISOString());
  return session;
}

/** The session a cookie names while it is neither expired nor revoked at `now`; null otherwise. */
export function findLiveSession(db: Db, sessionId: string, now: Date): StoredSession | null {
  if (!SECRET_SHAPE.test(sessionId)) return null;
  const row = prepared<[string, string], { user_id: number; csrf: string; expires_at: string }>(
    db,
    `SELECT user_id, csrf, expires_at FROM console_sessions
     WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?`,
  ).get(hashSecret(sessionId), now.toISOString());
  return row
    ? { id: sessionId, userId: row.user_id, csrf: row.csrf, expiresAt: new Date(row.expires_at) }
    : null;
}

/** "Đăng xuất mọi nơi": every live session of the person ends now, and so does any unused link. */
export function revokeUserSessions(db: Db, userId: number, now: Date): number {
  const at = now.toISOString();
  prepared(db, 'UPDATE console_links SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(at, userId);
  return prepared(
    db,
    'UPDATE console_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?',
  ).run(at, userId, at).changes;
}

/** Forgets links and sessions that can no longer be used (expired before `now`); revoked ones expire too. */
export function purgeExpiredConsoleRows(db: Db, now: Date): void {
  const at = now.toISOString();
  prepared(db, 'DELETE FROM console_links WHERE expires_at < ?').run(at);
  prepared(db, 'DELETE FROM console_sessions WHERE expires_at < ?').run(at);
}

/** Whether a link would still sign someone in at `now`, without using it (the page before the sign-in button). */
export function isConsoleLinkLive(db: Db, token: string, now: Date): boolean {
  if (!SECRET_SHAPE.test(token)) return false;
  return (
    prepared<[string, string], { n: number }>(
      db,
      'SELECT 1 AS n FROM console_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    ).get(hashSecret(token), now.toISOString()) !== undefined
  );
}
