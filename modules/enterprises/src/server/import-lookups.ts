/**
 * What the registry imports look up once per file: the towns and parks a row may name, the industry
 * chains and HNTE fields, and the enterprises a file's USCCs are registered as.
 */
import { ImportRowsRefused, type Db, type Role, type Scope } from '@kechuang/platform-server';
import { HNTE_FIELDS } from '../contract/schemas.ts';
import { enterpriseRowError, type RegistryImportKind, type RowContext, type RowError } from '../domain/import-rows.ts';

/** Who imports: a signed-in user, or the command line acting for the bureau (role null). */
export interface RegistryImportActor {
  id: number | null;
  username: string;
  role: Role | null;
}

export interface ImportProgress {
  phase: 'read' | 'validate' | 'write' | 'recheck' | 'done';
  done: number;
  /** 0 while the total is not yet known (reading a file) */
  total: number;
}

/** import_runs.kind of each registry import (the table is shared with the indicator imports). */
export const RUN_KINDS: Record<RegistryImportKind, string> = {
  enterprises: 'registryEnterprises',
  years: 'registryYears',
  qualifications: 'registryQualifications',
};

/** Row errors found while writing (rows that clash with what the registry holds): the pipeline rolls back and refuses the file. */
export class RowErrorsFound extends ImportRowsRefused {}

export interface RegionRef {
  code: string;
  name: string;
  inScope: boolean;
}

const inScope = (scope: Scope, path: string) => scope.kind === 'region' && path.startsWith(scope.path);

/**
 * A town, park or the district itself by name (招宝山街道, or 招宝山 when that is unambiguous) or by
 * code. Codes outside the district are looked up too, so that a row can be told it is outside the
 * importer's jurisdiction rather than unknown.
 */
export async function regionResolver(db: Db, scope: Scope, homeRegion: string, texts: Iterable<string>): Promise<(text: string) => RegionRef | undefined> {
  const units = await db.query<{ code: string; name: string; path: string }>(
    `select code, name, path from regions where code = $1 or (parent_code = $1 and kind in ('town', 'park')) order by code`,
    [homeRegion],
  );
  const byCode = new Map<string, RegionRef>();
  const byName = new Map<string, RegionRef | null>();
  for (const u of units) {
    const ref = { code: u.code, name: u.name, inScope: inScope(scope, u.path) };
    byCode.set(u.code, ref);
    byName.set(u.name, ref);
    const short = u.name.replace(/(街道|镇|乡)$/, '');
    if (short !== u.name && short.length >= 2) byName.set(short, byName.has(short) ? null : ref);
  }
  const codes = [...new Set(texts)].filter((t) => /^\d{6,12}$/.test(t) && !byCode.has(t));
  if (codes.length > 0) {
    for (const r of await db.query<{ code: string; name: string }>('select code, name from regions where code = any($1::text[])', [codes])) {
      byCode.set(r.code, { code: r.code, name: r.name, inScope: false });
    }
  }
  return (text) => byCode.get(text.toUpperCase()) ?? byName.get(text) ?? undefined;
}

export async function rowContextLookups(db: Db): Promise<Pick<RowContext, 'chain' | 'hnteField'>> {
  const chains = await db.query<{ code: string; name: string }>('select code, name from industry_chains');
  const chainBy = new Map<string, string>();
  for (const c of chains) {
    chainBy.set(c.code.toLowerCase(), c.code);
    chainBy.set(c.name, c.code);
  }
  const fieldBy = new Map<string, string>();
  for (const [code, label] of Object.entries(HNTE_FIELDS)) {
    fieldBy.set(code.toLowerCase(), code);
    fieldBy.set(label, code);
  }
  return { chain: (t) => chainBy.get(t) ?? chainBy.get(t.toLowerCase()), hnteField: (t) => fieldBy.get(t) ?? fieldBy.get(t.toLowerCase()) };
}

export interface Registered {
  id: number;
  uscc: string;
  name: string;
  regionName: string;
  inScope: boolean;
}

export async function registeredEnterprises(db: Db, scope: Scope, usccs: Iterable<string>): Promise<Map<string, Registered>> {
  const list = [...new Set(usccs)];
  const out = new Map<string, Registered>();
  if (list.length === 0) return out;
  // one JSON text: tens of thousands of rows parse several times faster so on PGlite
  const [{ data }] = await db.query<{ data: string | null }>(
    `select json_agg(json_build_array(e.id, e.uscc, e.name, r.name, r.path))::text as data
       from enterprises e join regions r on r.code = e.region_code where e.uscc = any($1::text[])`,
    [list],
  );
  for (const [id, uscc, name, regionName, path] of JSON.parse(data ?? '[]') as [number, string, string, string, string][]) {
    out.set(uscc, { id, uscc, name, regionName, inScope: inScope(scope, path) });
  }
  return out;
}

/** The row errors of USCCs the registry does not hold, or holds outside the importer's jurisdiction. */
export function registeredOrError(reg: Registered | undefined, row: number, uscc: string, column: string, errors: RowError[]): reg is Registered {
  if (!reg) errors.push(enterpriseRowError(row, column, uscc, 'ENT_ROW_NOT_REGISTERED', { uscc }));
  else if (!reg.inScope) errors.push(enterpriseRowError(row, column, uscc, 'ENT_ROW_OUT_OF_SCOPE', { name: reg.name, region: reg.regionName }));
  else return true;
  return false;
}
