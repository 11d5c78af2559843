/** User accounts: create, update, list. Used by the admin page and by `kechuang user create`. */
import type { z } from 'zod';
import { AppError, isPlatformRole, type ZUser } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Actor, Role } from '../auth/roles.ts';
import { hashPassword } from '../auth/passwords.ts';
import { forgetSessionMemory } from '../auth/session-memory.ts';
import { boundRecords, checkBoundRecord, legacyBoundIds } from '../auth/bound-kinds.ts';
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
  /** the record an account of a bound role belongs to (its kind is the role's, see bound-kinds.ts) */
  boundId?: number | null;
  password: string;
}

const SELECT = `select u.id, u.username, u.display_name as "displayName", u.role, u.region_code as "regionCode",
  r.name as "regionName", u.bound_kind as "boundKind", u.bound_id as "boundId", u.is_active as "isActive", to_json(u.created_at) #>> '{}' as "createdAt"
  from users u left join regions r on r.code = u.region_code`;

/** `policy`: the demo password's admission; by default the one the app registered for `db` (see password-policy.ts). */
export async function createUser(db: Db, actor: AuditActor | null, input: CreateUserInput, policy: PasswordPolicy = passwordPolicyOf(db)): Promise<UserView> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.@-]{2,64}$/.test(username)) {
    throw new AppError('VALIDATION', {
      message: { zh: '用户名只能包含字母、数字和 _ . @ -，2–64 位', en: 'A username has 2–64 letters, digits and _ . @ -' },
      details: { field: 'username', value: username },
    });
  }
  await checkNewPassword(input.password, { field: 'password', username, policy });
  await checkRegion(db, input.role, input.regionCode ?? null);
  const kind = await checkBoundRecord(db, input.role, input.boundId ?? null);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [exists] = await tx.query('select 1 from users where username = $1', [username]);
    if (exists)
      throw new AppError('CONFLICT', {
        message: { zh: `用户名 ${username} 已存在`, en: `The username ${username} is taken` },
        details: { field: 'username', value: username },
      });
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into users (username, display_name, role, region_code, bound_kind, bound_id, password_hash)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [username, input.displayName?.trim() || username, input.role, input.regionCode ?? null, kind?.kind ?? null, kind ? input.boundId : null, passwordHash],
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
    throw new AppError('VALIDATION', {
      message: { zh: '不能停用自己的账号或取消自己的管理员角色', en: 'You cannot deactivate your own account or drop your own admin role' },
      details: { field: 'role' },
    });
  }
  if (role !== before.role && (!isPlatformRole(before.role) || !isPlatformRole(role))) {
    throw new AppError('VALIDATION', {
      message: {
        zh: '绑定到某条记录的账号（如企业用户、载体填报员）不能改为其他角色，其他角色也不能改成它；请停用后另开账号',
        en: "An account bound to one record (an enterprise user, a carrier's reporter) keeps its role, and no other account takes it: deactivate it and open another",
      },
      details: { field: 'role', value: role },
    });
  }
  await checkBoundRecord(db, role, before.boundId);
  if (input.isActive && !before.isActive && before.boundKind !== null && before.boundId === null) {
    throw new AppError('VALIDATION', {
      message: { zh: '该账号所属的记录已删除，不能再启用', en: 'The record this account belonged to is deleted: it cannot be activated again' },
      details: { field: 'isActive' },
    });
  }
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
    forgetSessionMemory(); // the name or role a remembered session shows (auth/session-memory.ts)
    const after = await getUser(tx, id);
    await audit(tx, actor, {
      action: passwordHash ? 'user.update+password' : 'user.update',
      entity: 'user',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
    return after;
  });
}

type UserRow = Omit<UserView, 'boundName'>;

export async function getUser(db: Db, id: number): Promise<UserView> {
  const [u] = await db.query<UserRow>(`${SELECT} where u.id = $1`, [id]);
  if (!u) throw new AppError('NOT_FOUND', { details: { entity: 'user', id } });
  return (await withBindings(db, [u]))[0];
}

/** each account with its record's name, and the binding under the API's names of before bound kinds */
async function withBindings(db: Db, users: UserRow[]): Promise<UserView[]> {
  const records = await boundRecords(db, users);
  return users.map((u) => ({ ...u, boundName: records.get(`${u.boundKind}:${u.boundId}`)?.name ?? null, ...legacyBoundIds(u.boundKind, u.boundId) }));
}

export async function findUsers(db: Db, q: PageQuery & { role?: Role; regionCode?: string }) {
  const where = whereClause();
  if (q.q) where.add('(u.username ilike ? or u.display_name ilike ?)', likePattern(q.q));
  if (q.role) where.add('u.role = ?', q.role);
  if (q.regionCode) where.add('u.region_code = ?', q.regionCode);
  const { sql: w, params } = where;
  const order = orderBy(
    q,
    { username: 'u.username', displayName: 'u.display_name', role: 'u.role', regionCode: 'u.region_code', createdAt: 'u.created_at', isActive: 'u.is_active' },
    'u.id',
  );
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from users u ${w}`, params);
  const items = await withBindings(db, await db.query<UserRow>(`${SELECT} ${w} ${order} ${limitOffset(q)}`, params));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function checkRegion(db: Db, role: Role, regionCode: string | null): Promise<void> {
  if (role === 'townOfficer' && !regionCode) {
    throw new AppError('VALIDATION', {
      message: { zh: '镇街/园区专员必须指定所属镇街或园区', en: 'A town officer needs a town or park' },
      details: { field: 'regionCode' },
    });
  }
  if (!regionCode) return;
  const region = await getRegion(db, regionCode);
  if (!region) throw new AppError('REGION_UNKNOWN', { details: { field: 'regionCode', value: regionCode } });
  if (role === 'townOfficer' && region.kind !== 'town' && region.kind !== 'park') {
    throw new AppError('VALIDATION', {
      message: { zh: '镇街/园区专员的地区必须是镇、街道或园区', en: "A town officer's region must be a town, subdistrict or park" },
      details: { field: 'regionCode', value: regionCode },
    });
  }
}
