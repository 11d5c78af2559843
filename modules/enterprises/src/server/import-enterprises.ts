/**
 * 企业名录: master data upserted on the USCC, set-based (COPY into a staging table, one statement for
 * the before/after of each changed enterprise, one insert of the new, one update of the changed). An
 * empty cell keeps what the registry holds; name and town are given on every row.
 */
import type { Db, Scope } from '@kechuang/platform-server';
import { enterpriseRowError, type EnterpriseRow, type RowError } from '../domain/import-rows.ts';
import { registeredEnterprises } from './import-lookups.ts';

/** column, the stage's type, the registry's default for a new enterprise when the row leaves it empty */
const COLUMNS: [keyof EnterpriseRow, string, string, string | null][] = [
  ['name', 'name', 'text', null],
  ['regionCode', 'region_code', 'text', null],
  ['address', 'address', 'text', `''`],
  ['foundedOn', 'founded_on', 'date', null],
  ['registeredCapital', 'registered_capital', 'numeric', null],
  ['industryCode', 'industry_code', 'text', null],
  ['hnteField', 'hnte_field', 'text', null],
  ['chainTags', 'chain_tags', 'text[]', `'{}'`],
  ['isAboveScale', 'is_above_scale', 'boolean', 'false'],
  ['isListed', 'is_listed', 'boolean', 'false'],
  ['contactName', 'contact_name', 'text', `''`],
  ['contactPhone', 'contact_phone', 'text', `''`],
  ['contactEmail', 'contact_email', 'text', `''`],
];

/** A town officer may not take over an enterprise registered in another town. */
export async function checkEnterprises(
  db: Db,
  scope: Scope,
  rows: EnterpriseRow[],
  columnName: (f: string) => string,
): Promise<{ errors: RowError[]; ready: EnterpriseRow[] }> {
  const registered = await registeredEnterprises(
    db,
    scope,
    rows.map((r) => r.uscc),
  );
  const errors: RowError[] = [];
  for (const r of rows) {
    const e = registered.get(r.uscc);
    if (e && !e.inScope)
      errors.push(enterpriseRowError(r.row, columnName('uscc'), r.uscc, 'ENT_ROW_REGISTERED_ELSEWHERE', { name: e.name, region: e.regionName }));
  }
  return { errors, ready: rows };
}

const stageValue = (v: EnterpriseRow[keyof EnterpriseRow]): string | null => {
  if (v === null) return null;
  if (Array.isArray(v)) return `{${v.join(',')}}`; // chain codes: letters, digits, _ and -
  return String(v);
};

const jsonOf = (value: (col: string, fallback: string | null) => string) =>
  `jsonb_build_object(${COLUMNS.map(([k, c, , d]) => `'${k}', ${c === 'founded_on' ? `to_char(${value(c, d)}, 'YYYY-MM-DD')` : value(c, d)}`).join(', ')})`;
const orDefault = (expr: string, fallback: string | null) => (fallback ? `coalesce(${expr}, ${fallback})` : expr);

export async function writeEnterprises(tx: Db, run: { id: number }, rows: EnterpriseRow[]): Promise<{ inserted: number; updated: number; affected: number[] }> {
  await tx.query(
    `create temp table if not exists registry_stage_enterprises (row_no int, uscc text, ${COLUMNS.map(([, c, t]) => `${c} ${t}`).join(', ')}) on commit drop`,
  );
  // an import writes in chunks, each staged afresh in the same transaction
  await tx.query('truncate registry_stage_enterprises');
  await tx.copyRows(
    'registry_stage_enterprises',
    ['row_no', 'uscc', ...COLUMNS.map(([, c]) => c)],
    rows.map((r) => [String(r.row), r.uscc, ...COLUMNS.map(([k]) => stageValue(r[k]))]),
  );

  const merged = (c: string) => `coalesce(s.${c}, e.${c})`;
  const differs = `(${COLUMNS.map(([, c]) => merged(c)).join(', ')}) is distinct from (${COLUMNS.map(([, c]) => `e.${c}`).join(', ')})`;
  const [counts] = await tx.query<{ inserted: number; updated: number }>(
    `with c as (
       insert into enterprise_import_changes (import_run_id, uscc, target, key, before, after)
       select $1, s.uscc, 'enterprise', s.uscc,
         case when e.id is null then null else ${jsonOf((c) => `e.${c}`)} end,
         ${jsonOf((c, d) => orDefault(`coalesce(s.${c}, e.${c})`, d))}
       from registry_stage_enterprises s left join enterprises e on e.uscc = s.uscc
       where e.id is null or ${differs}
       returning before is null as inserted)
     select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated from c`,
    [run.id],
  );
  const added = await tx.query<{ id: number }>(
    `insert into enterprises (uscc, ${COLUMNS.map(([, c]) => c).join(', ')})
     select s.uscc, ${COLUMNS.map(([, c, , d]) => orDefault(`s.${c}`, d)).join(', ')}
       from registry_stage_enterprises s where not exists (select 1 from enterprises e where e.uscc = s.uscc)
     order by s.row_no
     returning id`,
  );
  const changed = await tx.query<{ id: number }>(
    `update enterprises e set ${COLUMNS.map(([, c]) => `${c} = ${merged(c)}`).join(', ')}, updated_at = now()
       from registry_stage_enterprises s
      where e.uscc = s.uscc and ${differs}
      returning e.id`,
  );
  return { inserted: counts.inserted, updated: counts.updated, affected: [...added, ...changed].map((r) => Number(r.id)) };
}
