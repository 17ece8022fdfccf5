import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/**
 * Several servers may open one database (a restart overlapping the old process, a second copy started by
 * mistake, a standby). Each registers itself and beats every few seconds; a lease names the one instance that
 * runs what must run once (the Zalo poller, the scheduler). A lease is taken only when free or expired, in one
 * statement, so two instances can never both hold it.
 */

/**
 * How long a heartbeat or a lease counts without renewal. Both are renewed every HEARTBEAT_MS, so a holder that
 * died is replaced within LEASE_MS + HEARTBEAT_MS (25 s); on the same host at the next check (its pid is gone).
 */
export const LEASE_MS = 20_000;
export const HEARTBEAT_MS = 5_000;

/** The lease that decides who polls Zalo and runs the scheduler. */
export const ACTIVE_LEASE = 'active';

export interface InstanceInfo {
  id: string;
  pid: number;
  /**
   * Where `pid` means something: the machine and its process namespace (adapters/lease.ts builds it), so an
   * instance on the same host can tell that a registered process is gone without waiting for its heartbeat.
   */
  host: string;
}

export function registerInstance(db: Db, info: InstanceInfo, now: Date): void {
  prepared(
    db,
    `INSERT INTO instances (id, pid, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, stopped_at = NULL`,
  ).run(info.id, info.pid, info.host, now.toISOString(), now.toISOString());
}

export function heartbeat(db: Db, id: string, now: Date): void {
  prepared(db, 'UPDATE instances SET heartbeat_at = ? WHERE id = ?').run(now.toISOString(), id);
}

/**
 * A clean stop (or a process found dead on this host): the instance is known gone at once, with no wait for its
 * heartbeat to age, and its leases are freed.
 */
export function markStopped(db: Db, id: string, now: Date): void {
  prepared(db, 'UPDATE instances SET stopped_at = ? WHERE id = ? AND stopped_at IS NULL').run(
    now.toISOString(),
    id,
  );
  prepared(db, 'DELETE FROM leases WHERE holder = ?').run(id);
  // Rows stopped, or silent, for a day are of no use; keeps the table small across many restarts and crashes.
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  prepared(db, 'DELETE FROM instances WHERE coalesce(stopped_at, heartbeat_at) < ?').run(dayAgo);
}

/** Instances on `host` not marked stopped, however old their heartbeat: candidates for a process check. */
export function unstoppedOnHost(db: Db, host: string): InstanceInfo[] {
  return prepared<[string], InstanceInfo>(
    db,
    'SELECT id, pid, host FROM instances WHERE host = ? AND stopped_at IS NULL ORDER BY started_at',
  ).all(host);
}

export function findInstance(db: Db, id: string): InstanceInfo | null {
  return (
    prepared<[string], InstanceInfo>(db, 'SELECT id, pid, host FROM instances WHERE id = ?').get(id) ?? null
  );
}

const aliveSince = (now: Date, ttlMs: number) => new Date(now.getTime() - ttlMs).toISOString();

/** Instances still running: not stopped, and beating within the lease time. */
export function liveInstances(db: Db, now: Date, ttlMs = LEASE_MS): InstanceInfo[] {
  return prepared<[string], InstanceInfo>(
    db,
    'SELECT id, pid, host FROM instances WHERE stopped_at IS NULL AND heartbeat_at > ? ORDER BY started_at',
  ).all(aliveSince(now, ttlMs));
}

export function isAlive(db: Db, id: string, now: Date, ttlMs = LEASE_MS): boolean {
  return (
    prepared<[string, string], { n: number }>(
      db,
      'SELECT count(*) AS n FROM instances WHERE id = ? AND stopped_at IS NULL AND heartbeat_at > ?',
    ).get(id, aliveSince(now, ttlMs))?.n === 1
  );
}

/**
 * Takes or renews the lease: succeeds when it is free, expired, or already ours. Returns whether we hold it now.
 * One INSERT … ON CONFLICT DO UPDATE … WHERE: SQLite serialises writers, so the check and the write are atomic.
 */
export function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs = LEASE_MS): boolean {
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  prepared(
    db,
    `INSERT INTO leases (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET
       holder = excluded.holder,
       acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END,
       expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at <= ?`,
  ).run(name, holder, now.toISOString(), expires, now.toISOString());
  return leaseHolder(db, name, now) === holder;
}

export function releaseLease(db: Db, name: string, holder: string): void {
  prepared(db, 'DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
}

/** The instance holding the lease, or null when it is free or expired. */
export function leaseHolder(db: Db, name: string, now: Date): string | null {
  return (
    prepared<[string, string], { holder: string }>(
      db,
      'SELECT holder FROM leases WHERE name = ? AND expires_at > ?',
    ).get(name, now.toISOString())?.holder ?? null
  );
}
