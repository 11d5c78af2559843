/** The indicators' computed reports (league, cockpit), keyed by the room's data version: see ComputedCache. */
import { ComputedCache } from '@kechuang/platform-server';

const reports = new ComputedCache(200);

export function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  return reports.get(key, compute);
}

export function clearCache(): void {
  reports.clear();
}
