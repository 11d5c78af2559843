/**
 * Cross-site request forgery: every state-changing route, posted from another origin with each body a
 * form can send and a valid session cookie, is refused with 403 and changes nothing. Same-origin
 * requests, configured public origins and requests without browser headers (CLI, scripts) pass.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { declaredRoutes } from '@kechuang/platform-server';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '../test-app.ts';

const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];
const EVIL = 'https://evil.example';

/** the bodies an HTML form on another site can send without a CORS preflight */
const FORM_BODIES: { name: string; payload: string | Buffer; headers: Record<string, string> }[] = [
  {
    name: 'application/x-www-form-urlencoded',
    payload: 'username=admin&password=x&name=x&role=bureauAdmin',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  },
  { name: 'multipart/form-data', ...multipartFile('figures.csv', '地区代码,指标,期间,类型,数值,单位\n330211001,HNTE_COUNT,2025,实际,80,家\n') },
  { name: 'text/plain', payload: '{"username":"admin","password":"x","name":"x","role":"bureauAdmin"}', headers: { 'content-type': 'text/plain' } },
];

/** every table's row count: a request that changed nothing leaves them all as they were */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = await t.db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await t.db.query<{ n: number }>(`select count(*) as n from "${name}"`))[0].n;
  return counts;
}

describeEachDatabase('cross-site requests', (mode) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    cookie = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('refuses every state-changing route from another origin, with every form encoding, and changes nothing', async () => {
    const routes = declaredRoutes(t.app).filter((r) => UNSAFE.includes(r.method));
    expect(routes.length).toBeGreaterThan(30);
    const before = await rowCounts(t);
    const answers: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, '1');
      for (const body of FORM_BODIES) {
        for (const browser of [
          { origin: EVIL, 'sec-fetch-site': 'cross-site' },
          { origin: EVIL },
          { 'sec-fetch-site': 'cross-site' },
          { 'sec-fetch-site': 'same-site' },
        ]) {
          const res = await t.app.inject({ method: route.method as 'POST', url, payload: body.payload, headers: { ...body.headers, ...browser, cookie } });
          if (res.statusCode !== 403 || json(res).error.details?.reason !== 'cross-site')
            answers.push(`${route.method} ${route.url} ${body.name} ${JSON.stringify(browser)}: ${res.statusCode} ${res.body}`);
        }
      }
    }
    expect(answers).toEqual([]);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('says why in the refusal', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: EVIL, cookie } });
    expect(res.statusCode).toBe(403);
    expect(json(res).error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'cross-site', origin: EVIL } });
    expect(json(res).error.message).toContain('跨站请求');
    const nul = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'null', cookie } });
    expect(nul.statusCode).toBe(403);
    // a client that is not a trusted proxy cannot make its origin ours by naming the host it likes
    const forwarded = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: EVIL, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', cookie },
    });
    expect(forwarded.statusCode).toBe(403);
  });

  it('lets same-origin requests and requests without browser headers through', async () => {
    const put = (headers: Record<string, string>, name: string) =>
      t.app.inject({ method: 'PUT', url: '/api/regions/parks/330211P09', headers: { ...headers, cookie }, payload: { name } });
    // light-my-request sends Host: localhost:80; a browser's Origin omits the default port
    expect((await put({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }, '同源园区')).statusCode).toBe(200);
    expect((await put({ 'sec-fetch-site': 'none' }, '地址栏园区')).statusCode).toBe(200);
    expect((await put({}, '脚本园区')).statusCode).toBe(200);
    // same host, other port: another origin
    expect((await put({ origin: 'http://localhost:5173' }, '别的端口')).statusCode).toBe(403);
  });

  it('takes no text/plain or form body on a JSON route, even without browser headers', async () => {
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { 'content-type': ct, cookie }, payload: '{}' });
      expect([ct, res.statusCode]).toEqual([ct, 415]);
      expect(json(res).error.message).toContain('不支持该请求格式');
    }
    // the session survived: the refused logout did not run
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });
});

describeEachDatabase('cross-site requests behind a proxy', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { demo: false, env: { KECHUANG_PUBLIC_ORIGIN: 'https://kc.example.gov.cn' } });
  });
  afterAll(async () => t?.close());

  it('accepts the configured public origin although the Host header is the upstream address', async () => {
    const login = (origin: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { host: '127.0.0.1:3000', origin, 'sec-fetch-site': 'same-origin' },
        payload: { username: 'nobody', password: 'wrong-password' },
      });
    expect((await login('https://kc.example.gov.cn')).statusCode).toBe(401); // past the check, to the password
    expect((await login('https://kc.example.gov.cn.evil.example')).statusCode).toBe(403);
    expect((await login('http://kc.example.gov.cn')).statusCode).toBe(403);
  });
});
