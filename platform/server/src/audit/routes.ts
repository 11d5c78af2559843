import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditEntry } from '@kechuang/platform-core';
import type { AppContext } from '../http/context.ts';
import { ZPage } from '../http/paging.ts';
import { findAudit, ZAuditQuery } from './find-audit.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
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
      const data = await writeXlsx([
        {
          name: '审计日志',
          columns: [
            { header: '时间', key: 'at', width: 26 },
            { header: '用户', key: 'username', width: 14 },
            { header: '操作', key: 'action', width: 24 },
            { header: '对象', key: 'entity', width: 16 },
            { header: '对象编号', key: 'entityId', width: 16 },
            { header: '地区', key: 'regionCode', width: 12 },
            { header: '修改前', key: 'before', width: 60 },
            { header: '修改后', key: 'after', width: 60 },
          ],
          rows,
        },
      ]);
      return sendXlsx(reply, '审计日志.xlsx', data);
    },
  });
}
