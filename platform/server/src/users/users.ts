/** User accounts: create, update, list. Used by the admin page and by `kechuang user create`. */
import type { z } from 'zod';
import { AppError, BOUND_ROLES, type ZUser } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Actor, Role } from '../auth/roles.ts';
import { hashPassword } from '../auth/passwords.ts';
import { checkNewPassword, passwordPolicyOf, type PasswordPolicy } from '../auth/password-policy.ts';
import { audit, type AuditActor } from '../audit/audit.ts';
import { getRegion } from '../regions/regions.ts';
import { likePattern, limitOffset, orderBy, whereClause, type PageQuery } from '../http/paging.ts';

export type UserView = z.infer<typeof ZUser>;

export interface CreateUserInput {
  username: string;
  displayName?: string;
  role: Role;
  regionCode?: string | null;
  enterpriseId?: number | null;
  carrierId?: number | null;
  password: string;
}

const SELECT = `select u.id, u.username, u.display_name as "displayName", u.role, u.region_code as "regionCode",
  r.name as "regionName", u.enterprise_id as "enterpriseId", u.carrier_id as "carrierId", u.is_active as "isActive", to_json(u.created_at) #>> '{}' as "createdAt"
  from users u left join regions r on r.code = u.region_code`;

/** `policy`: the demo password's admission; by default the one the app registered for `db` (see password-policy.ts). */
export async function createUser(db: Db, actor: AuditActor | null, input: CreateUserInput, policy: PasswordPolicy = passwordPolicyOf(db)): Promise<UserView> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.@-]{2,64}$/.test(username)) {
    throw new AppError('VALIDATION', { message: '用户名只能包含字母、数字和 _ . @ -，2–64 位', details: { field: 'username', value: username } });
  }
  await checkNewPassword(input.password, { field: 'password', username, policy });
  await checkRegion(db, input.role, input.regionCode ?? null);
  checkBinding(input.role, input.enterpriseId ?? null, input.carrierId ?? null);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [exists] = await tx.query('select 1 from users where username = $1', [username]);
    if (exists) throw new AppError('CONFLICT', { message: `用户名 ${username} 已存在`, details: { field: 'username', value: username } });
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into users (username, display_name, role, region_code, enterprise_id, carrier_id, password_hash)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [username, input.displayName?.trim() || username, input.role, input.regionCode ?? null, input.enterpriseId ?? null, input.carrierId ?? null, passwordHash],
    );
    const user = await getUser(tx, id);
    await audit(tx, actor, { action: 'user.create', entity: 'user', entityId: id, regionCode: user.regionCode, after: user });
    return user;
  });
}

export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  regionCode?: string | null;
  isActive?: boolean;
  password?: string;
}

export async function updateUser(db: Db, actor: Actor, id: number, input: UpdateUserInput): Promise<UserView> {
  const before = await getUser(db, id);
  const role = input.role ?? before.role;
  const regionCode = input.regionCode === undefined ? before.regionCode : input.regionCode;
  await checkRegion(db, role, regionCode);
  if (input.password) await checkNewPassword(input.password, { field: 'password', username: before.username, policy: passwordPolicyOf(db) });
  if (id === actor.id && (input.isActive === false || (input.role && input.role !== 'bureauAdmin'))) {
    throw new AppError('VALIDATION', { message: '不能停用自己的账号或取消自己的管理员角色', details: { field: 'role' } });
  }
  if (role !== before.role && (BOUND_ROLES.includes(before.role) || BOUND_ROLES.includes(role))) {
    throw new AppError('VALIDATION', { message: '企业用户、载体填报员的账号与所属企业或载体绑定，不能改为其他角色（也不能由其他角色改成）；请停用后另开账号', details: { field: 'role', value: role } });
  }
  checkBinding(role, before.enterpriseId, before.carrierId);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    await tx.query(
      `update users set display_name = $2, role = $3, region_code = $4, is_active = $5,
         password_hash = coalesce($6, password_hash), updated_at = now() where id = $1`,
      [id, input.displayName?.trim() || before.displayName, role, regionCode, input.isActive ?? before.isActive, passwordHash],
    );
    if (passwordHash || input.isActive === false || input.role || input.regionCode !== undefined) {
      await tx.query('delete from sessions where user_id = $1', [id]);
    }
    const after = await getUser(tx, id);
    await audit(tx, actor, { action: passwordHash ? 'user.update+password' : 'user.update', entity: 'user', entityId: id, regionCode: after.regionCode, before, after });
    return after;
  });
}

export async function getUser(db: Db, id: number): Promise<UserView> {
  const [u] = await db.query<UserView>(`${SELECT} where u.id = $1`, [id]);
  if (!u) throw new AppError('NOT_FOUND', { details: { entity: 'user', id } });
  return u;
}

export async function findUsers(db: Db, q: PageQuery & { role?: Role; regionCode?: string }) {
  const where = whereClause();
  if (q.q) where.add('(u.username ilike ? or u.display_name ilike ?)', likePattern(q.q));
  if (q.role) where.add('u.role = ?', q.role);
  if (q.regionCode) where.add('u.region_code = ?', q.regionCode);
  const { sql: w, params } = where;
  const order = orderBy(q, { username: 'u.username', displayName: 'u.display_name', role: 'u.role', regionCode: 'u.region_code', createdAt: 'u.created_at', isActive: 'u.is_active' }, 'u.id');
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from users u ${w}`, params);
  const items = await db.query<UserView>(`${SELECT} ${w} ${order} ${limitOffset(q)}`, params);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** An enterprise's or a carrier's account is opened from its page, bound to it; the users page cannot make one unbound. */
function checkBinding(role: Role, enterpriseId: number | null, carrierId: number | null): void {
  if (role === 'enterpriseUser' && !enterpriseId) {
    throw new AppError('VALIDATION', { message: '企业用户须属于一家企业：请在该企业的企业画像页开通账号', details: { field: 'role', value: role } });
  }
  if (role === 'carrierUser' && !carrierId) {
    throw new AppError('VALIDATION', { message: '载体填报员须属于一家载体：请在“绩效评价”页该载体的行上开通账号', details: { field: 'role', value: role } });
  }
}

async function checkRegion(db: Db, role: Role, regionCode: string | null): Promise<void> {
  if (role === 'townOfficer' && !regionCode) {
    throw new AppError('VALIDATION', { message: '镇街/园区专员必须指定所属镇街或园区', details: { field: 'regionCode' } });
  }
  if (!regionCode) return;
  const region = await getRegion(db, regionCode);
  if (!region) throw new AppError('REGION_UNKNOWN', { details: { field: 'regionCode', value: regionCode } });
  if (role === 'townOfficer' && region.kind !== 'town' && region.kind !== 'park') {
    throw new AppError('VALIDATION', { message: '镇街/园区专员的地区必须是镇、街道或园区', details: { field: 'regionCode', value: regionCode } });
  }
}
