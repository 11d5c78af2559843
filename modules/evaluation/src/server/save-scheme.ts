/** Saving, changing and deleting a scheme (评价体系): checked first, then one transaction with its audit row. */
import { evaluationError } from './errors.ts';
import { audit, bumpVersion, type Actor, type Db } from '@kechuang/platform-server';
import type { SchemeInput } from '../contract/schemas.ts';
import type { SchemeWarning } from '../domain/index.ts';
import { deleteScheme, getSchemeRow, insertScheme, updateScheme } from '../db/scheme-queries.ts';
import { checkScheme } from './check-scheme.ts';

const notFound = (id: number) => evaluationError('EVAL_SCHEME_NOT_FOUND', { params: { id }, details: { field: 'id', value: id } });

export async function createScheme(db: Db, actor: Actor, input: SchemeInput): Promise<{ id: number; warnings: SchemeWarning[] }> {
  const { warnings } = await checkScheme(db, input.scheme, input.preset);
  return db.transaction(async (tx) => {
    const id = await insertScheme(tx, input, actor.id);
    await audit(tx, actor, { action: 'evaluationScheme.create', entity: 'evaluationScheme', entityId: id, after: input });
    await bumpVersion(tx, 'evaluation');
    return { id, warnings };
  });
}

export async function changeScheme(db: Db, actor: Actor, id: number, input: SchemeInput): Promise<{ id: number; warnings: SchemeWarning[] }> {
  const { warnings } = await checkScheme(db, input.scheme, input.preset);
  return db.transaction(async (tx) => {
    const before = await getSchemeRow(tx, id, true);
    if (!before) throw notFound(id);
    await updateScheme(tx, id, input, actor.id);
    await audit(tx, actor, {
      action: 'evaluationScheme.update',
      entity: 'evaluationScheme',
      entityId: id,
      before: { name: before.name, description: before.description, preset: before.preset, scheme: before.scheme },
      after: input,
    });
    await bumpVersion(tx, 'evaluation');
    return { id, warnings };
  });
}

/** Runs keep their own frozen copy of the scheme, so deleting it changes no run. */
export async function removeScheme(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getSchemeRow(tx, id, true);
    if (!before) throw notFound(id);
    await deleteScheme(tx, id);
    await audit(tx, actor, {
      action: 'evaluationScheme.delete',
      entity: 'evaluationScheme',
      entityId: id,
      before: { name: before.name, preset: before.preset, scheme: before.scheme },
    });
    await bumpVersion(tx, 'evaluation');
  });
}

export async function getScheme(db: Db, id: number) {
  const row = await getSchemeRow(db, id);
  if (!row) throw notFound(id);
  return { ...row, leafCount: leafCount(row.scheme) };
}

/** Leaves in a raw scheme (nested or flat), for the list; 0 when it cannot be read. */
export function leafCount(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null) return 0;
  const r = raw as { root?: unknown; nodes?: unknown };
  if (Array.isArray(r.nodes)) return r.nodes.filter((n) => typeof n === 'object' && n !== null && 'indicator' in n).length;
  const count = (n: unknown, depth: number): number => {
    if (typeof n !== 'object' || n === null || depth > 50) return 0;
    if ('indicator' in n) return 1;
    const ch = (n as { children?: unknown }).children;
    return Array.isArray(ch) ? ch.reduce((a: number, c) => a + count(c, depth + 1), 0) : 0;
  };
  return count(r.root, 0);
}
