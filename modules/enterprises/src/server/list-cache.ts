/**
 * The registry list's cache (see ComputedCache): keys carry the registry's data version (bumped in the
 * transaction of every registry write). Entries are kept per database handle, so two databases in one
 * process (the tests' PGlite and PostgreSQL runs) never answer for each other.
 */
import { ComputedCache, type Db } from '@kechuang/platform-server';

const MAX_ENTRIES = 300;
const byDb = new WeakMap<Db, ComputedCache>();

export function cachedList<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = byDb.get(db);
  if (!cache) byDb.set(db, (cache = new ComputedCache(MAX_ENTRIES)));
  return cache.get(key, compute);
}
