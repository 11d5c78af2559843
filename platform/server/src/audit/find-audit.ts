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
  // a person is found by username or by name
  if (q.username) where.add('(a.username = ? or a.user_id in (select id from users where display_name = ?))', q.username);
  if (q.action) where.add('a.action like ?', `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (q.entity) where.add('a.entity = ?', q.entity);
  if (q.entityId) where.add('a.entity_id = ?', q.entityId);
  if (q.from) where.add(`a.at >= ?::date`, q.from);
  if (q.to) where.add(`a.at < ?::date + 1`, q.to);
  if (q.q) where.add('(a.action ilike ? or a.entity_id ilike ? or a.before::text ilike ? or a.after::text ilike ?)', likePattern(q.q));
  const w = where.sql;
  const params = where.params;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from audit_log a ${w}`, params);
  const items = await db.query(
    `select a.id, to_json(a.at) #>> '{}' as at, a.username, u.display_name as "displayName", a.action, a.entity, a.entity_id as "entityId",
            a.region_code as "regionCode", r.name as "regionName", a.before, a.after
       from audit_log a left join users u on u.id = a.user_id left join regions r on r.code = a.region_code
     ${w} ${orderBy(q, { at: 'a.at', username: 'a.username', action: 'a.action', entity: 'a.entity' }, 'a.id desc')} ${limitOffset(q)}`,
    params,
  );
  return { items: items as z.infer<typeof ZAuditEntry>[], total, page: q.page, pageSize: q.pageSize };
}
