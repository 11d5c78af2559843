/** The indicator catalogue and plans. */
import { indicatorError } from '../server/errors.ts';
import { likePattern, limitOffset, orderBy, whereClause, type Db, type PageQuery } from '@kechuang/platform-server';
import type { z } from 'zod';
import type { ZCatalogueItem, ZIndicator, ZPlan } from '../contract/schemas.ts';
import { BASELINE_WINDOW } from './value-queries.ts';

export type Indicator = z.infer<typeof ZIndicator>;
export type CatalogueItem = z.infer<typeof ZCatalogueItem>;
export type Plan = z.infer<typeof ZPlan>;

const INDICATOR_COLUMNS = `code, name_zh as "nameZh", name_en as "nameEn", unit, direction, precision, category,
  definition, data_source as "dataSource", rollup, numerator_code as "numeratorCode",
  denominator_code as "denominatorCode", ratio_scale::float8 as "ratioScale", trajectory,
  is_headline as "isHeadline", sort, computed_basis as "computedBasis"`;

export async function allIndicators(db: Db): Promise<Indicator[]> {
  return db.query<Indicator>(`select ${INDICATOR_COLUMNS} from indicators order by sort, code`);
}

/**
 * The plans an indicator belongs to: those it has a baseline for (in the years just before the plan, as the
 * reports read it) or a target within — in any region.
 */
const PLANS_OF = `array(select p.code from plans p where exists (
    select 1 from indicator_values v where v.indicator_code = indicators.code and (
      (v.kind = 'baseline' and v.year between p.start_year - ${BASELINE_WINDOW} and p.start_year - 1)
      or (v.kind = 'target' and v.year between p.start_year and p.end_year)))
  order by p.start_year desc) as plans`;

export async function findIndicators(
  db: Db,
  q: PageQuery & { category?: string; headline?: boolean },
): Promise<{ items: CatalogueItem[]; total: number; page: number; pageSize: number }> {
  const where = whereClause();
  if (q.q) where.add('(code ilike ? or name_zh ilike ? or name_en ilike ?)', likePattern(q.q));
  if (q.category) where.add('category = ?', q.category);
  if (q.headline !== undefined) where.add('is_headline = ?', q.headline);
  const { sql: w, params } = where;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from indicators ${w}`, params);
  const items = await db.query<CatalogueItem>(
    `select ${INDICATOR_COLUMNS}, ${PLANS_OF} from indicators ${w}
     ${orderBy(q, { code: 'code', nameZh: 'name_zh', unit: 'unit', category: 'category', sort: 'sort' }, 'sort, code')} ${limitOffset(q)}`,
    params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getIndicator(db: Db, code: string): Promise<Indicator> {
  const [i] = await db.query<Indicator>(`select ${INDICATOR_COLUMNS} from indicators where code = $1`, [code]);
  if (!i) throw indicatorError('INDICATOR_UNKNOWN', { details: { field: 'indicator', value: code } });
  return i;
}

/** An entry as the catalogue takes it: `computedBasis` left out keeps the stored one (or none, for a new entry). */
export type IndicatorEntry = Omit<Indicator, 'computedBasis'> & { computedBasis?: string };

/** an entry's insert, its values in the order of entryParams; no computed basis is stored as '' */
const INSERT_ENTRY = `insert into indicators (code, name_zh, name_en, unit, direction, precision, category, definition, data_source,
       rollup, numerator_code, denominator_code, ratio_scale, trajectory, is_headline, sort, computed_basis)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, coalesce($17, ''))`;

const entryParams = (i: IndicatorEntry) => [
  i.code,
  i.nameZh,
  i.nameEn,
  i.unit,
  i.direction,
  i.precision,
  i.category,
  i.definition,
  i.dataSource,
  i.rollup,
  i.numeratorCode,
  i.denominatorCode,
  i.ratioScale,
  i.trajectory,
  i.isHeadline,
  i.sort,
  i.computedBasis ?? null,
];

export async function upsertIndicator(db: Db, i: IndicatorEntry): Promise<void> {
  await db.query(
    `${INSERT_ENTRY}
     on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en, unit = excluded.unit,
       direction = excluded.direction, precision = excluded.precision, category = excluded.category,
       definition = excluded.definition, data_source = excluded.data_source, rollup = excluded.rollup,
       numerator_code = excluded.numerator_code, denominator_code = excluded.denominator_code,
       ratio_scale = excluded.ratio_scale, trajectory = excluded.trajectory, is_headline = excluded.is_headline,
       sort = excluded.sort, computed_basis = coalesce($17, indicators.computed_basis)`,
    entryParams(i),
  );
}

/**
 * Adds the entries the catalogue lacks and leaves every existing one as it is (a bureau may have edited it),
 * but gives an existing entry without a computed basis the one offered. For upgrading a demo catalogue.
 */
export async function insertMissingIndicators(db: Db, entries: Indicator[]): Promise<number> {
  let added = 0;
  for (const i of entries) {
    const [row] = await db.query<{ code: string }>(`${INSERT_ENTRY} on conflict do nothing returning code`, entryParams(i));
    if (row) added++;
    else if (i.computedBasis) await db.query(`update indicators set computed_basis = $2 where code = $1 and computed_basis = ''`, [i.code, i.computedBasis]);
  }
  return added;
}

const PLAN_COLUMNS = `code, name, start_year as "startYear", end_year as "endYear",
  yellow_threshold::float8 as "yellowThreshold", is_current as "isCurrent"`;

export async function allPlans(db: Db): Promise<Plan[]> {
  return db.query<Plan>(`select ${PLAN_COLUMNS} from plans order by start_year desc`);
}

/** The named plan, or the current one, or the one whose years contain `year`. */
export async function resolvePlan(db: Db, code: string | undefined, year?: number): Promise<Plan> {
  const plans = await allPlans(db);
  const plan = code
    ? plans.find((p) => p.code === code)
    : ((year !== undefined ? plans.find((p) => year >= p.startYear && year <= p.endYear) : undefined) ?? plans.find((p) => p.isCurrent) ?? plans[0]);
  if (!plan) throw indicatorError('PLAN_UNKNOWN', { details: { field: 'plan', value: code ?? null } });
  return plan;
}

export async function upsertPlan(db: Db, p: Plan): Promise<void> {
  if (p.isCurrent) await db.query('update plans set is_current = false where code <> $1', [p.code]);
  await db.query(
    `insert into plans (code, name, start_year, end_year, yellow_threshold, is_current) values ($1, $2, $3, $4, $5, $6)
     on conflict (code) do update set name = excluded.name, start_year = excluded.start_year, end_year = excluded.end_year,
       yellow_threshold = excluded.yellow_threshold, is_current = excluded.is_current`,
    [p.code, p.name, p.startYear, p.endYear, p.yellowThreshold, p.isCurrent],
  );
}
