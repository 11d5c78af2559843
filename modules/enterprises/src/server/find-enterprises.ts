/**
 * The registry list: search by name or USCC, filter by town, tier, chain, above-scale, field; paged and
 * sorted on the server, scoped to the caller's jurisdiction.
 *
 * Built to stay cheap over 100,000 enterprises on the embedded database, where every query runs one at a
 * time (issue 15 item 7):
 * - the scope names the region codes (`e.region_code = any(…)`) rather than a path prefix on a joined
 *   `regions`, so the page walks `enterprises_list_idx` (region_code, name, id; migration 0013) in the
 *   default order and stops after one page, and the count reads enterprises alone;
 * - the page is chosen first and only its rows get their region name, latest year and tier (an inline
 *   subquery on `qualifications`, not the SQL function `enterprise_tier()` called per row); a tier
 *   filter is an (anti-)semi-join on the qualifications valid that day;
 * - a search term of two characters or more is looked up by its two-character pieces in a GIN index
 *   (migration 0016: `enterprises.search_grams`), then matched with LIKE; a term without upper/lower
 *   case (Chinese, digits) with LIKE, which is the same as ILIKE for it and several times cheaper on
 *   non-ASCII text;
 * - the count and each page are cached per data version of the registry and of the regions (see
 *   list-cache.ts) and per scope, the count once for all pages of one filter.
 */
import type { z } from 'zod';
import { currentVersion, likePattern, limitOffset, orderBy, type Db, type Scope } from '@kechuang/platform-server';
import type { ZEnterpriseListItem, ZEnterpriseQuery } from '../contract/schemas.ts';
import { TIERS } from '../domain/tier.ts';
import { ownEnterpriseOf, regionCodesInScope } from '../db/scope.ts';
import { cachedList } from './list-cache.ts';

export type EnterpriseListItem = z.infer<typeof ZEnterpriseListItem>;
export type EnterpriseQuery = z.infer<typeof ZEnterpriseQuery>;
export interface EnterprisePage {
  items: EnterpriseListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** pages up to this size are cached (the web asks 10–100); the export's one big page is not */
const CACHED_PAGE_SIZE = 100;

const ENTERPRISE_SORTS = { name: 'e.name', uscc: 'e.uscc', regionCode: 'e.region_code' };
const YEAR_SORTS = { revenue: 'y.revenue', rdExpense: 'y.rd_expense', latestYear: 'y.year' };
const SORTS: Record<string, string> = { ...ENTERPRISE_SORTS, ...YEAR_SORTS };
const DEFAULT_ORDER = 'e.region_code, e.name, e.id';
const LATEST_YEAR = `left join lateral (select y.year, y.revenue, y.rd_expense from enterprise_years y where y.enterprise_id = e.id order by y.year desc limit 1) y on true`;
/** active and within its validity on $1 (the same test as enterprise_tier() and domain/tier.ts isValidOn) */
const VALID_ON = `q.enterprise_id = e.id and q.status = 'active' and $1::date between q.issued_on and q.valid_until`;
const TIER_ARRAY = `array[${TIERS.map((t) => `'${t}'`).join(', ')}]`;
/** the highest qualification valid on $1 as its place on the ladder (TIERS), 1 (none) without one */
const TIER_RANK = `left join lateral (select max(array_position(${TIER_ARRAY}, q.kind)) as rank from qualifications q where ${VALID_ON}) t on true`;

/**
 * The data versions the list depends on, as read with the request's session (dataVersionOf): the
 * registry's, and the regions' (a park's rename changes the region names on a page). Read here when
 * not given.
 */
export interface ListVersions {
  enterprises?: number;
  regions?: number;
}

export async function findEnterprises(db: Db, scope: Scope, query: EnterpriseQuery, onDate: string, versions: ListVersions = {}): Promise<EnterprisePage> {
  // a sort key that is no column sorts in the default order (an own key only: `constructor` is none)
  const q = { ...query, sort: query.sort !== undefined && Object.hasOwn(SORTS, query.sort) ? query.sort : undefined };
  const v = `${versions.enterprises ?? (await currentVersion(db, 'enterprises'))}.${versions.regions ?? (await currentVersion(db, 'regions'))}`;
  const scopeKey = scope.kind === 'region' ? scope.path : `${scope.boundKind}:${scope.boundId}`;
  const countKey = JSON.stringify([v, onDate, scopeKey, q.q ?? '', q.region ?? '', q.tier ?? '', q.chain ?? '', q.aboveScale ?? '', q.hnteField ?? '']);
  const compute = async (): Promise<EnterprisePage> => {
    const where = await whereOf(db, scope, q, onDate);
    const [total, items] = await Promise.all([cachedList(db, `count|${countKey}`, () => countEnterprises(db, where)), pageOfEnterprises(db, where, q)]);
    return { items, total, page: q.page, pageSize: q.pageSize };
  };
  if (q.pageSize > CACHED_PAGE_SIZE) return compute();
  return cachedList(db, `page|${countKey}|${q.sort ?? ''}|${q.order}|${q.page}|${q.pageSize}`, compute);
}

interface Where {
  sql: string;
  /** $1 is the date of the tiers, then one parameter per condition with a value */
  params: unknown[];
}

/** The scope and the filters as conditions on `e` (enterprises). */
async function whereOf(db: Db, scope: Scope, q: EnterpriseQuery, onDate: string): Promise<Where> {
  const params: unknown[] = [onDate];
  const conditions: string[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    conditions.push(condition.replaceAll('?', `$${params.length}`));
  };
  // the scope's region codes as a value the planner sees (a town's one code walks the index; a path
  // prefix on a joined regions, or the codes from a subquery, made it scan every enterprise)
  if (scope.kind === 'region') add('e.region_code = any(?::text[])', await regionCodesInScope(db, scope));
  else add('e.id = ?', ownEnterpriseOf(scope) ?? -1);
  if (q.q) {
    // the term's two-character pieces pick the candidates from the GIN index (migration 0016); the LIKE
    // below decides. A one-character term has no pieces and is matched against every name.
    if ([...q.q].length >= 2) add('e.search_grams @> array_remove(search_grams(?), right(lower(?), 1))', q.q);
    // LIKE is ILIKE for a term in which nothing has case (Chinese, digits), without lower-casing every name
    const caseless = q.q.toLowerCase() === q.q && q.q.toUpperCase() === q.q;
    add(caseless ? '(e.name like ? or e.uscc like ?)' : '(e.name ilike ? or e.uscc ilike ?)', likePattern(q.q));
  }
  if (q.region) add('e.region_code = ?', q.region);
  if (q.tier) conditions.push(tierCondition(q.tier));
  if (q.chain) add('? = any(e.chain_tags)', q.chain);
  if (q.aboveScale !== undefined) add('e.is_above_scale = ?', q.aboveScale);
  if (q.hnteField) add('e.hnte_field = ?', q.hnteField);
  return { sql: `where ${conditions.join(' and ')}`, params };
}

/** The tier on $1 as a filter: a qualification of that kind valid on the date and none of a higher one. */
function tierCondition(tier: EnterpriseQuery['tier'] & string): string {
  const higher = TIERS.slice(TIERS.indexOf(tier) + 1).map((k) => `'${k}'`);
  const noneHigher = higher.length ? `not exists (select 1 from qualifications q where ${VALID_ON} and q.kind in (${higher.join(', ')}))` : 'true';
  return tier === 'none' ? noneHigher : `exists (select 1 from qualifications q where ${VALID_ON} and q.kind = '${tier}') and ${noneHigher}`;
}

async function countEnterprises(db: Db, where: Where): Promise<number> {
  // $1 (the date of the tiers) is named here too, so it has a type whether or not a tier filter uses it
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total, $1::date as "onDate" from enterprises e ${where.sql}`, where.params);
  return total;
}

async function pageOfEnterprises(db: Db, where: Where, q: EnterpriseQuery): Promise<EnterpriseListItem[]> {
  const byYear = q.sort !== undefined && Object.hasOwn(YEAR_SORTS, q.sort);
  const order = orderBy(q, SORTS, DEFAULT_ORDER);
  // the page first (in the default order straight off the index), then its rows' region, latest year and tier
  return db.query<EnterpriseListItem>(
    `select e.id, e.uscc, e.name, e.region_code as "regionCode", r.name as "regionName", e.industry_code as "industryCode",
       e.hnte_field as "hnteField", e.chain_tags as "chainTags", e.is_above_scale as "isAboveScale", e.is_listed as "isListed",
       (${TIER_ARRAY})[coalesce(t.rank, 1)] as tier, y.year as "latestYear", y.revenue::float8 as revenue, y.rd_expense::float8 as "rdExpense",
       e.is_synthetic as "isSynthetic"
     from (select e.id, e.uscc, e.name, e.region_code, e.industry_code, e.hnte_field, e.chain_tags, e.is_above_scale, e.is_listed, e.is_synthetic
             from enterprises e ${byYear ? LATEST_YEAR : ''}
           ${where.sql}
           ${order}
           ${limitOffset(q)}) e
       join regions r on r.code = e.region_code
       ${LATEST_YEAR}
       ${TIER_RANK}
     ${order}`,
    where.params,
  );
}
