import { randomBytes } from 'node:crypto';
import type { PlanRecord } from '../ingest/build-plan.ts';

/**
 * Plans read from an upload and shown as a preview, waiting for "Nhập" or "Hủy". They live in memory only —
 * never on disk, never where a URL could serve them — under a random id bound to the person who uploaded, for 30
 * minutes at most, a few per person. Taking one removes it, so the same preview cannot be committed twice.
 */
export interface PendingUpload {
  id: string;
  userId: number;
  fileName: string;
  plan: PlanRecord;
  sourceHash: string;
  createdAt: Date;
}

export interface PendingUploads {
  put(entry: Omit<PendingUpload, 'id' | 'createdAt'>): PendingUpload;
  /** The upload, if it is this person's and still fresh. */
  get(userId: number, id: string): PendingUpload | null;
  /** As `get`, and removed: the one way to commit. */
  take(userId: number, id: string): PendingUpload | null;
  /** "Hủy": true when there was something to drop. */
  drop(userId: number, id: string): boolean;
  size(): number;
}

export const PENDING_TTL_MS = 30 * 60 * 1000;
export const PENDING_PER_USER = 3;
const ID_SHAPE = /^[A-Za-z0-9_-]{32}$/;

export function createPendingUploads(
  clock: () => Date,
  options: { ttlMs?: number; perUser?: number } = {},
): PendingUploads {
  const ttl = options.ttlMs ?? PENDING_TTL_MS;
  const perUser = options.perUser ?? PENDING_PER_USER;
  const entries = new Map<string, PendingUpload>();

  const purge = (): void => {
    const now = clock().getTime();
    for (const [id, entry] of entries) if (now - entry.createdAt.getTime() >= ttl) entries.delete(id);
  };
  const get = (userId: number, id: string): PendingUpload | null => {
    purge();
    if (!ID_SHAPE.test(id)) return null;
    const entry = entries.get(id);
    return entry && entry.userId === userId ? entry : null;
  };

  return {
    put(entry) {
      purge();
      const mine = [...entries.values()].filter((e) => e.userId === entry.userId);
      // Oldest first (insertion order): the person's earliest previews make room for the new one.
      for (const old of mine.slice(0, Math.max(0, mine.length - perUser + 1))) entries.delete(old.id);
      const stored = { ...entry, id: randomBytes(24).toString('base64url'), createdAt: clock() };
      entries.set(stored.id, stored);
      return stored;
    },
    get,
    take(userId, id) {
      const entry = get(userId, id);
      if (entry) entries.delete(id);
      return entry;
    },
    drop(userId, id) {
      const entry = get(userId, id);
      if (entry) entries.delete(id);
      return entry !== null;
    },
    size() {
      purge();
      return entries.size;
    },
  };
}
