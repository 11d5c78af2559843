/**
 * The registry list's in-process cache. Keys carry the registry's data version (`data_versions`, bumped
 * in the transaction of every registry write and read with the session on every request), so a write on
 * any instance makes every instance's entries stale at once; nothing here is a source of truth. Entries
 * are kept per database handle, so two databases in one process (the tests' PGlite and PostgreSQL runs)
 * never answer for each other. Concurrent misses on one key share a single computation, and a failed
 * computation is forgotten.
 */
import type { Db } from '@kechuang/platform-server';

const MAX_ENTRIES = 300;
const byDb = new WeakMap<Db, Map<string, Promise<unknown>>>();

export function cachedList<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = byDb.get(db);
  if (!entries) byDb.set(db, (entries = new Map<string, Promise<unknown>>()));
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit as Promise<T>;
  }
  const p = compute();
  entries.set(key, p);
  const map = entries;
  p.catch(() => {
    if (map.get(key) === p) map.delete(key);
  });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return p;
}
