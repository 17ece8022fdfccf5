import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import {
  ACTIVE_LEASE,
  acquireLease,
  findInstance,
  HEARTBEAT_MS,
  heartbeat,
  type InstanceInfo,
  LEASE_MS,
  leaseHolder,
  markStopped,
  releaseLease,
  unstoppedOnHost,
} from '../src/kb/instances-repo.ts';
import type { Db } from '../src/kb/open.ts';

/**
 * One active instance per database. Every server beats every HEARTBEAT_MS and tries for the lease on the same
 * tick: the holder renews it, a standby takes it once it is free (a clean stop releases it) or expired (the
 * holder died: at most LEASE_MS + HEARTBEAT_MS later; on the same host at the next tick, its pid being gone).
 */
export type Role = 'active' | 'standby';

export interface LeaseKeeperDeps {
  db: Db;
  instance: InstanceInfo;
  logger: Logger;
  clock: () => Date;
  /** Starts what only the active instance runs; awaited before any later change of role. */
  onActive(): Promise<void>;
  /** Stops it (the lease was lost). */
  onStandby(): Promise<void>;
  /** Every tick while active (looking for work a dead instance left). */
  onTick(): void;
}

export interface LeaseKeeper {
  role(): Role;
  /** A stop is under way: no more changes of role, but the heartbeat and the lease are kept until `release`. */
  freeze(): Promise<void>;
  /** Frees the lease and marks this instance stopped: a standby takes over at its next tick. */
  release(): void;
}

/**
 * Where a pid means something: the host name, and on Linux the boot and the pid namespace, so two containers
 * that share a host name (and a database volume) never judge each other's pids.
 */
export function hostIdentity(): string {
  const orEmpty = (read: () => string) => {
    try {
      return read().trim();
    } catch {
      return ''; // not Linux: the host name alone
    }
  };
  const boot = orEmpty(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')).slice(0, 8);
  const pidNamespace = /\d+/.exec(orEmpty(() => readlinkSync('/proc/self/ns/pid')))?.[0];
  // Shown to people too (`cli restore` names live servers): short, and the host name first.
  return boot && pidNamespace ? `${hostname()} [boot ${boot}, pid ns ${pidNamespace}]` : hostname();
}

/**
 * Whether a process of this host is running. EPERM: it exists, under another user. Our own pid counts as running
 * (two servers in one process, as tests start them): a reused pid only means waiting for the lease to expire.
 */
export function isProcessRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks stopped the instances of this host whose process is gone (killed, crashed): their lease is freed. */
function reapDeadNeighbours(deps: LeaseKeeperDeps, now: Date): void {
  const { db, instance, logger } = deps;
  for (const other of unstoppedOnHost(db, instance.host)) {
    if (other.id === instance.id || isProcessRunning(other.pid)) continue;
    markStopped(db, other.id, now);
    logger.warn(
      { instance: other.id, pid: other.pid },
      'Máy chủ cũ trên máy này đã dừng đột ngột (tiến trình không còn); việc dở của nó được nhận lại',
    );
  }
}

/** One tick: the heartbeat, dead neighbours, the lease; one transaction, one commit. Whether we hold the lease. */
function beat(deps: LeaseKeeperDeps): boolean {
  const { db, instance } = deps;
  return db.transaction(() => {
    const now = deps.clock();
    heartbeat(db, instance.id, now);
    reapDeadNeighbours(deps, now);
    return acquireLease(db, ACTIVE_LEASE, instance.id, now);
  })();
}

function logStandby(deps: LeaseKeeperDeps): void {
  const { db, logger, instance } = deps;
  const holderId = leaseHolder(db, ACTIVE_LEASE, deps.clock());
  const holder = holderId ? findInstance(db, holderId) : null;
  logger.info(
    { role: 'standby', instance: instance.id, holder },
    `Chế độ dự phòng: máy chủ khác (pid ${holder?.pid ?? '?'}) đang chạy Zalo polling và bộ hẹn giờ trên cơ sở ` +
      `dữ liệu này; máy chủ này chỉ phục vụ HTTP (webhook, Teams, /healthz) và sẽ nhận thay trong vòng ` +
      `${(LEASE_MS + HEARTBEAT_MS) / 1000} giây nếu máy chủ kia dừng.`,
  );
}

/** Takes the lease if it can (running `onActive` before returning) and keeps beating. */
export async function startLeaseKeeper(deps: LeaseKeeperDeps): Promise<LeaseKeeper> {
  const keeper = new Keeper(deps);
  try {
    await keeper.start();
  } catch (error) {
    keeper.release(); // a start that failed must not keep the lease until it expires
    throw error;
  }
  return keeper;
}

class Keeper implements LeaseKeeper {
  private current: Role = 'standby';
  private frozen = false;
  /** When the lease was last renewed (clock ms), to judge a failed renewal. */
  private lastRenewal = 0;
  /** Role changes run one after another, in the order they were decided. */
  private changes: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: LeaseKeeperDeps) {}

  async start(): Promise<void> {
    const { deps } = this;
    if (this.renew()) {
      this.current = 'active';
      this.logActive();
      await deps.onActive(); // a failure here (a refused webhook) fails the start, as before there was a lease
    } else logStandby(deps);
    this.timer = setInterval(() => this.tick(), HEARTBEAT_MS);
    this.timer.unref();
  }

  role(): Role {
    return this.current;
  }

  async freeze(): Promise<void> {
    this.frozen = true;
    await this.changes;
  }

  release(): void {
    if (this.timer) clearInterval(this.timer);
    const { db, instance } = this.deps;
    releaseLease(db, ACTIVE_LEASE, instance.id);
    markStopped(db, instance.id, this.deps.clock());
  }

  private tick(): void {
    const holds = this.renew();
    if (this.frozen) return;
    if (holds === (this.current === 'active')) {
      if (holds) this.queue(this.deps.onTick);
      return;
    }
    this.current = holds ? 'active' : 'standby';
    if (holds) this.logActive();
    else
      this.deps.logger.warn(
        { role: this.current, instance: this.deps.instance.id },
        'Mất quyền chính (không gia hạn được): dừng Zalo polling và bộ hẹn giờ, chuyển sang dự phòng',
      );
    this.queue(holds ? this.deps.onActive : this.deps.onStandby);
  }

  private queue(step: () => Promise<void> | void): void {
    this.changes = this.changes.then(step).catch((error: unknown) => {
      this.deps.logger.error({ err: error, role: this.current }, 'lease: lỗi khi chuyển vai trò');
    });
  }

  private logActive(): void {
    this.deps.logger.info(
      { role: 'active', instance: this.deps.instance.id },
      'Máy chủ chính trên cơ sở dữ liệu này: chạy Zalo (polling hoặc đăng ký webhook), bộ hẹn giờ bản tin/nhắc việc và sao lưu',
    );
  }

  /**
   * Beats and renews. When the write fails (the database busy beyond its timeout) the lease still counts as ours
   * until it would expire before the next tick: one slow write does not stop and restart the poller.
   */
  private renew(): boolean {
    const { deps } = this;
    try {
      const holds = beat(deps);
      if (holds) this.lastRenewal = deps.clock().getTime();
      return holds;
    } catch (error) {
      const age = deps.clock().getTime() - this.lastRenewal;
      const stillOurs = this.current === 'active' && age < LEASE_MS - HEARTBEAT_MS;
      deps.logger.error({ err: error, stillOurs }, 'lease: không ghi được nhịp tim vào cơ sở dữ liệu');
      return stillOurs;
    }
  }
}
