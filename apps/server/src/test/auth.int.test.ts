import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import Fastify from 'fastify';
import { bumpVersion, forgetSessionMemory, registerAccess } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

it('refuses to register an API route that declares no access', async () => {
  const app = Fastify();
  registerAccess(app, { db: null as never, homeRegion: '330211' });
  expect(() => app.get('/api/oops', async () => 'x')).toThrow(/declares no access/);
});

describeEachDatabase('auth, users and audit', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(async () => t?.close());

  it('looks a session up once on the embedded database, again after a logout, a change of the user or a write', async () => {
    const cookie = await t.login('bureau');
    const me = () => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    const queries = vi.spyOn(t.db, 'query');
    try {
      const lookups = async () => {
        queries.mockClear();
        const res = await me();
        return [res.statusCode, queries.mock.calls.length];
      };
      await me();
      // remembered on PGlite (one connection for every request); asked every time of PostgreSQL
      expect(await lookups()).toEqual([200, mode === 'embedded' ? 0 : 1]);
      // a write bumps a data version (a room deleting a bound record does, its trigger ending sessions): looked up again
      await t.db.transaction((tx) => bumpVersion(tx, 'indicators'));
      expect(await lookups()).toEqual([200, 1]);
      expect(await lookups()).toEqual([200, mode === 'embedded' ? 0 : 1]);
      // the administrator deactivates the account: refused at once, though its lookup was remembered
      const admin = await t.login('admin');
      const [{ id }] = await t.db.query<{ id: number }>(`select id from users where username = 'bureau'`);
      expect((await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: admin }, payload: { isActive: false } })).statusCode).toBe(200);
      expect((await me()).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: admin }, payload: { isActive: true } })).statusCode).toBe(200);
      // and a logout ends the session at once
      const again = await t.login('bureau');
      await t.app.inject({ url: '/api/auth/me', headers: { cookie: again } });
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: again } })).statusCode).toBeLessThan(300);
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: again } })).statusCode).toBe(401);
    } finally {
      queries.mockRestore();
    }
  });

  it('logs in, tells who is signed in with role and scope, logs out', async () => {
    const cookie = await t.login('town');
    const me = json(await t.app.inject({ url: '/api/auth/me', headers: { cookie } }));
    expect(me.role).toBe('townOfficer');
    expect(me.user.username).toBe('town');
    expect(me.scope).toMatchObject({ kind: 'region', regionCode: '330211001', regionName: '招宝山街道' });
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const after = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(json(after).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password, then throttles that username from that address', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'wrong-password' } });
    const first = await attempt();
    expect(first.statusCode).toBe(401);
    expect(json(first).error.code).toBe('LOGIN_FAILED');
    for (let i = 0; i < 4; i++) await attempt();
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(json(limited).error.code).toBe('LOGIN_RATE_LIMITED');
    // even the right password is refused from that address while it waits; another address is not held up
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'kechuang-demo' } });
    expect(right.statusCode).toBe(429);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: 'kechuang-demo' },
      remoteAddress: '192.0.2.1',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('refuses an expired session with a clear reason', async () => {
    const cookie = await t.login('bureau');
    await t.db.query(`update sessions set expires_at = now() - interval '1 minute'`);
    forgetSessionMemory(); // SQL outside the platform's code: the embedded database's remembered lookups go
    const res = await t.app.inject({ url: '/api/indicators/periods', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(json(res).error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'expired' } });
  });

  it('changes a password: the old one stops working', async () => {
    const cookie = await t.login('town2');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'kechuang-demo', newPassword: 'short' },
    });
    expect(json(weak).error.code).toBe('PASSWORD_WEAK');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'nope-nope', newPassword: 'a-new-password' },
    });
    expect(json(wrong).error.code).toBe('PASSWORD_WRONG');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'kechuang-demo', newPassword: 'a-new-password' },
    });
    expect(ok.statusCode).toBe(200);
    const old = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'town2', password: 'kechuang-demo' } });
    expect(old.statusCode).toBe(401);
    await t.login('town2', 'a-new-password');
  });

  it('lets an admin create users, validates them, and audits every change with before/after', async () => {
    const cookie = await t.login('admin');
    const noRegion = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { username: 'zhang', role: 'townOfficer', password: 'password-123' },
    });
    expect(noRegion.statusCode).toBe(400);
    expect(json(noRegion).error.details.field).toBe('regionCode');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { username: 'zhang', displayName: '张专员', role: 'townOfficer', regionCode: '330211004', password: 'password-123' },
    });
    expect(created.statusCode).toBe(200);
    const user = json(created);
    expect(user).toMatchObject({ username: 'zhang', regionName: '庄市街道' });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { username: 'zhang', role: 'leader', password: 'password-123' },
    });
    expect(json(dup).error.code).toBe('CONFLICT');
    await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie }, payload: { isActive: false } });
    const audit = json(await t.app.inject({ url: `/api/audit?entity=user&entityId=${user.id}`, headers: { cookie } }));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['user.update', 'user.create']);
    expect(audit.items[0].before.isActive).toBe(true);
    expect(audit.items[0].after.isActive).toBe(false);
    expect(audit.items[0].username).toBe('admin');
    const inactive = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhang', password: 'password-123' } });
    expect(inactive.statusCode).toBe(401);
  });

  it('pages, sorts and filters the user list', async () => {
    const cookie = await t.login('admin');
    const page = json(await t.app.inject({ url: '/api/users?pageSize=2&page=1&sort=username&order=descend', headers: { cookie } }));
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.items[0].username > page.items[1].username).toBe(true);
    const towns = json(await t.app.inject({ url: '/api/users?role=townOfficer', headers: { cookie } }));
    expect(towns.items.every((u: { role: string }) => u.role === 'townOfficer')).toBe(true);
    const xlsx = await t.app.inject({ url: '/api/users/export', headers: { cookie } });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
