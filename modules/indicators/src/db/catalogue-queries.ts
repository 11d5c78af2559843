/** The indicator catalogue and plans. */
import { AppError } from '@kechuang/platform-core';
import { likePattern, limitOffset, orderBy, whereClause, type Db, type PageQuery } from '@kechuang/platform-server';
import type { z } from 'zod';
import type { ZIndicator, ZPlan } from '../contract/schemas.ts';

export type Indicator = z.infer<typeof ZIndicator>;
export type Plan = z.infer<typeof ZPlan>;

const INDICATOR_COLUMNS = `code, name_zh as "nameZh", name_en as "nameEn", unit, direction, precision, category,
  definition, data_source as "dataSource", rollup, numerator_code as "numeratorCode",
  denominator_code as "denominatorCode", ratio_scale::float8 as "ratioScale", trajectory,
  is_headline as "isHeadline", sort`;

export async function allIndicators(db: Db): Promise<Indicator[]> {
  return db.query<Indicator>(`select ${INDICATOR_COLUMNS} from indicators order by sort, code`);
}

export async function findIndicators(db: Db, q: PageQuery & { category?: string; headline?: boolean }) {
  const where = whereClause();
  if (q.q) where.add('(code ilike ? or name_zh ilike ? or name_en ilike ?)', likePattern(q.q));
  if (q.category) where.add('category = ?', q.category);
  if (q.headline !== undefined) where.add('is_headline = ?', q.headline);
  const { sql: w, params } = where;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from indicators ${w}`, params);
  const items = await db.query<Indicator>(
    `select ${INDICATOR_COLUMNS} from indicators ${w}
     ${orderBy(q, { code: 'code', nameZh: 'name_zh', unit: 'unit', category: 'category', sort: 'sort' }, 'sort, code')} ${limitOffset(q)}`,
    params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getIndicator(db: Db, code: string): Promise<Indicator> {
  const [i] = await db.query<Indicator>(`select ${INDICATOR_COLUMNS} from indicators where code = $1`, [code]);
  if (!i) throw new AppError('INDICATOR_UNKNOWN', { details: { field: 'indicator', value: code } });
  return i;
}

export async function upsertIndicator(db: Db, i: Indicator): Promise<void> {
  await db.query(
    `insert into indicators (code, name_zh, name_en, unit, direction, precision, category, definition, data_source,
       rollup, numerator_code, denominator_code, ratio_scale, trajectory, is_headline, sort)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en, unit = excluded.unit,
       direction = excluded.direction, precision = excluded.precision, category = excluded.category,
       definition = excluded.definition, data_source = excluded.data_source, rollup = excluded.rollup,
       numerator_code = excluded.numerator_code, denominator_code = excluded.denominator_code,
       ratio_scale = excluded.ratio_scale, trajectory = excluded.trajectory, is_headline = excluded.is_headline,
       sort = excluded.sort`,
    [i.code, i.nameZh, i.nameEn, i.unit, i.direction, i.precision, i.category, i.definition, i.dataSource, i.rollup,
      i.numeratorCode, i.denominatorCode, i.ratioScale, i.trajectory, i.isHeadline, i.sort],
  );
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
    : (year !== undefined ? plans.find((p) => year >= p.startYear && year <= p.endYear) : undefined) ?? plans.find((p) => p.isCurrent) ?? plans[0];
  if (!plan) throw new AppError('PLAN_UNKNOWN', { details: { field: 'plan', value: code ?? null } });
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
