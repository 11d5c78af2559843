/** Saved schemes (evaluation_schemes): the list, one scheme, and the writes (audited by the caller). */
import { likePattern, limitOffset, orderBy, whereClause, type Db } from '@kechuang/platform-server';
import type { z } from 'zod';
import type { PresetCode, RawScheme, ZSchemeQuery } from '../contract/schemas.ts';

export interface SchemeRow {
  id: number;
  name: string;
  description: string;
  preset: PresetCode | null;
  scheme: RawScheme;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

const COLUMNS = `s.id, s.name, s.description, s.preset, s.scheme, cu.username as "createdBy", cu.display_name as "createdByName", to_json(s.created_at) #>> '{}' as "createdAt",
  uu.username as "updatedBy", uu.display_name as "updatedByName", to_json(s.updated_at) #>> '{}' as "updatedAt"`;
const FROM = 'evaluation_schemes s left join users cu on cu.id = s.created_by left join users uu on uu.id = s.updated_by';

export async function findSchemeRows(db: Db, q: z.infer<typeof ZSchemeQuery>): Promise<{ items: SchemeRow[]; total: number }> {
  const where = whereClause();
  if (q.q) where.add('(s.name ilike ? or s.description ilike ?)', likePattern(q.q));
  if (q.preset) where.add(`coalesce(s.preset, 'upload') = ?`, q.preset);
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from evaluation_schemes s ${where.sql}`, where.params);
  const items = await db.query<SchemeRow>(
    `select ${COLUMNS} from ${FROM} ${where.sql} ${orderBy(q, { name: 's.name', updatedAt: 's.updated_at', preset: 's.preset' }, 's.updated_at desc, s.id desc')} ${limitOffset(q)}`,
    where.params,
  );
  return { items, total };
}

export async function getSchemeRow(db: Db, id: number, forUpdate = false): Promise<SchemeRow | undefined> {
  const [row] = await db.query<SchemeRow>(`select ${COLUMNS} from ${FROM} where s.id = $1 ${forUpdate ? 'for update of s' : ''}`, [id]);
  return row;
}

export interface SchemeWrite {
  name: string;
  description: string;
  preset: PresetCode | null;
  scheme: RawScheme;
}

export async function insertScheme(tx: Db, s: SchemeWrite, userId: number): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into evaluation_schemes (name, description, preset, scheme, created_by, updated_by) values ($1, $2, $3, $4, $5, $5) returning id`,
    [s.name, s.description, s.preset, JSON.stringify(s.scheme), userId],
  );
  return row.id;
}

export async function updateScheme(tx: Db, id: number, s: SchemeWrite, userId: number): Promise<void> {
  await tx.query(`update evaluation_schemes set name = $2, description = $3, preset = $4, scheme = $5, updated_by = $6, updated_at = now() where id = $1`, [
    id,
    s.name,
    s.description,
    s.preset,
    JSON.stringify(s.scheme),
    userId,
  ]);
}

export async function deleteScheme(tx: Db, id: number): Promise<void> {
  await tx.query('delete from evaluation_schemes where id = $1', [id]);
}
