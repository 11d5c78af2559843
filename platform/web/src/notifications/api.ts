/** 消息 (GET /api/notifications …): the unread count asked every minute and when the user comes back to the tab. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, UnreadCount } from '@kechuang/platform-core';
import { api } from '../api.ts';

export interface NotificationsPage {
  items: Notification[];
  total: number;
  page: number;
  pageSize: number;
}

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api.get<UnreadCount>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
    staleTime: 20_000,
  });
}

export function useNotifications(query: { page: number; pageSize: number; unread?: boolean; day?: string | null }) {
  return useQuery({
    queryKey: ['notifications', 'list', query],
    queryFn: () =>
      api.get<NotificationsPage>('/api/notifications', {
        page: query.page,
        pageSize: query.pageSize,
        unread: query.unread ? 'true' : undefined,
        day: query.day ?? undefined,
      }),
  });
}

/** marks one read (or all, without an id); every list and the count are asked again */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id?: number) => api.post<UnreadCount>(id === undefined ? '/api/notifications/read-all' : `/api/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
