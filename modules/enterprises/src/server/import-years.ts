/**
 * 年度数据: yearly figures upserted on (enterprise, year), set-based. The rows are staged with COPY;
 * one statement records the before/after of every row the import updates, one upserts them (the rows
 * it inserts carry its import_run_id, as indicator_values do). An empty cell
 * keeps the figure on record, so the figures a row ends with are checked once more against each other
 * (sci-tech staff ≤ employees, parts ≤ wholes) before anything is written.
 */
import type { Db, Scope } from '@kechuang/platform-server';
import { AMOUNT_FIELDS, COUNT_FIELDS, enterpriseRowError, figureLabel, FLAG_FIELDS, type RowError, type YearRow } from '../domain/import-rows.ts';
import { registeredEnterprises, registeredOrError, RowErrorsFound } from './import-lookups.ts';

/**
 * A checked row as it is staged (in STAGE_COLUMNS' order, as COPY text), made in the parse worker: a flat
 * array of text reaches the request thread about three times cheaper than the row's nested objects.
 */
export type ReadyYear = (string | null)[];

// in the order of AMOUNT_FIELDS, COUNT_FIELDS and FLAG_FIELDS
const AMOUNT_COLUMNS = [
  'revenue',
  'total_income',
  'high_tech_revenue',
  'rd_expense',
  'rd_expense_domestic',
  'total_cost',
  'total_assets',
  'net_assets',
] as const;
const COUNT_COLUMNS = ['employees', 'sci_tech_staff', 'conversions'] as const;
const FLAG_COLUMNS = ['resident', 'industry_excluded', 'restricted_catalogue', 'dishonesty_listed'] as const;
const FIGURES = [...AMOUNT_COLUMNS, ...COUNT_COLUMNS, ...FLAG_COLUMNS];
const JSON_KEYS = [...AMOUNT_FIELDS, ...COUNT_FIELDS, ...FLAG_FIELDS];
const STAGE_COLUMNS = ['row_no', 'enterprise_id', 'uscc', 'year', ...FIGURES];

function staged(r: YearRow, enterpriseId: number): ReadyYear {
  return [
    String(r.row),
    String(enterpriseId),
    r.uscc,
    String(r.year),
    ...AMOUNT_FIELDS.map((f) => r.amounts[f]),
    ...COUNT_FIELDS.map((f) => (r.counts[f] === null ? null : String(r.counts[f]))),
    ...FLAG_FIELDS.map((f) => (r.flags[f] === null ? null : String(r.flags[f]))),
  ];
}

export async function checkYears(
  db: Db,
  scope: Scope,
  rows: YearRow[],
  columnName: (f: string) => string,
): Promise<{ errors: RowError[]; ready: ReadyYear[] }> {
  const registered = await registeredEnterprises(
    db,
    scope,
    rows.map((r) => r.uscc),
  );
  const errors: RowError[] = [];
  const ready: ReadyYear[] = [];
  for (const r of rows) {
    const e = registered.get(r.uscc);
    if (registeredOrError(e, r.row, r.uscc, columnName('uscc'), errors)) ready.push(staged(r, e.id));
  }
  return { errors, ready };
}

const merged = (c: string) => `coalesce(s.${c}, y.${c})`;
/**
 * The record of a staged row, looked up by the primary key (lateral … limit 1): an import writes in chunks, and
 * a plain join let the planner hash all of enterprise_years for each chunk (PGlite keeps no statistics).
 */
const recordOf = (s: string) => `select * from enterprise_years y where y.enterprise_id = ${s}.enterprise_id and y.year = ${s}.year limit 1`;
/** A year's figures as JSON, keyed as the API names them. */
export const figuresJson = (value: (c: string) => string) => `jsonb_build_object(${FIGURES.map((c, i) => `'${JSON_KEYS[i]}', ${value(c)}`).join(', ')})`;

export async function writeYears(
  tx: Db,
  run: { id: number; userId: number | null },
  rows: ReadyYear[],
  columnName: (f: string) => string,
): Promise<{ inserted: number; updated: number; affected: number[] }> {
  await tx.query(
    `create temp table if not exists registry_stage_years (row_no int, enterprise_id bigint, uscc text, year int,
       ${AMOUNT_COLUMNS.map((c) => `${c} numeric`).join(', ')}, ${COUNT_COLUMNS.map((c) => `${c} int`).join(', ')},
       ${FLAG_COLUMNS.map((c) => `${c} boolean`).join(', ')}) on commit drop`,
  );
  // an import writes in chunks, each staged afresh in the same transaction
  await tx.query('truncate registry_stage_years');
  await tx.copyRows('registry_stage_years', STAGE_COLUMNS, rows);
  // a row's figures, with the ones it leaves empty taken from the record, must still agree with each other
  const PAIRS = [
    ['sciTechStaff', 'sci_tech_staff', 'employees', '科技人员数', '职工总数'],
    ['highTechRevenue', 'high_tech_revenue', 'revenue', '高新技术产品(服务)收入', '营业收入'],
    ['highTechRevenue', 'high_tech_revenue', 'total_income', '高新技术产品(服务)收入', '总收入'],
    ['rdExpenseDomestic', 'rd_expense_domestic', 'rd_expense', '境内研发费用', '研发费用'],
  ] as const;
  const clashes = await tx.query<{ rowNo: number; m: (string | null)[] }>(
    `select s.row_no as "rowNo", array[${PAIRS.map(([, a, b]) => `${merged(a)}::text, ${merged(b)}::text`).join(', ')}] as m
       from registry_stage_years s cross join lateral (${recordOf('s')}) y
      where ${PAIRS.map(([, a, b]) => `${merged(a)} > ${merged(b)}`).join(' or ')}
      order by s.row_no`,
  );
  if (clashes.length > 0) {
    const errors: RowError[] = [];
    for (const c of clashes) {
      PAIRS.forEach(([field, , , small, big], i) => {
        const [a, b] = [c.m[2 * i], c.m[2 * i + 1]];
        if (a !== null && b !== null && Number(a) > Number(b)) {
          errors.push(
            enterpriseRowError(c.rowNo, columnName(field), a, 'ENT_ROW_FIGURE_WOULD_EXCEED', { small: figureLabel(small), a, big: figureLabel(big), b }),
          );
        }
      });
    }
    throw new RowErrorsFound(errors);
  }

  // the before/after of each enterprise-year this import updates; the ones it inserts carry its run id
  // (as the indicator import does: recording 100,000 inserts again as JSON doubled the write)
  const differs = `y.source <> 'import' or not y.confirmed
    or (${FIGURES.map(merged).join(', ')}) is distinct from (${FIGURES.map((c) => `y.${c}`).join(', ')})`;
  await tx.query(
    `insert into enterprise_import_changes (import_run_id, uscc, target, key, before, after)
     select $1, s.uscc, 'year', s.year::text,
       ${figuresJson((c) => `y.${c}`)} || jsonb_build_object('source', y.source, 'confirmed', y.confirmed),
       ${figuresJson(merged)} || jsonb_build_object('source', 'import', 'confirmed', true)
     from registry_stage_years s cross join lateral (${recordOf('s')}) y
     where ${differs}`,
    [run.id],
  );
  const kept = (c: string) => `coalesce(excluded.${c}, enterprise_years.${c})`;
  // xmax = 0 marks a row the upsert inserted; an updated row has the updating transaction's id
  const [counts] = await tx.query<{ inserted: number; updated: number; ids: number[] | null }>(
    `with w as (
       insert into enterprise_years (enterprise_id, year, ${FIGURES.join(', ')}, source, confirmed, import_run_id, updated_by, updated_at)
       select enterprise_id, year, ${FIGURES.join(', ')}, 'import', true, $1, $2, now() from registry_stage_years
       on conflict (enterprise_id, year) do update set ${FIGURES.map((c) => `${c} = ${kept(c)}`).join(', ')},
         source = 'import', confirmed = true, import_run_id = excluded.import_run_id, updated_by = excluded.updated_by, updated_at = excluded.updated_at
       where enterprise_years.source <> 'import' or not enterprise_years.confirmed
         or (${FIGURES.map(kept).join(', ')}) is distinct from (${FIGURES.map((c) => `enterprise_years.${c}`).join(', ')})
       returning enterprise_id, xmax = 0 as inserted)
     select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated, array_agg(distinct enterprise_id) as ids from w`,
    [run.id, run.userId],
  );
  return { inserted: counts.inserted, updated: counts.updated, affected: (counts.ids ?? []).map(Number) };
}
