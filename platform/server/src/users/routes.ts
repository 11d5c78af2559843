import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBoundKind, ZRole, ZUser } from '@kechuang/platform-core';
import type { AppContext } from '../http/context.ts';
import { actorOf } from '../http/access.ts';
import { ZPage, ZPageQuery } from '../http/paging.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import { requestLang } from '../http/request-lang.ts';
import { writeXlsx } from '../excel/write-xlsx.ts';
import { roleLabel } from '../auth/roles.ts';
import { boundKinds } from '../auth/bound-kinds.ts';
import { createUser, findUsers, updateUser } from './users.ts';

const ZUserQuery = ZPageQuery.extend({ role: ZRole.optional(), regionCode: z.string().max(20).optional() });
const ADMIN = { roles: ['bureauAdmin'] as const };

export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', {
    config: { access: ADMIN },
    schema: { tags: ['users'], summary: '用户列表 Users', querystring: ZUserQuery, response: { 200: ZPage(ZUser) } },
    handler: async (req) => findUsers(ctx.db, req.query),
  });

  r.get('/api/users/bound-kinds', {
    config: { access: ADMIN },
    schema: {
      tags: ['users'],
      summary: '绑定账号的种类 Kinds of account bound to one record, as the rooms registered them',
      response: { 200: z.object({ items: z.array(ZBoundKind) }) },
    },
    handler: async () => ({ items: boundKinds().map((k) => ({ kind: k.kind, role: k.role, label: k.label })) }),
  });

  r.get('/api/users/export', {
    config: { access: ADMIN },
    schema: { tags: ['users'], summary: '导出用户 Export users (.xlsx)', querystring: ZUserQuery },
    handler: async (req, reply) => {
      const { items } = await findUsers(ctx.db, { ...req.query, page: 1, pageSize: 100_000 });
      const zh = requestLang(req) === 'zh';
      // in English a role is named by its code, as the API names it
      const rows = items.map((u) => ({
        ...u,
        roleLabel: zh ? roleLabel(u.role) : u.role,
        isActive: u.isActive ? (zh ? '启用' : 'active') : zh ? '停用' : 'inactive',
      }));
      const data = await writeXlsx([
        {
          name: zh ? '用户' : 'Users',
          columns: [
            { header: zh ? '用户名' : 'Username', key: 'username', width: 18 },
            { header: zh ? '姓名' : 'Name', key: 'displayName', width: 16 },
            { header: zh ? '角色' : 'Role', key: 'roleLabel', width: 20 },
            { header: zh ? '地区代码' : 'Region code', key: 'regionCode', width: 14 },
            { header: zh ? '地区' : 'Region', key: 'regionName', width: 16 },
            { header: zh ? '状态' : 'Status', key: 'isActive', width: 8 },
            { header: zh ? '创建时间' : 'Created at', key: 'createdAt', width: 26 },
          ],
          rows,
        },
      ]);
      return sendXlsx(reply, zh ? '用户.xlsx' : 'users.xlsx', data);
    },
  });

  r.post('/api/users', {
    config: { access: ADMIN },
    schema: {
      tags: ['users'],
      summary: '新建用户 Create a user',
      body: z.object({
        username: z.string().min(1).max(64),
        displayName: z.string().max(64).optional(),
        role: ZRole,
        regionCode: z.string().max(20).nullable().optional(),
        password: z.string().max(256),
      }),
      response: { 200: ZUser },
    },
    handler: async (req) => createUser(ctx.db, actorOf(req), req.body),
  });

  r.patch('/api/users/:id', {
    config: { access: ADMIN },
    schema: {
      tags: ['users'],
      summary: '修改用户 Update a user (role, region, active, reset password)',
      params: z.object({ id: z.coerce.number().int() }),
      body: z.object({
        displayName: z.string().max(64).optional(),
        role: ZRole.optional(),
        regionCode: z.string().max(20).nullable().optional(),
        isActive: z.boolean().optional(),
        password: z.string().max(256).optional(),
      }),
      response: { 200: ZUser },
    },
    handler: async (req) => updateUser(ctx.db, actorOf(req), req.params.id, req.body),
  });
}
