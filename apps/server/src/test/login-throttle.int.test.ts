/**
 * Login throttling by (username, address) with growing waits, a per-address limit for sprays, forwarded
 * addresses believed only from configured proxies, and the password hash run for unknown usernames.
 * Time passing is simulated by moving the recorded attempts back, never by waiting.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as argon2 from '@node-rs/argon2';
import { loginDelaySeconds } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

// the real argon2, with verify counted: an unknown username must cost one verify like a known one
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});

const RIGHT = 'kechuang-demo';

describe('loginDelaySeconds', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30],
    [6, 60],
    [7, 120],
    [9, 480],
    [10, 900],
    [50, 900],
    [1000, 900],
  ])('after %i failures in a row the next try waits %i s (max 5 failures free)', (failures, seconds) => {
    expect(loginDelaySeconds(failures, 5)).toBe(seconds);
  });
});

describeEachDatabase('login throttle', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(async () => t?.close());

  const attempt = (username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });
  /** the recorded attempts, as if `seconds` had passed */
  const later = (seconds: number) => t.db.query('update login_attempts set at = at - make_interval(secs => $1)', [seconds]);

  it('a stranger failing for an account from one address does not stop its owner at another', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('leader', 'wrong-password', '10.1.0.1')).statusCode).toBe(401);
    const limited = await attempt('leader', 'wrong-password', '10.1.0.1');
    expect(limited.statusCode).toBe(429);
    expect(json(limited).error).toMatchObject({ code: 'LOGIN_RATE_LIMITED', details: { scope: 'account' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // the stranger's address waits, even with the right password …
    expect((await attempt('leader', RIGHT, '10.1.0.1')).statusCode).toBe(429);
    // … the owner, elsewhere, does not
    expect((await attempt('leader', RIGHT, '10.1.0.2')).statusCode).toBe(200);
  });

  it('makes each further failure from the same address wait longer: 30 s, then 60 s', async () => {
    for (let i = 0; i < 5; i++) await attempt('bureau', 'wrong-password', '10.2.0.1');
    const first = await attempt('bureau', 'wrong-password', '10.2.0.1');
    expect(first.statusCode).toBe(429);
    expect(json(first).error.details.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(json(first).error.details.retryAfterSeconds).toBeGreaterThan(20);
    await later(31);
    expect((await attempt('bureau', 'wrong-password', '10.2.0.1')).statusCode).toBe(401);
    const second = await attempt('bureau', 'wrong-password', '10.2.0.1');
    expect(second.statusCode).toBe(429);
    expect(json(second).error.details.retryAfterSeconds).toBeGreaterThan(50);
    expect(json(second).error.message).toMatch(/登录失败次数过多，请 \d+ 秒后再试/);
    // refused tries are not failures: hammering during the wait does not lengthen it
    for (let i = 0; i < 5; i++) await attempt('bureau', 'wrong-password', '10.2.0.1');
    await later(61);
    // after the wait the right password works, and the count starts again
    expect((await attempt('bureau', RIGHT, '10.2.0.1')).statusCode).toBe(200);
    expect((await attempt('bureau', 'wrong-password', '10.2.0.1')).statusCode).toBe(401);
  });

  it('lets concurrent tries from one address through no more than the free failures', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => attempt('town', 'wrong-password', '10.3.0.1')));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('closes an address that sprays many usernames, and only that address', async () => {
    for (let i = 0; i < 20; i++) expect((await attempt(`nobody${i}`, 'wrong-password', '10.4.0.1')).statusCode).toBe(401);
    const spray = await attempt('admin', RIGHT, '10.4.0.1');
    expect(spray.statusCode).toBe(429);
    expect(json(spray).error.details).toMatchObject({ scope: 'address' });
    expect(json(spray).error.message).toContain('此地址');
    expect((await attempt('admin', RIGHT, '10.4.0.2')).statusCode).toBe(200);
    await later(15 * 60 + 1);
    expect((await attempt('admin', RIGHT, '10.4.0.1')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For from a client that is not a configured proxy', async () => {
    for (let i = 0; i < 6; i++) await attempt('town2', 'wrong-password', '10.5.0.1', { 'x-forwarded-for': `203.0.113.${i}` });
    const res = await attempt('town2', 'wrong-password', '10.5.0.1', { 'x-forwarded-for': '203.0.113.99' });
    expect(res.statusCode).toBe(429);
    const ips = await t.db.query<{ ip: string }>(`select distinct ip from login_attempts where username = 'town2'`);
    expect(ips).toEqual([{ ip: '10.5.0.1' }]);
  });

  it('throttles guesses at the current password in 修改密码 as it throttles logins', async () => {
    const cookie = await t.login('enterprise');
    const change = (currentPassword: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        remoteAddress,
        payload: { currentPassword, newPassword: 'a-much-longer-passphrase-1' },
      });
    for (let i = 0; i < 5; i++) expect(json(await change('wrong-password', '10.4.0.1')).error.code).toBe('PASSWORD_WRONG');
    const limited = await change('wrong-password', '10.4.0.1');
    expect(limited.statusCode).toBe(429);
    expect(json(limited).error).toMatchObject({ code: 'LOGIN_RATE_LIMITED', details: { scope: 'account' } });
    // the right password waits too at that address, so a guess that would succeed is not told apart
    expect((await change(RIGHT, '10.4.0.1')).statusCode).toBe(429);
    expect((await change(RIGHT, '10.4.0.2')).statusCode).toBe(200);
  });

  it('runs the password hash for an unknown username, as for a known one', async () => {
    const verify = vi.mocked(argon2.verify);
    verify.mockClear();
    expect((await attempt('no-such-user', 'wrong-password', '10.6.0.1')).statusCode).toBe(401);
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockClear();
    expect((await attempt('leader', 'wrong-password', '10.6.0.1')).statusCode).toBe(401);
    expect(verify).toHaveBeenCalledTimes(1);
    // an inactive account too: its answer is the unknown one's, after the same work
    await t.db.query(`update users set is_active = false where username = 'town2'`);
    verify.mockClear();
    const inactive = await attempt('town2', RIGHT, '10.6.0.2');
    expect(json(inactive).error.code).toBe('LOGIN_FAILED');
    expect(verify).toHaveBeenCalledTimes(1);
  });
});

describeEachDatabase('login behind a configured proxy', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { env: { KECHUANG_TRUST_PROXY: '10.9.0.1, 10.8.0.0/16' } });
  });
  afterAll(async () => t?.close());

  it('takes the client address from X-Forwarded-For only when the proxy is configured', async () => {
    const login = (remoteAddress: string, forwarded: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'leader', password: 'wrong-password' },
        remoteAddress,
        headers: { 'x-forwarded-for': forwarded },
      });
    await login('10.9.0.1', '198.51.100.7');
    await login('10.8.3.4', '198.51.100.8');
    await login('10.7.0.1', '198.51.100.9');
    const rows = await t.db.query<{ ip: string }>(`select ip from login_attempts where username = 'leader' order by id`);
    expect(rows.map((r) => r.ip)).toEqual(['198.51.100.7', '198.51.100.8', '10.7.0.1']);
  });
});
