/**
 * Notifications (消息): what the platform tells one account, in the reader's language. A room writes them
 * (a pushed match, a listing sent back) with notify(); once a day each account with new ones gets a digest.
 */
import { z } from 'zod';
import { ZPageQuery } from './paging.ts';

export const ZNotification = z.object({
  id: z.number().int(),
  /** the room's kind: 'market.match', 'digest' … */
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** where it is seen: a path of the web client */
  link: z.string().nullable(),
  at: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationsQuery = ZPageQuery.pick({ page: true, pageSize: true }).extend({
  /** only the unread ones */
  unread: z.enum(['true', 'false']).optional(),
  /** only those of one bureau day (YYYY-MM-DD): a digest's link */
  day: z.iso.date().optional(),
});
export type NotificationsQuery = z.infer<typeof ZNotificationsQuery>;

export const ZUnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof ZUnreadCount>;
