/**
 * Kinds of bound account: a login tied to one record of a room (an enterprise's account, a carrier's reporter,
 * and the kinds to come). The room registers its kind once, when its server module loads; the platform then
 * stores the binding (users.bound_kind, bound_id; migration 0015), checks it when an account is opened, resolves
 * the scope at sign-in and shows the kinds on the admin pages, without naming any of them. Adding a kind is a
 * room's registration, the delete trigger on its table (see the migration) and its pages.
 */
import { AppError, isBoundRoleName, isPlatformRole, type BoundRole, type Role } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Scope } from './roles.ts';

/** what the platform needs to know of a bound record */
export interface BoundRecord {
  id: number;
  name: string;
  regionCode: string | null;
}

export interface BoundKind {
  /** stored in users.bound_kind; also the scope's boundKind */
  kind: string;
  /** the role of its accounts: one kind, one role */
  role: BoundRole;
  /** what the record is called, for the admin pages and messages: { zh: '企业', en: 'Enterprise' } */
  label: { zh: string; en: string };
  /** the role's name on the users page and in its export (zh) */
  roleLabel: string;
  /** where an administrator opens such an account (the users page cannot make one unbound), for the refusal's message */
  opensFrom: string;
  /** the records behind some ids, by id; an id without a record is left out */
  findRecords(db: Db, ids: readonly number[]): Promise<Map<number, BoundRecord>>;
  /** the name `/api/auth/me` and `/api/users` gave the record's id before bound kinds (e.g. 'enterpriseId') */
  legacyIdField?: string;
}

const kinds = new Map<string, BoundKind>();

/** Registers a kind; registering the same definition again is harmless, a second definition of a kind or role is a mistake. */
export function registerBoundKind(k: BoundKind): void {
  if (!isBoundRoleName(k.role)) throw new Error(`bound kind ${k.kind}: its role must be named <something>User`);
  const same = kinds.get(k.kind) ?? [...kinds.values()].find((x) => x.role === k.role);
  if (same && same !== k) throw new Error(`bound kind ${k.kind} (role ${k.role}) is registered twice`);
  kinds.set(k.kind, k);
}

export function boundKinds(): BoundKind[] {
  return [...kinds.values()];
}

export const boundKindOfRole = (role: Role): BoundKind | undefined => [...kinds.values()].find((k) => k.role === role);
export const boundKindNamed = (kind: string): BoundKind | undefined => kinds.get(kind);

/** a platform role, or the role of a registered kind */
export const isKnownRole = (role: string): role is Role => isPlatformRole(role) || [...kinds.values()].some((k) => k.role === role);

/** The id of the record an actor's scope is bound to, if it is bound to one of `kind`; null for anyone else. */
export function boundIdOf(scope: Scope, kind: string): number | null {
  return scope.kind === 'bound' && scope.boundKind === kind ? scope.boundId : null;
}

/** The record an account of `role` is to be bound to, checked: it must exist. */
export async function checkBoundRecord(db: Db, role: Role, boundId: number | null): Promise<BoundKind | null> {
  const kind = boundKindOfRole(role);
  if (!kind) {
    if (!isPlatformRole(role)) throw new AppError('VALIDATION', { message: `未知角色 ${role}`, details: { field: 'role', value: role } });
    if (boundId !== null) throw new AppError('VALIDATION', { message: '只有绑定到某条记录的账号才有所属记录', details: { field: 'boundId', value: boundId } });
    return null;
  }
  if (boundId === null) {
    throw new AppError('VALIDATION', { message: `${kind.roleLabel}须属于一个${kind.label.zh}：${kind.opensFrom}`, details: { field: 'role', value: role } });
  }
  const found = await kind.findRecords(db, [boundId]);
  if (!found.has(boundId)) throw new AppError('NOT_FOUND', { message: `${kind.label.zh}不存在`, details: { entity: kind.kind, id: boundId } });
  return kind;
}

/** The records some accounts are bound to, by kind and id (one query per kind present). */
export async function boundRecords(db: Db, bindings: readonly { boundKind: string | null; boundId: number | null }[]): Promise<Map<string, BoundRecord>> {
  const out = new Map<string, BoundRecord>();
  for (const k of kinds.values()) {
    const ids = [...new Set(bindings.filter((b) => b.boundKind === k.kind && b.boundId !== null).map((b) => b.boundId as number))];
    if (ids.length === 0) continue;
    for (const [id, record] of await k.findRecords(db, ids)) out.set(`${k.kind}:${id}`, record);
  }
  return out;
}

/** enterpriseId, carrierId …: the binding under the names of the API before bound kinds */
export function legacyBoundIds(boundKind: string | null, boundId: number | null): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of kinds.values()) if (k.legacyIdField) out[k.legacyIdField] = k.kind === boundKind ? boundId : null;
  return out;
}

/*
 * The accounts bound to a room's records, for the room that owns the records: `users` is the platform's
 * table (platform/server/src/db/tables.ts), so a room counts, lists or moves its records' accounts here.
 */

/** How many active accounts are bound to each of these records of `kind` (records without any are absent). */
export async function boundAccountCounts(db: Db, kind: string, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: number; n: number }>(
    'select bound_id::int as id, count(*)::int as n from users where bound_kind = $1 and bound_id = any($2::bigint[]) and is_active group by bound_id',
    [kind, ids],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The ids of the active accounts bound to one record of `kind`. */
export async function activeBoundAccounts(db: Db, kind: string, id: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>('select id::int as id from users where bound_kind = $2 and bound_id = $1 and is_active', [id, kind]);
  return rows.map((r) => r.id);
}

/** Moves the accounts bound to one record of `kind` under its new region (where the users page lists them). */
export async function moveBoundAccounts(tx: Db, kind: string, id: number, regionCode: string): Promise<void> {
  await tx.query('update users set region_code = $2, updated_at = now() where bound_kind = $3 and bound_id = $1', [id, regionCode, kind]);
}
