/**
 * What the header's breadcrumb calls the page: its menu label, or the name a page gives itself (an enterprise's
 * name on its profile) with `useBreadcrumbName`. The name is dropped when the page unmounts.
 */
import { useEffect, useSyncExternalStore } from 'react';

let current: string | null = null;
const listeners = new Set<() => void>();

function set(name: string | null): void {
  current = name;
  for (const l of listeners) l();
}

export function useBreadcrumbName(name: string | null | undefined): void {
  useEffect(() => {
    set(name ?? null);
    return () => set(null);
  }, [name]);
}

export function useCurrentBreadcrumbName(): string | null {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => current,
  );
}
