import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ZMe } from '@kechuang/platform-core';
import type { AppContext } from '../http/context.ts';
import { actorOf } from '../http/access.ts';
import { login, logout, revokeSessions, SESSION_COOKIE } from './sessions.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { ROLES } from './roles.ts';
import { audit } from '../audit/audit.ts';

const ALL = { roles: ROLES };

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
      const s = await login(ctx.db, { ...req.body, ip: req.ip }, { sessionHours: ctx.sessionHours, maxFailures: ctx.maxLoginFailures, homeRegion: ctx.homeRegion });
      reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.cookieSecure, expires: s.expiresAt });
      return { user: s.actor, role: s.actor.role, scope: s.actor.scope };
    },
  });

  r.get('/api/auth/me', {
    config: { access: ALL },
    schema: { tags: ['auth'], summary: '当前用户 Who am I', response: { 200: ZMe } },
    handler: async (req) => {
      const a = actorOf(req);
      return { user: a, role: a.role, scope: a.scope };
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
      const a = actorOf(req);
      if (req.body.newPassword.length < MIN_PASSWORD_LENGTH) throw new AppError('PASSWORD_WEAK', { details: { field: 'newPassword' } });
      const [u] = await ctx.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [a.id]);
      if (!(await verifyPassword(u.password_hash, req.body.currentPassword))) throw new AppError('PASSWORD_WRONG', { details: { field: 'currentPassword' } });
      const hash = await hashPassword(req.body.newPassword);
      await ctx.db.transaction(async (tx) => {
        await tx.query('update users set password_hash = $1, updated_at = now() where id = $2', [hash, a.id]);
        await revokeSessions(tx, a.id, req.cookies[SESSION_COOKIE]);
        await audit(tx, a, { action: 'user.password.change', entity: 'user', entityId: a.id });
      });
      return { ok: true };
    },
  });
}
