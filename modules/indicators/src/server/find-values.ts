/** The values list (every baseline, target and actual in the viewer's jurisdiction), paged and filtered. */
import type { z } from 'zod';
import type { ZValueRow } from '../contract/schemas.ts';
import { likePattern, limitOffset, orderBy, whereClause, type Db, type PageQuery, type Scope } from '@kechuang/platform-server';

export interface ValueFilter {
  region?: string;
  indicator?: string;
  period?: string;
  kind?: 'baseline' | 'target' | 'actual';
  source?: string;
}

export type ValueRow = z.infer<typeof ZValueRow>;

export async function findValues(db: Db, scope: Scope, q: PageQuery & ValueFilter) {
  if (scope.kind !== 'region') return { items: [] as ValueRow[], total: 0, page: q.page, pageSize: q.pageSize };
  const where = whereClause();
  const params = where.params;
  where.add('r.path like ?', `${scope.path}%`);
  if (q.region) where.add('v.region_code = ?', q.region);
  if (q.indicator) where.add('v.indicator_code = ?', q.indicator);
  if (q.period) where.add('v.period = ?', q.period);
  if (q.kind) where.add('v.kind = ?', q.kind);
  if (q.source) where.add('v.source = ?', q.source);
  if (q.q) where.add('(i.name_zh ilike ? or i.code ilike ? or r.name ilike ?)', likePattern(q.q));
  const from = `from indicator_values v join regions r on r.code = v.region_code join indicators i on i.code = v.indicator_code
    left join users u on u.id = v.updated_by ${where.sql}`;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total ${from}`, params);
  const items = await db.query<ValueRow>(
    `select v.region_code as "regionCode", r.name as "regionName", v.indicator_code as "indicatorCode", i.name_zh as "indicatorName",
       i.unit, i.precision, v.kind, v.period, v.value::text as value, v.source, to_json(v.updated_at) #>> '{}' as "updatedAt", u.username as "updatedBy"
     ${from}
     ${orderBy(q, { regionCode: 'v.region_code', indicatorCode: 'i.sort', period: 'v.period', kind: 'v.kind', value: 'v.value', updatedAt: 'v.updated_at', source: 'v.source' }, 'v.region_code, i.sort, v.kind, v.period')}
     ${limitOffset(q)}`,
    params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}
