/** Writing a listing's stored reading again, and the vocabulary version the readings were written with (settings, the room's own key). */
import type { Db } from '@kechuang/platform-server';
import type { StoredReading } from '../domain/index.ts';
import type { KindSpec } from './listings.ts';

const KEY = 'marketVocabulary';

export async function readingsVersion(db: Db): Promise<string | null> {
  const [row] = await db.query<{ version: string | null }>(`select value->>'version' as version from settings where key = $1`, [KEY]);
  return row?.version ?? null;
}

export async function setReadingsVersion(db: Db, version: string): Promise<void> {
  await db.query(`insert into settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`, [
    KEY,
    JSON.stringify({ version, at: new Date().toISOString() }),
  ]);
}

/** the ids of a kind's listings after `after`, in id order, `limit` at a time */
export async function listingIdsAfter(db: Db, spec: KindSpec, after: number, limit: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(`select id::int as id from ${spec.table} where id > $1 order by id limit ${limit}`, [after]);
  return rows.map((r) => r.id);
}

export async function writeReading(tx: Db, spec: KindSpec, id: number, r: StoredReading): Promise<void> {
  await tx.query(`update ${spec.table} set terms = $2, term_weights = $3, doc_length = $4, match_field = $5, links = $6, bridged = $7 where id = $1`, [
    id,
    r.terms,
    r.weights,
    r.length,
    r.field,
    r.links,
    JSON.stringify(r.bridged),
  ]);
}
