/**
 * Carriers (产业技术研究院, 孵化器, 众创空间) and their yearly figures (migrations/0008_carriers.sql, 0009):
 * reads for the carrier routes and, through `carrierFigures` and `carrierYears`, for the evaluation room's
 * performance-review preset, within a region subtree. The carriers room alone writes these tables.
 */
import { boundAccountCounts, type Db } from '@kechuang/platform-server';
import type { Carrier } from '../contract/carriers.ts';
import type { CarrierKind, FigureSource } from '../domain/index.ts';
import { CARRIER_KIND } from '../server/bound-kind.ts';

export type CarrierRow = Carrier;

const CARRIER_COLUMNS = `c.id::int as id, c.name, c.kind, c.level, c.region_code as "regionCode", r.name as "regionName", c.created_at::text as "createdAt"`;

/** How many active accounts each carrier has (the platform counts them: users is its table). */
const accountCounts = (db: Db, rows: readonly { id: number }[]) =>
  boundAccountCounts(
    db,
    CARRIER_KIND,
    rows.map((r) => r.id),
  );

/** The carriers of these kinds in the subtree, with how many figures each has of `year` (0 without a year). */
export async function listCarriers(db: Db, pathPrefix: string, kinds?: readonly CarrierKind[], year?: number): Promise<(CarrierRow & { reported: number })[]> {
  const rows = await db.query<Omit<CarrierRow, 'accounts'> & { reported: number }>(
    `select ${CARRIER_COLUMNS}, (select count(*) from carrier_figures f where f.carrier_id = c.id and f.year = $3)::int as reported
       from carriers c join regions r on r.code = c.region_code
      where r.path like $1 and ($2::text[] is null or c.kind = any($2)) order by c.kind, c.name, c.id`,
    [`${pathPrefix}%`, kinds ?? null, year ?? null],
  );
  const accounts = await accountCounts(db, rows);
  return rows.map(({ reported, ...c }) => ({ ...c, accounts: accounts.get(c.id) ?? 0, reported }));
}

export async function getCarrier(db: Db, id: number): Promise<(CarrierRow & { regionPath: string }) | undefined> {
  const rows = await db.query<Omit<CarrierRow, 'accounts'> & { regionPath: string }>(
    `select ${CARRIER_COLUMNS}, r.path as "regionPath" from carriers c join regions r on r.code = c.region_code where c.id = $1`,
    [id],
  );
  const accounts = await accountCounts(db, rows);
  return rows.map(({ regionPath, ...c }) => ({ ...c, accounts: accounts.get(c.id) ?? 0, regionPath }))[0];
}

export interface CarrierFigureRow {
  carrierId: number;
  indicator: string;
  value: number;
  source: FigureSource;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

export async function figuresOf(db: Db, carrierId: number, year: number): Promise<CarrierFigureRow[]> {
  return db.query<CarrierFigureRow>(
    `select f.carrier_id::int as "carrierId", f.indicator, f.value::float8 as value, f.source, u.username as "updatedBy", u.display_name as "updatedByName", f.updated_at::text as "updatedAt"
       from carrier_figures f left join users u on u.id = f.updated_by
      where f.carrier_id = $1 and f.year = $2 order by f.indicator`,
    [carrierId, year],
  );
}

/** The carriers of these kinds in the subtree, and all their figures of the year (the preset's input). */
export async function carrierFigures(
  db: Db,
  pathPrefix: string,
  kinds: readonly CarrierKind[],
  year: number,
): Promise<{ carriers: CarrierRow[]; figures: CarrierFigureRow[] }> {
  const carriers = await listCarriers(db, pathPrefix, kinds);
  const figures =
    carriers.length === 0
      ? []
      : await db.query<CarrierFigureRow>(
          `select f.carrier_id::int as "carrierId", f.indicator, f.value::float8 as value, f.source, null as "updatedBy", null as "updatedByName", f.updated_at::text as "updatedAt"
       from carrier_figures f where f.carrier_id = any($1::bigint[]) and f.year = $2`,
          [carriers.map((c) => c.id), year],
        );
  return { carriers, figures };
}

/** The years with carrier figures, newest first. */
export async function carrierYears(db: Db): Promise<string[]> {
  const rows = await db.query<{ year: number }>('select distinct year from carrier_figures order by year desc');
  return rows.map((r) => String(r.year));
}

export interface FigureWrite {
  carrierId: number;
  code: string;
  /** null removes the figure */
  value: number | null;
}

/** Writes figures of a year as `source` by this user: an upsert per value, a delete per null (the form, the import). */
export async function writeFigures(tx: Db, year: number, writes: FigureWrite[], source: CarrierFigureRow['source'], userId: number): Promise<void> {
  const removed = writes.filter((w) => w.value === null);
  const kept = writes.filter((w) => w.value !== null);
  if (removed.length > 0) {
    await tx.query(
      'delete from carrier_figures f using unnest($1::bigint[], $2::text[]) as t (c, i) where f.carrier_id = t.c and f.indicator = t.i and f.year = $3',
      [removed.map((w) => w.carrierId), removed.map((w) => w.code), year],
    );
  }
  if (kept.length > 0) {
    await tx.query(
      `insert into carrier_figures (carrier_id, year, indicator, value, source, updated_by, updated_at)
       select c, $4, i, v, $5, $6, now() from unnest($1::bigint[], $2::text[], $3::numeric[]) as t (c, i, v)
       on conflict (carrier_id, year, indicator) do update set value = excluded.value, source = excluded.source, updated_by = excluded.updated_by, updated_at = now()`,
      [kept.map((w) => w.carrierId), kept.map((w) => w.code), kept.map((w) => w.value), year, source, userId],
    );
  }
}
