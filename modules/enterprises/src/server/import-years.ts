/**
 * 年度数据: yearly figures upserted on (enterprise, year), set-based. The rows are staged with COPY;
 * one statement records the before/after of every row that changes, one upserts them. An empty cell
 * keeps the figure on record, so the figures a row ends with are checked once more against each other
 * (sci-tech staff ≤ employees, parts ≤ wholes) before anything is written.
 */
import type { Db, Scope } from '@kechuang/platform-server';
import { AMOUNT_FIELDS, COUNT_FIELDS, type RowError, type YearRow } from '../domain/import-rows.ts';
import { registeredEnterprises, registeredOrError, RowErrorsFound } from './import-lookups.ts';

export type ReadyYear = YearRow & { enterpriseId: number };

const AMOUNT_COLUMNS = ['revenue', 'high_tech_revenue', 'rd_expense', 'rd_expense_domestic', 'total_cost', 'total_assets', 'net_assets'] as const;
const COUNT_COLUMNS = ['employees', 'sci_tech_staff', 'conversions'] as const;
const FIGURES = [...AMOUNT_COLUMNS, ...COUNT_COLUMNS];
const JSON_KEYS = [...AMOUNT_FIELDS, ...COUNT_FIELDS];

export async function checkYears(db: Db, scope: Scope, rows: YearRow[], columnName: (f: string) => string): Promise<{ errors: RowError[]; ready: ReadyYear[] }> {
  const registered = await registeredEnterprises(db, scope, rows.map((r) => r.uscc));
  const errors: RowError[] = [];
  const ready: ReadyYear[] = [];
  for (const r of rows) {
    const e = registered.get(r.uscc);
    if (registeredOrError(e, r.row, r.uscc, columnName('uscc'), errors)) ready.push({ ...r, enterpriseId: e.id });
  }
  return { errors, ready };
}

const merged = (c: string) => `coalesce(s.${c}, y.${c})`;
const figuresJson = (value: (c: string) => string) => `jsonb_build_object(${FIGURES.map((c, i) => `'${JSON_KEYS[i]}', ${value(c)}`).join(', ')})`;

export async function writeYears(
  tx: Db,
  run: { id: number; userId: number | null },
  rows: ReadyYear[],
  columnName: (f: string) => string,
): Promise<{ inserted: number; updated: number; affected: number[] }> {
  await tx.query(
    `create temp table registry_stage_years (row_no int, enterprise_id bigint, uscc text, year int,
       ${AMOUNT_COLUMNS.map((c) => `${c} numeric`).join(', ')}, ${COUNT_COLUMNS.map((c) => `${c} int`).join(', ')}) on commit drop`,
  );
  await tx.copyRows(
    'registry_stage_years',
    ['row_no', 'enterprise_id', 'uscc', 'year', ...FIGURES],
    rows.map((r) => [
      String(r.row), String(r.enterpriseId), r.uscc, String(r.year),
      ...AMOUNT_FIELDS.map((f) => r.amounts[f]),
      ...COUNT_FIELDS.map((f) => (r.counts[f] === null ? null : String(r.counts[f]))),
    ]),
  );
  const join = 'registry_stage_years s left join enterprise_years y on y.enterprise_id = s.enterprise_id and y.year = s.year';

  // a row's figures with the ones it leaves empty taken from the record must still agree with each other
  const clashes = await tx.query<{ rowNo: number; field: string; small: string; big: string }>(
    `select row_no as "rowNo", field, small::text, big::text from (
       select s.row_no, 'sciTechStaff' as field, ${merged('sci_tech_staff')}::numeric as small, ${merged('employees')}::numeric as big from ${join} where y.enterprise_id is not null
       union all select s.row_no, 'highTechRevenue', ${merged('high_tech_revenue')}, ${merged('revenue')} from ${join} where y.enterprise_id is not null
       union all select s.row_no, 'rdExpenseDomestic', ${merged('rd_expense_domestic')}, ${merged('rd_expense')} from ${join} where y.enterprise_id is not null
     ) c where small > big order by row_no`,
  );
  if (clashes.length > 0) {
    const label: Record<string, [string, string]> = {
      sciTechStaff: ['科技人员数', '职工总数'],
      highTechRevenue: ['高新技术产品(服务)收入', '营业收入'],
      rdExpenseDomestic: ['境内研发费用', '研发费用'],
    };
    throw new RowErrorsFound(clashes.map((c) => ({
      row: c.rowNo, column: columnName(c.field), value: c.small,
      reason: `${label[c.field][0]}（${c.small}）将大于${label[c.field][1]}（${c.big}，含企业库已有数据）`,
    })));
  }

  const changed = `y.enterprise_id is null or y.source <> 'import' or not y.confirmed
    or (${FIGURES.map(merged).join(', ')}) is distinct from (${FIGURES.map((c) => `y.${c}`).join(', ')})`;
  const [counts] = await tx.query<{ inserted: number; updated: number }>(
    `with c as (
       insert into enterprise_import_changes (import_run_id, uscc, target, key, before, after)
       select $1, s.uscc, 'year', s.year::text,
         case when y.enterprise_id is null then null else ${figuresJson((c) => `y.${c}`)} || jsonb_build_object('source', y.source, 'confirmed', y.confirmed) end,
         ${figuresJson(merged)} || jsonb_build_object('source', 'import', 'confirmed', true)
       from ${join} where ${changed}
       returning before is null as inserted)
     select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated from c`,
    [run.id],
  );
  const kept = (c: string) => `coalesce(excluded.${c}, enterprise_years.${c})`;
  const [written] = await tx.query<{ ids: number[] | null }>(
    `with w as (
       insert into enterprise_years (enterprise_id, year, ${FIGURES.join(', ')}, source, confirmed, import_run_id, updated_by, updated_at)
       select enterprise_id, year, ${FIGURES.join(', ')}, 'import', true, $1, $2, now() from registry_stage_years
       on conflict (enterprise_id, year) do update set ${FIGURES.map((c) => `${c} = ${kept(c)}`).join(', ')},
         source = 'import', confirmed = true, import_run_id = excluded.import_run_id, updated_by = excluded.updated_by, updated_at = excluded.updated_at
       where enterprise_years.source <> 'import' or not enterprise_years.confirmed
         or (${FIGURES.map(kept).join(', ')}) is distinct from (${FIGURES.map((c) => `enterprise_years.${c}`).join(', ')})
       returning enterprise_id)
     select array_agg(distinct enterprise_id) as ids from w`,
    [run.id, run.userId],
  );
  return { inserted: counts.inserted, updated: counts.updated, affected: (written.ids ?? []).map(Number) };
}
