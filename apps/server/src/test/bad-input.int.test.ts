/**
 * Input that PostgreSQL or the validators cannot take answers 400 naming the field, never 500: a NUL in
 * any path parameter, query or body string; a lone surrogate; invalid UTF-8 in a JSON body (refused,
 * not replaced with U+FFFD and saved); nesting deep enough to overflow a recursive check; and an
 * unsupported content type, answered in our words rather than the parser's.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { declaredRoutes } from '@kechuang/platform-server';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '../test-app.ts';

const NUL = '\u0000';

describeEachDatabase('bad input', (mode) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const fields = (res: LightMyRequestResponse) => json(res).error.details as { field: string; reason: string };

  it('refuses a NUL in the anonymous login, naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `ad${NUL}min`, password: 'kechuang-demo' } });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'VALIDATION', details: { field: 'body.username', reason: 'nul' } });
    expect(json(res).error.message).toBe('请求参数有误：body.username 含有空字符（U+0000）');
  });

  it('refuses a NUL in every route: in a path parameter, in the query and in a JSON body', async () => {
    const unexpected: string[] = [];
    for (const route of declaredRoutes(t.app)) {
      const method = route.method as 'GET';
      const hasParams = route.url.includes(':');
      const tries = [
        ...(hasParams ? [{ where: 'params', url: route.url.replace(/:[A-Za-z]+/g, 'a%00b') }] : []),
        { where: 'querystring', url: `${route.url.replace(/:[A-Za-z]+/g, '1')}?q=a%00b` },
        ...(method === 'GET' ? [] : [{ where: 'body', url: route.url.replace(/:[A-Za-z]+/g, '1'), payload: { name: `a${NUL}b` } }]),
      ];
      for (const { where, url, payload } of tries as { where: string; url: string; payload?: object }[]) {
        const res = await t.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
        const error = res.statusCode === 403 ? null : json(res).error; // a route for another role stops at the role
        if (error && (res.statusCode !== 400 || error.details?.reason !== 'nul' || !String(error.details.field).startsWith(where))) {
          unexpected.push(`${route.method} ${url} (${where}): ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('refuses a NUL in a key and deep inside a body', async () => {
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/evaluation/schemes/validate',
      headers: { cookie: admin },
      payload: { scheme: { [`ro${NUL}ot`]: {} } },
    });
    expect(fields(key)).toEqual({ field: 'body.scheme.ro\\u0000ot', reason: 'nul' });
    const deep = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/values',
      headers: { cookie: admin },
      payload: { items: [{ note: 'ok' }, { note: `x${NUL}` }] },
    });
    expect(fields(deep)).toEqual({ field: 'body.items.1.note', reason: 'nul' });
  });

  it('refuses a lone surrogate in a name, and saves nothing', async () => {
    const before = (await t.db.query<{ n: number }>('select count(*) as n from users'))[0].n;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"username":"zhou.ping","displayName":"周\\ud800平","role":"leader","password":"lantern-harbour-71"}',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual({ field: 'body.displayName', reason: 'surrogate' });
    const pair = await t.app.inject({ method: 'GET', url: '/api/users?q=%ED%A0%80', headers: { cookie: admin } }); // CESU-8 of U+D800
    expect(pair.statusCode).not.toBe(500);
    expect((await t.db.query<{ n: number }>('select count(*) as n from users'))[0].n).toBe(before);
  });

  it('refuses invalid UTF-8 in a JSON body instead of saving U+FFFD', async () => {
    const body = (name: Buffer) =>
      Buffer.concat([Buffer.from('{"username":"qian.li","displayName":"'), name, Buffer.from('","role":"leader","password":"lantern-harbour-71"}')]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: body(Buffer.from([0xc3, 0x28])),
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'VALIDATION', details: { field: 'body', reason: 'utf8' } });
    expect(await t.db.query(`select 1 from users where username = 'qian.li'`)).toEqual([]);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(login.statusCode).toBe(400);
    // valid UTF-8, a byte-order mark included, still reads
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin, 'content-type': 'application/json; charset=utf-8' },
      payload: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body(Buffer.from('钱力'))]),
    });
    expect([ok.statusCode, json(ok).displayName]).toEqual([200, '钱力']);
  });

  it('refuses a scheme tree nested thousands of levels deep, and one a level deeper than 12', async () => {
    // written as text: JSON.stringify itself recurses
    const nested = (levels: number) => {
      let node = '{"indicator":"HNTE_COUNT"}';
      for (let i = levels - 1; i >= 1; i--) node = `{"id":"g${i}","children":[${node}]}`;
      return node;
    };
    const validate = (scheme: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/evaluation/schemes/validate',
        headers: { cookie: admin, 'content-type': 'application/json' },
        payload: `{"scheme":${scheme}}`,
      });
    const huge = await validate(`{"root":${nested(3001)}}`);
    expect(huge.statusCode).toBe(400);
    expect(fields(huge)).toMatchObject({ reason: 'depth' });
    expect(json(huge).error.message).toContain('嵌套层级过深');
    const thirteen = await validate(`{"root":${nested(13)}}`);
    expect(thirteen.statusCode).toBe(400);
    expect(json(thirteen).error.message).toContain('方案树最多 12 层');
    const chain = [{ id: 'g0', parent: null }, ...Array.from({ length: 3000 }, (_, i) => ({ id: `g${i + 1}`, parent: `g${i}` }))];
    const flat = await validate(JSON.stringify({ nodes: chain }));
    expect(flat.statusCode).toBe(400);
    expect(json(flat).error.message).toContain('方案树最多 12 层');
    const twelve = await validate(`{"root":${nested(12)}}`);
    expect([twelve.statusCode, json(twelve).nodes?.length]).toEqual([200, 12]);
  });

  it('takes an upload whose file name holds a NUL or control characters, and keeps the name without them', async () => {
    const file = multipartFile(`数据${NUL}\u0007\u{1F4CA}.csv`, '地区代码,指标,期间,类型,数值,单位\n330211001,HNTE_COUNT,2025,实际,80,家\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { cookie: admin, ...file.headers }, payload: file.payload });
    expect(res.statusCode).toBe(200);
    const [run] = await t.db.query<{ file_name: string }>('select file_name from import_runs order by id desc limit 1');
    expect(run.file_name).toBe('数据__\u{1F4CA}.csv');
  });

  it('answers an unsupported content type in its own words, not the parser’s', async () => {
    for (const ct of ['application/xml', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/mixed; boundary=x', 'foo']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin, 'content-type': ct }, payload: '<user/>' });
      expect([ct, res.statusCode]).toEqual([ct, 415]);
      expect(json(res).error.message).toBe('不支持该请求格式（Content-Type）：请以 application/json 提交，上传文件用 multipart/form-data');
    }
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect([broken.statusCode, json(broken).error.message]).toEqual([400, '请求参数有误：body 不是有效的 JSON']);
  });
});
