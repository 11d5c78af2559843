import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAuditEntry } from '@kechuang/platform-core';
import type { AppContext } from '../http/context.ts';
import { likePattern, limitOffset, orderBy, ZPage, ZPageQuery, type PageQuery } from '../http/paging.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import { writeXlsx } from '../excel/write-xlsx.ts';
import type { Db } from '../db/db.ts';

const ZAuditQuery = ZPageQuery.extend({
  username: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
type AuditQuery = z.infer<typeof ZAuditQuery>;

async function findAudit(db: Db, q: AuditQuery & PageQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (q.username) add('username = ?', q.username);
  if (q.action) add('action like ?', `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (q.entity) add('entity = ?', q.entity);
  if (q.entityId) add('entity_id = ?', q.entityId);
  if (q.from) add(`at >= ?::date`, q.from);
  if (q.to) add(`at < ?::date + 1`, q.to);
  if (q.q) add('(action ilike ? or entity_id ilike ? or before::text ilike ? or after::text ilike ?)', likePattern(q.q));
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from audit_log ${w}`, params);
  const items = await db.query(
    `select id, to_json(at) #>> '{}' as at, username, action, entity, entity_id as "entityId", region_code as "regionCode", before, after
       from audit_log ${w} ${orderBy(q, { at: 'at', username: 'username', action: 'action', entity: 'entity' }, 'id desc')} ${limitOffset(q)}`,
    params,
  );
  return { items: items as z.infer<typeof ZAuditEntry>[], total, page: q.page, pageSize: q.pageSize };
}

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
      const rows = items.map((e) => ({ ...e, before: e.before == null ? '' : JSON.stringify(e.before), after: e.after == null ? '' : JSON.stringify(e.after) }));
      const data = await writeXlsx([{
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
      }]);
      return sendXlsx(reply, '审计日志.xlsx', data);
    },
  });
}
