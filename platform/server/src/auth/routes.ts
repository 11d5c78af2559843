import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMe } from '@kechuang/platform-core';
import type { AppContext } from '../http/context.ts';
import { actorOf } from '../http/access.ts';
import { login, logout, SESSION_COOKIE } from './sessions.ts';
import { changePassword } from './change-password.ts';
import { legacyBoundIds } from './bound-kinds.ts';
import type { Actor } from './roles.ts';

const ALL = 'signedIn';
/** the actor as /api/auth/me answers it: with the binding under its names of before bound kinds too */
const me = (a: Actor) => ({ user: { ...a, ...legacyBoundIds(a.boundKind, a.boundId) }, role: a.role, scope: a.scope });

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: '登录 Log in',
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
      response: { 200: ZMe },
    },
    handler: async (req, reply) => {
      const s = await login(
        ctx.db,
        { ...req.body, ip: req.ip },
        { sessionHours: ctx.sessionHours, maxFailures: ctx.maxLoginFailures, homeRegion: ctx.homeRegion },
      );
      reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.cookieSecure, expires: s.expiresAt });
      return me(s.actor);
    },
  });

  r.get('/api/auth/me', {
    config: { access: ALL },
    schema: { tags: ['auth'], summary: '当前用户 Who am I', response: { 200: ZMe } },
    handler: async (req) => {
      return me(actorOf(req));
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: '退出 Log out', response: { 200: z.object({ ok: z.boolean() }) } },
    handler: async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  r.post('/api/auth/password', {
    config: { access: ALL },
    schema: {
      tags: ['auth'],
      summary: '修改密码 Change password',
      body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().max(256) }),
      response: { 200: z.object({ ok: z.boolean() }) },
    },
    handler: async (req) => {
      await changePassword(ctx.db, actorOf(req), { ...req.body, keepToken: req.cookies[SESSION_COOKIE], ip: req.ip }, { maxFailures: ctx.maxLoginFailures });
      return { ok: true };
    },
  });
}
