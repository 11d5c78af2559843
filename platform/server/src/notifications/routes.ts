/** 消息: the signed-in account's own notifications — never anyone else's (another account's id answers 404). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ZNotification, ZNotificationsQuery, ZPage, ZUnreadCount } from '@kechuang/platform-core';
import { actorOf } from '../http/access.ts';
import type { AppContext } from '../http/context.ts';
import { requestLang } from '../http/request-lang.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.ts';

const ZNotificationId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = 'signedIn' as const;
  const tags = ['platform'];

  r.get('/api/notifications', {
    config: { access },
    schema: { tags, summary: '消息 My notifications, newest first', querystring: ZNotificationsQuery, response: { 200: ZPage(ZNotification) } },
    handler: async (req) => listNotifications(ctx.db, actorOf(req).id, requestLang(req), req.query),
  });

  r.get('/api/notifications/unread-count', {
    config: { access },
    schema: { tags, summary: '未读消息数 How many of my notifications are unread', response: { 200: ZUnreadCount } },
    handler: async (req) => ({ unread: await unreadCount(ctx.db, actorOf(req).id) }),
  });

  r.post('/api/notifications/:id/read', {
    config: { access },
    schema: { tags, summary: '标为已读 Mark one of my notifications read', params: ZNotificationId, response: { 200: ZUnreadCount } },
    handler: async (req) => {
      const userId = actorOf(req).id;
      if (!(await markRead(ctx.db, userId, req.params.id))) throw new AppError('NOT_FOUND', { details: { entity: 'notification', id: req.params.id } });
      return { unread: await unreadCount(ctx.db, userId) };
    },
  });

  r.post('/api/notifications/read-all', {
    config: { access },
    schema: { tags, summary: '全部标为已读 Mark all my notifications read', response: { 200: ZUnreadCount } },
    handler: async (req) => {
      await markAllRead(ctx.db, actorOf(req).id);
      return { unread: 0 };
    },
  });
}
