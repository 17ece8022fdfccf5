/**
 * A small memo with a size bound, for data that only changes on an import (the knowledge cache drops it then).
 * A Map keeps insertion order, so the oldest entry goes first when the bound is reached; a hit moves the entry
 * to the end, which makes it least-recently-used eviction.
 */
export interface BoundedMemo<K, V> {
  get(key: K, compute: () => V): V;
  /** Values for many keys, computing the missing ones in one call. */
  getMany(keys: readonly K[], computeMissing: (missing: K[]) => Map<K, V>): Map<K, V>;
  readonly size: number;
}

export function createBoundedMemo<K, V>(limit: number): BoundedMemo<K, V> {
  const map = new Map<K, V>();
  const remember = (key: K, value: V) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > limit) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
  };
  const hit = (key: K): V | undefined => {
    const value = map.get(key);
    if (value !== undefined) remember(key, value);
    return value;
  };
  return {
    get(key, compute) {
      const found = hit(key);
      if (found !== undefined) return found;
      const value = compute();
      remember(key, value);
      return value;
    },
    getMany(keys, computeMissing) {
      const out = new Map<K, V>();
      const missing: K[] = [];
      for (const key of keys) {
        const found = hit(key);
        if (found === undefined) missing.push(key);
        else out.set(key, found);
      }
      if (missing.length > 0) {
        for (const [key, value] of computeMissing(missing)) {
          remember(key, value);
          out.set(key, value);
        }
      }
      return out;
    },
    get size() {
      return map.size;
    },
  };
}
