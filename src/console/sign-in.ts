/**
 * Signing in to the web console without a password: the bot (or the CLI, for the first admin) hands a lead or an
 * admin a one-time link; opening it starts an 8-hour session. No HTTP here: adapters/console/ turns these results
 * into cookies and pages. Every step asks `authorize` (src/core/rights.ts) again, so a person whose role was
 * lowered or whose approval was withdrawn loses the console at their next click, not when their session ends.
 */
import { authorize, REACH, type Refusal, type RightsContext } from '../core/rights.ts';
import {
  createConsoleLink,
  createConsoleSession,
  findLiveSession,
  isConsoleLinkLive,
  purgeExpiredConsoleRows,
  redeemConsoleLink,
  revokeUserSessions,
} from '../kb/console-repo.ts';
import type { Db } from '../kb/open.ts';
import { loadUnitTree, type UnitNode } from '../kb/unit-tree.ts';
import { findUserById, type User } from '../kb/users-repo.ts';
import { MESSAGES } from '../reply/messages.ts';

/** The path of a sign-in link under the public base URL; the adapter serves it and redacts it from logs. */
export const LOGIN_PATH = '/admin/login/';

/** Who is signed in and what they may see (adapters/console/context.ts `ConsoleSession` has the same shape). */
export interface SignedIn {
  user: User;
  unit: UnitNode;
  org: UnitNode;
  reach: 'organisation' | 'own_unit';
  scope: UnitNode;
  csrf: string;
}

export type Refused = { ok: false; code: Refusal | 'unknown_user'; reason: string };

/**
 * The tree and who is named on which task. Opening the console reads only the tree (task mentions matter for
 * progress reports alone), so callers without a knowledge cache get the tree read now and no mentions.
 */
function rightsOf(db: Db, rights: RightsContext | undefined): RightsContext {
  return rights ?? { tree: loadUnitTree(db), mentions: () => [] };
}

/** What the person may see in the console, or why they may not open it. */
export function consoleAccess(user: User, csrf: string, rights: RightsContext): SignedIn | Refused {
  const unit = user.unitId === null ? null : (rights.tree.get(user.unitId) ?? null);
  const decision = authorize({ kind: 'user', user }, { kind: 'open_console', unit }, rights);
  if (!decision.ok) return decision;
  const reach = REACH.open_console[user.role];
  // authorize refuses a role without reach and a person without a unit; the checks only tell the compiler.
  if (!unit || reach === 'none')
    return { ok: false, code: 'no_right', reason: MESSAGES.consoleLogin.leadsOnly };
  const org = rights.tree.orgOf(unit.id) ?? unit;
  return { user, unit, org, reach, scope: reach === 'organisation' ? org : unit, csrf };
}

/** A sign-in link for the user (PUBLIC_BASE_URL + /admin/login/<token>), or why they may not have one. */
export function consoleLink(
  db: Db,
  userId: number,
  now: Date,
  baseUrl: string,
  rights?: RightsContext,
): { ok: true; url: string; expiresAt: Date } | Refused {
  const user = findUserById(db, userId);
  if (!user)
    return { ok: false, code: 'unknown_user', reason: MESSAGES.consoleCli.noSuchUser(String(userId)) };
  const access = consoleAccess(user, '', rightsOf(db, rights));
  if ('ok' in access) return access;
  purgeExpiredConsoleRows(db, now);
  const link = createConsoleLink(db, user.id, now);
  return {
    ok: true,
    url: `${baseUrl.replace(/\/+$/, '')}${LOGIN_PATH}${link.token}`,
    expiresAt: link.expiresAt,
  };
}

/** Whether a link would still sign someone in (shown as a button first: see adapters/console/plugin.ts). */
export function isLinkLive(db: Db, token: string, now: Date): boolean {
  return isConsoleLinkLive(db, token, now);
}

export interface NewSession {
  /** The cookie's value. */
  id: string;
  expiresAt: Date;
  access: SignedIn;
}

/**
 * Opens a session with a link: used once (a second use, an expired or unknown token is `dead_link`), and only for
 * someone who still has the right. Both in one transaction: a refused person's link is spent all the same.
 */
export function redeemLink(
  db: Db,
  token: string,
  now: Date,
  rights?: RightsContext,
): { ok: true; session: NewSession } | { ok: false; code: 'dead_link' } | Refused {
  return db.transaction(() => {
    const userId = redeemConsoleLink(db, token, now);
    const user = userId === null ? null : findUserById(db, userId);
    if (!user) return { ok: false as const, code: 'dead_link' as const };
    const check = consoleAccess(user, '', rightsOf(db, rights));
    if ('ok' in check) return check;
    const stored = createConsoleSession(db, user.id, now);
    const session = { id: stored.id, expiresAt: stored.expiresAt, access: { ...check, csrf: stored.csrf } };
    return { ok: true as const, session };
  })();
}

/** The person a session cookie signs in, with what they may see; none: no such live session. */
export function sessionUser(
  db: Db,
  sessionId: string,
  now: Date,
  rights?: RightsContext,
): { kind: 'none' } | { kind: 'refused'; reason: string; userId: number } | { kind: 'ok'; access: SignedIn } {
  const stored = findLiveSession(db, sessionId, now);
  const user = stored ? findUserById(db, stored.userId) : null;
  if (!stored || !user) return { kind: 'none' };
  const access = consoleAccess(user, stored.csrf, rightsOf(db, rights));
  return 'ok' in access
    ? { kind: 'refused', reason: access.reason, userId: user.id }
    : { kind: 'ok', access };
}

/** "Đăng xuất mọi nơi": ends every session of the person and spends their unused links; returns the sessions ended. */
export function signOutEverywhere(db: Db, userId: number, now: Date): number {
  const ended = revokeUserSessions(db, userId, now);
  purgeExpiredConsoleRows(db, now);
  return ended;
}
