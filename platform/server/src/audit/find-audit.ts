/** The audit log, paged and filtered by user, action (prefix), entity, dates and free text. */
import { z } from 'zod';
import type { ZAuditEntry } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import { likePattern, limitOffset, orderBy, whereClause, ZPageQuery, type PageQuery } from '../http/paging.ts';

export const ZAuditQuery = ZPageQuery.extend({
  username: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
type AuditQuery = z.infer<typeof ZAuditQuery>;

export async function findAudit(db: Db, q: AuditQuery & PageQuery) {
  const where = whereClause();
  if (q.username) where.add('username = ?', q.username);
  if (q.action) where.add('action like ?', `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (q.entity) where.add('entity = ?', q.entity);
  if (q.entityId) where.add('entity_id = ?', q.entityId);
  if (q.from) where.add(`at >= ?::date`, q.from);
  if (q.to) where.add(`at < ?::date + 1`, q.to);
  if (q.q) where.add('(action ilike ? or entity_id ilike ? or before::text ilike ? or after::text ilike ?)', likePattern(q.q));
  const w = where.sql;
  const params = where.params;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from audit_log ${w}`, params);
  const items = await db.query(
    `select id, to_json(at) #>> '{}' as at, username, action, entity, entity_id as "entityId", region_code as "regionCode", before, after
       from audit_log ${w} ${orderBy(q, { at: 'at', username: 'username', action: 'action', entity: 'entity' }, 'id desc')} ${limitOffset(q)}`,
    params,
  );
  return { items: items as z.infer<typeof ZAuditEntry>[], total, page: q.page, pageSize: q.pageSize };
}
