/**
 * A small in-process cache for computed reports. Keys carry the room's data version (read from the
 * database on every request), so a write on any instance makes every instance's entries stale at once;
 * nothing here is a source of truth. Concurrent misses on one key share a single computation.
 */
const MAX_ENTRIES = 200;
const entries = new Map<string, Promise<unknown>>();

export function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit as Promise<T>;
  }
  const p = compute();
  entries.set(key, p);
  p.catch(() => entries.delete(key));
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return p;
}

export function clearCache(): void {
  entries.clear();
}
