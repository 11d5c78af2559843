/** The kinds of bound account the rooms registered on the server (an enterprise's account, a carrier's reporter …). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { BoundKindRow } from './types.ts';

export function useBoundKinds() {
  return useQuery({
    queryKey: ['users', 'bound-kinds'],
    queryFn: async () => (await api.get<{ items: BoundKindRow[] }>('/api/users/bound-kinds')).items,
    staleTime: Infinity,
  });
}
