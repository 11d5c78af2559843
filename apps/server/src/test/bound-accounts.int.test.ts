/**
 * Bound accounts, once (issue 10): a kind a room registers binds accounts with no platform change (here a kind
 * registered by this test alone, whose records live in memory), and migration 0015 moves the enterprise and carrier
 * accounts of an earlier database onto users.bound_kind / bound_id with their sessions.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundIdOf, createUser, loadRegionTree, migrate, MIGRATIONS_DIR, openEmbedded, registerBoundKind, type BoundRecord } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

const TOWN = '330211001';
const OTHER_TOWN = '330211002';
const PASSWORD = 'kechuang-demo';
const institutes = new Map<number, BoundRecord>([
  [1, { id: 1, name: '甲研究所', regionCode: TOWN }],
  [2, { id: 2, name: '乙研究所', regionCode: OTHER_TOWN }],
]);

registerBoundKind({
  kind: 'testInstitute',
  role: 'testInstituteUser',
  label: { zh: '研究所', en: 'Institute' },
  roleLabel: '研究所用户',
  opensFrom: '请在该研究所的页面开通账号',
  findRecords: async (_db, ids) => new Map(ids.flatMap((id) => (institutes.has(id) ? [[id, institutes.get(id)!] as const] : []))),
});

describeEachDatabase('a kind of bound account registered by a room alone', (mode) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());
  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('binds an account to its record: the scope, /api/auth/me and the users list say which', async () => {
    const made = await createUser(t.db, null, { username: 'institute-a', role: 'testInstituteUser', boundId: 1, regionCode: TOWN, password: PASSWORD });
    expect(made).toMatchObject({
      role: 'testInstituteUser',
      boundKind: 'testInstitute',
      boundId: 1,
      boundName: '甲研究所',
      enterpriseId: null,
      carrierId: null,
    });
    const me = json(await req(await t.login('institute-a'), 'GET', '/api/auth/me'));
    expect(me.scope).toEqual({ kind: 'bound', boundKind: 'testInstitute', boundId: 1, regionCode: TOWN });
    expect(me.user).toMatchObject({ boundKind: 'testInstitute', boundId: 1, enterpriseId: null, carrierId: null });
    expect(boundIdOf(me.scope, 'testInstitute')).toBe(1);
    expect(boundIdOf(me.scope, 'enterprise')).toBeNull();
    const list = json(await req(admin, 'GET', '/api/users?q=institute-a'));
    expect(list.items).toEqual([expect.objectContaining({ username: 'institute-a', boundKind: 'testInstitute', boundId: 1, boundName: '甲研究所' })]);
    const kinds = json(await req(admin, 'GET', '/api/users/bound-kinds')).items;
    expect(kinds).toContainEqual({ kind: 'testInstitute', role: 'testInstituteUser', label: { zh: '研究所', en: 'Institute' } });
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(expect.arrayContaining(['enterprise', 'carrier']));
  });

  it("sees no other room's records: the registry and the carriers refuse it, the signed-in pages answer", async () => {
    const cookie = await t.login('institute-a');
    expect((await req(cookie, 'GET', '/api/enterprises')).statusCode).toBe(403);
    expect((await req(cookie, 'GET', '/api/evaluation/my-carrier')).statusCode).toBe(403);
    expect((await req(cookie, 'GET', '/api/todos')).statusCode).toBe(200);
  });

  it.each([
    ['without a record', { role: 'testInstituteUser' }, 400, 'VALIDATION', 'role'],
    ['of a role no room registered', { role: 'ghostUser' }, 400, 'VALIDATION', 'role'],
  ])('refuses on the users page an account %s', async (_, body, status, code, field) => {
    const res = await req(admin, 'POST', '/api/users', { username: `x-${body.role}`, password: PASSWORD, ...body });
    expect([res.statusCode, json(res).error.code, json(res).error.details.field]).toEqual([status, code, field]);
  });

  it('refuses to bind an account to a record that does not exist, and a bound account cannot change its role', async () => {
    await expect(createUser(t.db, null, { username: 'institute-x', role: 'testInstituteUser', boundId: 99, password: PASSWORD })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(createUser(t.db, null, { username: 'staff-x', role: 'bureauStaff', boundId: 1, password: PASSWORD })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const [{ id }] = await t.db.query<{ id: number }>(`select id::int as id from users where username = 'institute-a'`);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: admin }, payload: { role: 'bureauStaff' } });
    expect([res.statusCode, json(res).error.details.field]).toEqual([400, 'role']);
  });

  it('the database holds the rule too: a bound role names its record, a platform role none', async () => {
    await expect(
      t.db.query(`insert into users (username, display_name, role, password_hash) values ('raw-inst', 'x', 'testInstituteUser', 'x')`),
    ).rejects.toThrow(/users_role_check/);
    await expect(
      t.db.query(
        `insert into users (username, display_name, role, bound_kind, bound_id, password_hash) values ('raw-staff', 'x', 'bureauStaff', 'testInstitute', 1, 'x')`,
      ),
    ).rejects.toThrow(/users_role_check/);
  });
});

describe('migration 0015 on a database with enterprise_id and carrier_id', () => {
  let dir: string;
  afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

  it('moves the accounts onto bound_kind / bound_id with their sessions; deleting the records behaves as the foreign keys did', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kc-0014-'));
    for (const f of (await readdir(MIGRATIONS_DIR)).filter((x) => /^\d{4}_/.test(x) && x < '0015')) await cp(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const db = await openEmbedded(undefined);
    try {
      await migrate(db, dir);
      await loadRegionTree(db);
      const [{ id: enterprise }] = await db.query<{ id: number }>(
        `insert into enterprises (uscc, name, region_code, founded_on) values ('91330211000000001X', '老企业', '${TOWN}', '2010-01-01') returning id::int as id`,
      );
      const [{ id: carrier }] = await db.query<{ id: number }>(
        `insert into carriers (name, kind, region_code) values ('老孵化器', 'incubator', '${TOWN}') returning id::int as id`,
      );
      const user = async (username: string, role: string, column: string | null, value: number | null) =>
        (
          await db.query<{ id: number }>(
            `insert into users (username, display_name, role, region_code${column ? `, ${column}` : ''}, password_hash) values ($1, $1, $2, '${TOWN}'${column ? ', $3' : ''}, 'x') returning id::int as id`,
            column ? [username, role, value] : [username, role],
          )
        )[0].id;
      const bureau = await user('old-bureau', 'bureauStaff', null, null);
      const owner = await user('old-owner', 'enterpriseUser', 'enterprise_id', enterprise);
      const reporter = await user('old-reporter', 'carrierUser', 'carrier_id', carrier);
      const orphan = await user('old-orphan', 'carrierUser', 'carrier_id', null); // its carrier deleted before: carrier_id set null
      await db.query(`insert into sessions (token_hash, user_id, expires_at) select 'tok-' || id, id, now() + interval '1 day' from users`);

      expect(await migrate(db)).toContain('0015_bound_accounts.sql');
      const rows = await db.query<{ id: number; kind: string | null; bound: number | null; active: boolean }>(
        'select id::int as id, bound_kind as kind, bound_id::int as bound, is_active as active from users order by id',
      );
      expect(rows).toEqual([
        { id: bureau, kind: null, bound: null, active: true },
        { id: owner, kind: 'enterprise', bound: enterprise, active: true },
        { id: reporter, kind: 'carrier', bound: carrier, active: true },
        { id: orphan, kind: 'carrier', bound: null, active: false },
      ]);
      const columns = await db.query<{ name: string }>(
        `select column_name as name from information_schema.columns where table_name = 'users' and column_name in ('enterprise_id', 'carrier_id')`,
      );
      expect(columns).toEqual([]);
      const [{ sessions }] = await db.query<{ sessions: number }>('select count(*)::int as sessions from sessions');
      expect(sessions).toBe(4);

      // the enterprise's old foreign key (no action): refused while an account is bound to it
      await expect(db.query('delete from enterprises where id = $1', [enterprise])).rejects.toThrow(/bound to enterprise/);
      // the carrier's (on delete set null) and its route's deactivation: the account loses its carrier and its sessions
      await db.query('delete from carriers where id = $1', [carrier]);
      const [after] = await db.query<{ kind: string; bound: number | null; active: boolean }>(
        'select bound_kind as kind, bound_id::int as bound, is_active as active from users where id = $1',
        [reporter],
      );
      expect(after).toEqual({ kind: 'carrier', bound: null, active: false });
      expect(await db.query('select 1 from sessions where user_id = $1', [reporter])).toEqual([]);
      expect(await db.query('select 1 from sessions where user_id = $1', [owner])).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
