/** TanStack Query hooks for the technology market (/api/market). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@kechuang/platform-web';
import { KIND_PATHS, type ListingKind } from '../contract/kinds.ts';
import type { Institute, ListingDetail, ListingPage, ListingPatch, ListingSearch, ListingWrite, MarketMe, Matches, QueueItem } from './types.ts';

const ROOT = '/api/market';
const KEY = 'market';
export const kindUrl = (kind: ListingKind) => `${ROOT}/${KIND_PATHS[kind]}`;

export const useMarketMe = () => useQuery({ queryKey: [KEY, 'me'], queryFn: () => api.get<MarketMe>(`${ROOT}/me`) });

export function useListings(kind: ListingKind, search: ListingSearch) {
  return useQuery({
    queryKey: [KEY, 'search', kind, search],
    queryFn: () => api.post<ListingPage>(`${kindUrl(kind)}/search`, search),
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useListing(kind: ListingKind, id: number) {
  return useQuery({ queryKey: [KEY, 'listing', kind, id], queryFn: () => api.get<ListingDetail>(`${kindUrl(kind)}/${id}`), retry: false });
}

export function useMatches(kind: ListingKind, id: number, enabled: boolean) {
  return useQuery({ queryKey: [KEY, 'matches', kind, id], queryFn: () => api.get<Matches>(`${kindUrl(kind)}/${id}/matches`), enabled });
}

export const useQueue = () => useQuery({ queryKey: [KEY, 'queue'], queryFn: () => api.get<{ items: QueueItem[] }>(`${ROOT}/moderation`) });
export const useInstitutes = (enabled = true) =>
  useQuery({ queryKey: [KEY, 'institutes'], queryFn: () => api.get<{ items: Institute[] }>(`${ROOT}/institutes`), enabled });

/** every write changes lists, a listing, its matches and the queue: refresh the room's queries */
function useMarketMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }) });
}

export const useCreateListing = () =>
  useMarketMutation(({ kind, body }: { kind: ListingKind; body: ListingWrite }) => api.post<ListingDetail>(kindUrl(kind), body));
export const usePatchListing = () =>
  useMarketMutation(({ kind, id, body }: { kind: ListingKind; id: number; body: ListingPatch }) => api.patch<ListingDetail>(`${kindUrl(kind)}/${id}`, body));

export type ListingMove = 'submit' | 'approve' | 'return' | 'take-down';
export const useMoveListing = () =>
  useMarketMutation(({ kind, id, move, reason }: { kind: ListingKind; id: number; move: ListingMove; reason?: string }) =>
    api.post<ListingDetail>(`${kindUrl(kind)}/${id}/${move}`, reason ? { reason } : {}),
  );
