/** The registry list: search by name or USCC, filter by town, tier, chain, above-scale, field; paged and sorted on the server. */
import type { z } from 'zod';
import { likePattern, limitOffset, orderBy, whereClause, type Db, type Scope } from '@kechuang/platform-server';
import type { ZEnterpriseListItem, ZEnterpriseQuery } from '../contract/schemas.ts';
import { addScope } from '../db/scope.ts';

export type EnterpriseListItem = z.infer<typeof ZEnterpriseListItem>;
export type EnterpriseQuery = z.infer<typeof ZEnterpriseQuery>;

export async function findEnterprises(db: Db, scope: Scope, q: EnterpriseQuery, onDate: string) {
  const where = whereClause([onDate]);
  addScope(where, scope);
  if (q.q) where.add('(e.name ilike ? or e.uscc ilike ?)', likePattern(q.q));
  if (q.region) where.add('e.region_code = ?', q.region);
  if (q.tier) where.add('enterprise_tier(e.id, $1::date) = ?', q.tier);
  if (q.chain) where.add('? = any(e.chain_tags)', q.chain);
  if (q.aboveScale !== undefined) where.add('e.is_above_scale = ?', q.aboveScale);
  if (q.hnteField) where.add('e.hnte_field = ?', q.hnteField);
  const from = `from enterprises e join regions r on r.code = e.region_code ${where.sql}`;
  // $1 (the date of the tier) is named in the count too, so it has a type whether or not a tier filter uses it
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total, $1::date as "onDate" ${from}`, where.params);
  const items = await db.query<EnterpriseListItem>(
    `select e.id, e.uscc, e.name, e.region_code as "regionCode", r.name as "regionName", e.industry_code as "industryCode",
       e.hnte_field as "hnteField", e.chain_tags as "chainTags", e.is_above_scale as "isAboveScale", e.is_listed as "isListed",
       enterprise_tier(e.id, $1::date) as tier, y.year as "latestYear", y.revenue::float8 as revenue, y.rd_expense::float8 as "rdExpense",
       e.is_synthetic as "isSynthetic"
     from enterprises e join regions r on r.code = e.region_code
       left join lateral (select * from enterprise_years y where y.enterprise_id = e.id order by y.year desc limit 1) y on true
     ${where.sql}
     ${orderBy(q, { name: 'e.name', uscc: 'e.uscc', regionCode: 'e.region_code', revenue: 'y.revenue', rdExpense: 'y.rd_expense', latestYear: 'y.year' }, 'e.region_code, e.name, e.id')}
     ${limitOffset(q)}`,
    where.params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}
