/** Institutes (高校、科研院所、产业技术研究院 …): the owners of achievements and of their experts (migration 0017). */
import { boundAccountCounts, type Db } from '@kechuang/platform-server';
import type { Institute } from '../contract/market.ts';
import { INSTITUTE_KIND } from '../server/bound-kind.ts';

const COLUMNS = `i.id::int as id, i.name, i.kind, i.uscc, i.region_code as "regionCode", g.name as "regionName", i.contact, i.is_synthetic as "isSynthetic"`;

export async function listInstitutes(db: Db, path: string | null): Promise<Institute[]> {
  const rows = await db.query<Omit<Institute, 'accounts'>>(
    `select ${COLUMNS} from institutes i join regions g on g.code = i.region_code ${path === null ? '' : 'where g.path like $1'} order by i.id`,
    path === null ? [] : [`${path}%`],
  );
  const counts = await boundAccountCounts(
    db,
    INSTITUTE_KIND,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, accounts: counts.get(r.id) ?? 0 }));
}

export async function getInstitute(db: Db, id: number): Promise<(Institute & { regionPath: string }) | null> {
  const [row] = await db.query<Omit<Institute, 'accounts'> & { regionPath: string }>(
    `select ${COLUMNS}, g.path as "regionPath" from institutes i join regions g on g.code = i.region_code where i.id = $1`,
    [id],
  );
  if (!row) return null;
  const counts = await boundAccountCounts(db, INSTITUTE_KIND, [id]);
  return { ...row, accounts: counts.get(id) ?? 0 };
}

export async function instituteNamed(db: Db, name: string): Promise<number | null> {
  const [row] = await db.query<{ id: number }>('select id::int as id from institutes where name = $1', [name]);
  return row?.id ?? null;
}

export async function insertInstitute(
  tx: Db,
  i: { name: string; kind: string; uscc: string | null; regionCode: string; contact: string; isSynthetic?: boolean },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'insert into institutes (name, kind, uscc, region_code, contact, is_synthetic) values ($1, $2, $3, $4, $5, $6) returning id::int as id',
    [i.name, i.kind, i.uscc, i.regionCode, i.contact, i.isSynthetic ?? false],
  );
  return row.id;
}

/** whether the market holds any listing or institute (the demo seeds an empty market only) */
export async function hasMarket(db: Db): Promise<boolean> {
  const [row] = await db.query('select 1 from institutes union all select 1 from demands limit 1');
  return !!row;
}
