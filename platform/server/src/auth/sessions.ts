/**
 * Sessions live in the database (any instance can serve any request): the cookie carries a random
 * token, the table its SHA-256. Login is throttled per username and address, and per address, also in the
 * database (login-throttle.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Actor, Role, Scope } from './roles.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { beginLoginAttempt, loginSucceeded, purgeLoginAttempts } from './login-throttle.ts';
import { forgetSessionMemory, memoryGeneration, remember, rememberedSession, rememberedVersions, rememberVersions } from './session-memory.ts';

export const SESSION_COOKIE = 'kc_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  region_code: string | null;
  bound_kind: string | null;
  bound_id: number | null;
  password_hash: string;
  is_active: boolean;
}

export async function login(
  db: Db,
  input: { username: string; password: string; ip: string },
  opts: { sessionHours: number; maxFailures: number; homeRegion: string },
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const username = input.username.trim();
  const attempt = await beginLoginAttempt(db, username, input.ip, opts.maxFailures);
  if (attempt.id % 1000 === 0) await purgeLoginAttempts(db);
  const [user] = await db.query<UserRow & ScopeRegionRow>(
    `select u.*, r.code as scope_code, r.name as scope_name, r.path as scope_path
       from users u left join regions r on r.code = ${SCOPE_REGION_SQL} where u.username = $1`,
    [username, opts.homeRegion],
  );
  // the hash runs for unknown and inactive usernames too, so the answer takes as long as for a real account
  const matches = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!matches || !user || !user.is_active) throw new AppError('LOGIN_FAILED');
  await loginSucceeded(db, attempt);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + opts.sessionHours * 3600_000);
  await db.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [sha256(token), user.id, expiresAt]);
  // housekeeping on the rare path: expired sessions, and attempts older than the throttle looks back
  await db.query('delete from sessions where expires_at < now()');
  await purgeLoginAttempts(db);
  return { token, actor: toActor(user), expiresAt };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [sha256(token)]);
  forgetSessionMemory();
}

type SessionRow = UserRow & ScopeRegionRow & { expires_at: Date };
const VERSIONS_SQL = `select coalesce(json_object_agg(room, version), '{}') from data_versions`;
// json arrives parsed from one driver and as text from the other
const parsedVersions = (v: Record<string, number> | string) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, number>) : v);

/**
 * The actor behind a session token, or an UNAUTHENTICATED error saying why. One query answers the
 * session, the user, the scope's region and the rooms' data versions (which cached reports are keyed by);
 * on the embedded database the answers are kept in memory for a moment (session-memory.ts).
 */
export async function actorForToken(db: Db, token: string | undefined, homeRegion: string): Promise<{ actor: Actor; dataVersions: Record<string, number> }> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const tokenHash = sha256(token);
  const embedded = db.kind === 'embedded';
  const since = memoryGeneration();
  let row = embedded ? rememberedSession<SessionRow>(db, tokenHash) : undefined;
  let dataVersions = embedded ? rememberedVersions(db) : null;
  if (row && !dataVersions) {
    const [v] = await db.query<{ versions: Record<string, number> | string }>(`select (${VERSIONS_SQL}) as versions`);
    dataVersions = parsedVersions(v.versions);
    rememberVersions(db, since, dataVersions);
  } else if (!row) {
    const [found] = await db.query<SessionRow & { versions: Record<string, number> | string }>(
      `select u.*, s.expires_at, r.code as scope_code, r.name as scope_name, r.path as scope_path, (${VERSIONS_SQL}) as versions
         from sessions s join users u on u.id = s.user_id
         left join regions r on r.code = ${SCOPE_REGION_SQL}
        where s.token_hash = $1`,
      [tokenHash, homeRegion],
    );
    if (!found) throw new AppError('UNAUTHENTICATED');
    const { versions, ...rest } = found;
    row = rest;
    dataVersions = parsedVersions(versions);
    if (embedded) remember(db, since, tokenHash, row, dataVersions);
  }
  if (new Date(row.expires_at).getTime() < Date.now())
    throw new AppError('UNAUTHENTICATED', {
      message: { zh: '会话已过期，请重新登录', en: 'The session has expired: please sign in again' },
      details: { reason: 'expired' },
    });
  if (!row.is_active)
    throw new AppError('UNAUTHENTICATED', { message: { zh: '账号已停用', en: 'The account is deactivated' }, details: { reason: 'inactive' } });
  return { actor: toActor(row), dataVersions: dataVersions! };
}

export async function revokeSessions(db: Db, userId: number, exceptToken?: string): Promise<void> {
  await db.query('delete from sessions where user_id = $1 and token_hash <> $2', [userId, exceptToken ? sha256(exceptToken) : '']);
  forgetSessionMemory();
}

/** The region a user's scope is: a town officer's town or park; anyone else's own region, or the home district. */
const SCOPE_REGION_SQL = `case when u.role = 'townOfficer' then u.region_code else coalesce(u.region_code, $2) end`;

interface ScopeRegionRow {
  scope_code: string | null;
  scope_name: string | null;
  scope_path: string | null;
}

function toActor(u: UserRow & ScopeRegionRow): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    regionCode: u.region_code,
    boundKind: u.bound_kind,
    boundId: u.bound_id === null ? null : Number(u.bound_id),
    scope: scopeFor(u),
  };
}

function scopeFor(u: UserRow & ScopeRegionRow): Scope {
  // a bound account's region is its record's, copied onto the account when it is opened (and kept by the room)
  if (u.bound_kind !== null)
    return { kind: 'bound', boundKind: u.bound_kind, boundId: u.bound_id === null ? null : Number(u.bound_id), regionCode: u.region_code };
  if (!u.scope_code || !u.scope_name || !u.scope_path)
    throw new AppError('UNAUTHENTICATED', { message: { zh: '账号未配置所属地区', en: 'The account has no region' }, details: { reason: 'no-region' } });
  return { kind: 'region', regionCode: u.scope_code, regionName: u.scope_name, path: u.scope_path };
}
