/**
 * A small in-process cache of computed answers (reports, list pages), least recently used first out. Keys
 * carry a room's data version (read from the database on every request), so a write on any instance makes
 * every instance's entries stale at once; nothing here is a source of truth. Concurrent misses on one key
 * share a single computation, and a failed computation is forgotten.
 */
export class ComputedCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries: number) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const p = compute();
    this.entries.set(key, p);
    p.catch(() => {
      if (this.entries.get(key) === p) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return p;
  }

  clear(): void {
    this.entries.clear();
  }
}
