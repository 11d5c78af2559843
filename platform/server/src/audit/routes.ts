import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditEntry } from '@kechuang/platform-core';
import type { AppContext } from '../http/context.ts';
import { ZPage } from '../http/paging.ts';
import { findAudit, ZAuditQuery } from './find-audit.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import { requestLang } from '../http/request-lang.ts';
import { writeXlsx } from '../excel/write-xlsx.ts';

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { roles: ['bureauAdmin'] as const };

  r.get('/api/audit', {
    config: { access },
    schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: ZAuditQuery, response: { 200: ZPage(ZAuditEntry) } },
    handler: async (req) => findAudit(ctx.db, { ...req.query, order: req.query.sort ? req.query.order : 'descend', sort: req.query.sort ?? 'at' }),
  });

  r.get('/api/audit/export', {
    config: { access },
    schema: { tags: ['audit'], summary: '导出审计日志 Export the audit log (.xlsx)', querystring: ZAuditQuery },
    handler: async (req, reply) => {
      const { items } = await findAudit(ctx.db, { ...req.query, page: 1, pageSize: 100_000, order: 'descend', sort: 'at' });
      const rows = items.map((e) => ({
        ...e,
        before: e.before == null ? '' : JSON.stringify(e.before),
        after: e.after == null ? '' : JSON.stringify(e.after),
      }));
      const zh = requestLang(req) === 'zh';
      const data = await writeXlsx([
        {
          name: zh ? '审计日志' : 'Audit log',
          columns: [
            { header: zh ? '时间' : 'Time', key: 'at', width: 26 },
            { header: zh ? '用户' : 'User', key: 'username', width: 14 },
            { header: zh ? '操作' : 'Action', key: 'action', width: 24 },
            { header: zh ? '对象' : 'Entity', key: 'entity', width: 16 },
            { header: zh ? '对象编号' : 'Entity ID', key: 'entityId', width: 16 },
            { header: zh ? '地区' : 'Region', key: 'regionCode', width: 12 },
            { header: zh ? '修改前' : 'Before', key: 'before', width: 60 },
            { header: zh ? '修改后' : 'After', key: 'after', width: 60 },
          ],
          rows,
        },
      ]);
      return sendXlsx(reply, zh ? '审计日志.xlsx' : 'audit-log.xlsx', data);
    },
  });
}
