/**
 * Who sees which enterprises: a bureau or town account the enterprises registered in its region's
 * subtree (towns, parks); an enterprise account its own enterprise only. Every registry query adds this
 * condition on `e` (enterprises) joined with `r` (its region).
 */
import { enterpriseError } from '../server/errors.ts';
import { boundIdOf, type Db, type Scope } from '@kechuang/platform-server';

/** the kind of bound account an enterprise's own account is (server/bound-kind.ts) */
export const ENTERPRISE_KIND = 'enterprise';

/** the enterprise an enterprise account belongs to; null for any other scope (a carrier's account sees no enterprise) */
export const ownEnterpriseOf = (scope: Scope): number | null => boundIdOf(scope, ENTERPRISE_KIND);

export interface Where {
  add(condition: string, value: unknown): void;
}

export function addScope(where: Where, scope: Scope): void {
  if (scope.kind === 'region') where.add('r.path like ?', `${scope.path}%`);
  else where.add('e.id = ?', ownEnterpriseOf(scope) ?? -1);
}

/**
 * The region codes of a region scope. Listing them (`e.region_code = any(...)`) lets the planner
 * estimate rows from the statistics of enterprises.region_code; a region-path prefix on a joined
 * table made it expect a handful of rows and sort 100,000 for a page of 20 on PostgreSQL.
 */
export async function regionCodesInScope(db: Db, scope: Scope & { kind: 'region' }): Promise<string[]> {
  const rows = await db.query<{ code: string }>('select code from regions where path like $1', [`${scope.path}%`]);
  return rows.map((r) => r.code);
}

export interface EnterpriseRef {
  id: number;
  uscc: string;
  name: string;
  regionCode: string;
}

/** The enterprise if the scope may see it; otherwise 404, so another town's enterprise is not even confirmed to exist. */
export async function visibleEnterprise(db: Db, scope: Scope, id: number): Promise<EnterpriseRef> {
  const [e] = await db.query<EnterpriseRef & { path: string }>(
    `select e.id, e.uscc, e.name, e.region_code as "regionCode", r.path from enterprises e join regions r on r.code = e.region_code where e.id = $1`,
    [id],
  );
  const visible = e && (scope.kind === 'region' ? e.path.startsWith(scope.path) : ownEnterpriseOf(scope) === e.id);
  if (!visible) throw enterpriseError('ENT_NOT_FOUND', { details: { field: 'id', value: id } });
  return { id: e.id, uscc: e.uscc, name: e.name, regionCode: e.regionCode };
}
