import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

export const USER_ROLES = ['staff', 'lead', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A person known by (channel, external id): the unit they belong to, their role, and whether an admin approved them. */
export interface User {
  id: number;
  channel: string;
  externalId: string;
  displayName: string | null;
  unitId: number | null;
  role: UserRole;
  approved: boolean;
}

interface UserRow {
  id: number;
  channel: string;
  external_id: string;
  display_name: string | null;
  unit_id: number | null;
  role: UserRole;
  approved_at: string | null;
}

function toUser(r: UserRow): User {
  return {
    id: r.id,
    channel: r.channel,
    externalId: r.external_id,
    displayName: r.display_name,
    unitId: r.unit_id,
    role: r.role,
    approved: r.approved_at !== null,
  };
}

export function findUser(db: Db, channel: string, externalId: string): User | null {
  const row = prepared<[string, string], UserRow>(
    db,
    'SELECT * FROM users WHERE channel = ? AND external_id = ?',
  ).get(channel, externalId);
  return row ? toUser(row) : null;
}

export function findUserById(db: Db, id: number): User | null {
  const row = prepared<[number], UserRow>(db, 'SELECT * FROM users WHERE id = ?').get(id);
  return row ? toUser(row) : null;
}

/** The user, created on first contact (not registered: no unit, not approved). */
export function ensureUser(db: Db, channel: string, externalId: string, now: Date): User {
  prepared(
    db,
    `INSERT INTO users (channel, external_id, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (channel, external_id) DO NOTHING`,
  ).run(channel, externalId, now.toISOString(), now.toISOString());
  const user = findUser(db, channel, externalId);
  if (!user) throw new Error('user row vanished after insert');
  return user;
}

/** The name the chat platform shows for the person (Zalo's display_name, Teams' from.name). */
export function setDisplayName(db: Db, userId: number, name: string, now: Date): void {
  prepared(db, 'UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?').run(
    name.slice(0, 100),
    now.toISOString(),
    userId,
  );
}

/**
 * Registration: sets the unit; any change withdraws the approval. A move from one unit to another also resets the
 * role: it was granted for the old unit, and an admin who moved must not carry it into an organisation whose admins
 * never granted it. A first registration keeps a role the operator set beforehand (it still waits for approval).
 */
export function setUserUnit(db: Db, userId: number, unitId: number, now: Date): void {
  prepared(
    db,
    `UPDATE users SET approved_at = CASE WHEN unit_id IS ? THEN approved_at ELSE NULL END,
       role = CASE WHEN unit_id IS NULL OR unit_id IS ? THEN role ELSE 'staff' END,
       unit_id = ?, updated_at = ? WHERE id = ?`,
  ).run(unitId, unitId, unitId, now.toISOString(), userId);
}

export function approveUser(db: Db, userId: number, now: Date): void {
  prepared(db, 'UPDATE users SET approved_at = coalesce(approved_at, ?), updated_at = ? WHERE id = ?').run(
    now.toISOString(),
    now.toISOString(),
    userId,
  );
}

/** Withdraws the approval: the person may still read, but reports and rights wait for a new approval. */
export function revokeUser(db: Db, userId: number, now: Date): void {
  prepared(db, 'UPDATE users SET approved_at = NULL, updated_at = ? WHERE id = ?').run(
    now.toISOString(),
    userId,
  );
}

export function setUserRole(db: Db, userId: number, role: UserRole, now: Date): void {
  prepared(db, 'UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, now.toISOString(), userId);
}

export function listUsers(db: Db): (User & { unitName: string | null })[] {
  return prepared<[], UserRow & { unit_name: string | null }>(
    db,
    'SELECT u.*, n.name AS unit_name FROM users u LEFT JOIN units n ON n.id = u.unit_id ORDER BY u.id',
  )
    .all()
    .map((r) => ({ ...toUser(r), unitName: r.unit_name }));
}

/** Registered users waiting for an admin, for the "approve" flow. */
export function listPendingUsers(db: Db): (User & { unitName: string | null })[] {
  return listUsers(db).filter((u) => u.unitId !== null && !u.approved);
}

/** "tắt nhắc việc" / "bật nhắc việc": whether the person gets deadline reminders in private. */
export function setReminders(db: Db, userId: number, on: boolean, now: Date): void {
  prepared(db, 'UPDATE users SET reminders = ?, updated_at = ? WHERE id = ?').run(
    on ? 1 : 0,
    now.toISOString(),
    userId,
  );
}

export function remindersOn(db: Db, userId: number): boolean {
  return (
    prepared<[number], { reminders: number }>(db, 'SELECT reminders FROM users WHERE id = ?').get(userId)
      ?.reminders === 1
  );
}

/** Approved staff of a unit who take reminders: the people a reminder or a ping goes to. */
export function listUnitStaff(db: Db, unitId: number): User[] {
  return prepared<[number], UserRow>(
    db,
    `SELECT * FROM users WHERE unit_id = ? AND approved_at IS NOT NULL AND reminders = 1 ORDER BY id`,
  )
    .all(unitId)
    .map(toUser);
}

/** Every approved person with a unit who takes reminders. */
export function listReminderRecipients(db: Db): User[] {
  return prepared<[], UserRow>(
    db,
    'SELECT * FROM users WHERE unit_id IS NOT NULL AND approved_at IS NOT NULL AND reminders = 1 ORDER BY id',
  )
    .all()
    .map(toUser);
}
