/**
 * The password rules wherever a password is set: the users page (create, reset), 修改密码, and
 * `kechuang user create`. At least 10 characters, not a common password (any case), not the username,
 * not the demo password outside demo mode; each refusal names the field.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

const GOOD = 'lantern-harbour-71';

describeEachDatabase('password rules (demo mode)', (mode) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const create = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: { username, role: 'leader', password } });

  it.each([
    ['shorter than 10 characters', 'ab-1234', 'short', '密码至少 10 个字符'],
    ['5 emoji (10 UTF-16 units, but 5 characters)', '🔒🔑🚪🏠🌙', 'short', '密码至少 10 个字符'],
    ['a common password', 'qwertyuiop', 'common', '密码是常见密码'],
    ['a common password in other case', 'PassWord123', 'common', '密码是常见密码'],
    ['the username', 'wang.xiaoming', 'username', '密码不能与用户名相同'],
    ['the username in other case', 'WANG.XIAOMING', 'username', '密码不能与用户名相同'],
  ])('refuses a password that is %s', async (_, password, reason, message) => {
    const res = await create('wang.xiaoming', password);
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'PASSWORD_WEAK', details: { field: 'password', reason } });
    expect(json(res).error.message).toContain(message);
  });

  it('accepts the demo password in demo mode, a long uncommon one, and 10 Chinese characters', async () => {
    expect((await create('demo.like', 'kechuang-demo')).statusCode).toBe(200);
    expect((await create('li.hua', GOOD)).statusCode).toBe(200);
    expect((await create('zhao.lei', '科技局创新治理平台好')).statusCode).toBe(200);
  });

  it('applies the rules when an admin resets a password', async () => {
    const user = json(await create('reset.me.now', GOOD));
    const reset = (password: string) => t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: admin }, payload: { password } });
    const weak = await reset('iloveyou123');
    expect(weak.statusCode).toBe(400);
    expect(json(weak).error).toMatchObject({ code: 'PASSWORD_WEAK', details: { field: 'password', reason: 'common' } });
    const same = await reset('Reset.Me.Now');
    expect(json(same).error.details).toMatchObject({ field: 'password', reason: 'username' });
    expect((await reset(`${GOOD}-2`)).statusCode).toBe(200);
  });

  it('applies the rules when a user changes their own password, naming newPassword', async () => {
    const cookie = await t.login('bureau');
    const change = (newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'kechuang-demo', newPassword } });
    for (const [newPassword, reason] of [
      ['1234567890', 'common'],
      ['BUREAU', 'short'],
      ['bureau-pw', 'short'],
    ] as const) {
      const res = await change(newPassword);
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ code: 'PASSWORD_WEAK', details: { field: 'newPassword', reason } });
      expect(json(res).error.message).toMatch(/^新密码/);
    }
    expect((await change(GOOD)).statusCode).toBe(200);
  });
});

describeEachDatabase('password rules (not a demo)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { demo: false });
  });
  afterAll(async () => t?.close());

  it('refuses the demo password, on the users page and in code on the app database', async () => {
    await expect(createUser(t.db, null, { username: 'chief', role: 'bureauAdmin', password: 'kechuang-demo' })).rejects.toMatchObject({
      code: 'PASSWORD_WEAK',
      details: { field: 'password', reason: 'demo' },
    });
    await createUser(t.db, null, { username: 'chief', role: 'bureauAdmin', password: GOOD });
    const cookie = await t.login('chief', GOOD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { username: 'deputy', role: 'leader', password: 'kechuang-demo' },
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'PASSWORD_WEAK', details: { field: 'password', reason: 'demo' } });
    expect(json(res).error.message).toContain('演示密码');
  });
});

const BIN = path.resolve(import.meta.dirname, '../../bin/kechuang.mjs');

/** `kechuang user create --password-stdin` on a fresh data directory that is not a demo */
function cliCreate(dataDir: string, username: string, password: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, 'user', 'create', '--username', username, '--role', 'bureauAdmin', '--password-stdin'],
      { env: { ...process.env, KECHUANG_DATA_DIR: dataDir, KECHUANG_DEMO: 'false', DATABASE_URL: '' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(`${password}\n`);
  });
}

it('kechuang user create refuses a weak password and names the rule', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-cli-user-'));
  const demo = await cliCreate(dataDir, 'root', 'kechuang-demo');
  expect(demo.code).toBe(1);
  expect(demo.stderr).toContain('PASSWORD_WEAK');
  expect(demo.stderr).toContain('演示密码');
  const ok = await cliCreate(dataDir, 'root', GOOD);
  expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('created user root')]);
}, 180_000);
