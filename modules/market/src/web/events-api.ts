/** TanStack Query hooks for the market's events (/api/market/events). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@kechuang/platform-web';
import type { EventDetail, MarketEvent } from '../contract/events.ts';
import type { EventKind, EventStatus } from '../contract/event-kinds.ts';
import type { ListingKind } from '../contract/kinds.ts';

export type { EventDetail, MarketEvent };

const KEY = 'market';

export interface EventFilter {
  kind?: EventKind;
  status?: EventStatus;
  year?: number;
}

export interface EventInput {
  kind: EventKind;
  title: string;
  date: string;
  time?: string | null;
  place?: string;
  onlineLink?: string | null;
  organiser?: string;
  description?: string;
  regionCode?: string;
}

export const useEvents = (f: EventFilter) =>
  useQuery({
    queryKey: [KEY, 'events', f],
    queryFn: () => api.get<{ items: MarketEvent[] }>('/api/market/events', { ...f }),
    placeholderData: (previous) => previous,
  });

export const useEvent = (id: number) =>
  useQuery({ queryKey: [KEY, 'events', 'one', id], queryFn: () => api.get<EventDetail>(`/api/market/events/${id}`), enabled: id > 0 });

/** every event write changes the lists and the event */
function useEventMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: [KEY, 'events'] }) });
}

export const useCreateEvent = () => useEventMutation((body: EventInput) => api.post<EventDetail>('/api/market/events', body));
export const useMoveEvent = () =>
  useEventMutation(({ id, status, reason }: { id: number; status: EventStatus; reason?: string }) =>
    api.post<EventDetail>(`/api/market/events/${id}/move`, { status, ...(reason ? { reason } : {}) }),
  );
export const useAttachListing = () =>
  useEventMutation(({ id, ...body }: { id: number; listingKind: ListingKind; listingId: number; startPrice?: number | null }) =>
    api.post<EventDetail>(`/api/market/events/${id}/listings`, body),
  );
export const useDetachListing = () =>
  useEventMutation(({ id, entryId }: { id: number; entryId: number }) => api.delete<EventDetail>(`/api/market/events/${id}/listings/${entryId}`));
export const useSignUp = () =>
  useEventMutation(({ id, ...body }: { id: number; name?: string; contact?: string }) => api.post<EventDetail>(`/api/market/events/${id}/signups`, body));
export const useCancelSignUp = () =>
  useEventMutation(({ id, signupId }: { id: number; signupId: number }) => api.delete<EventDetail>(`/api/market/events/${id}/signups/${signupId}`));
export const useRecordOutcomes = () =>
  useEventMutation(
    ({
      id,
      ...body
    }: {
      id: number;
      contactsMade?: number | null;
      intentionsSigned?: number | null;
      note?: string;
      lots?: { entryId: number; finalPrice: number | null; sold: boolean }[];
    }) => api.post<EventDetail>(`/api/market/events/${id}/outcomes`, body),
  );
