import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

describeEachDatabase('platform', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(async () => t?.close());

  it('answers health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(json(res)).toEqual({ status: 'ok', database: mode });
  });

  it('loads the GB/T 2260 tree with the demo district, its 7 towns and its park', async () => {
    const cookie = await t.login('bureau');
    const res = await t.app.inject({ url: '/api/regions/units', headers: { cookie } });
    const body = json(res);
    expect(body.district).toMatchObject({ code: '330211', name: '镇海区', kind: 'district' });
    expect(body.units.map((u: { name: string }) => u.name)).toEqual([
      '招宝山街道',
      '蛟川街道',
      '骆驼街道',
      '庄市街道',
      '贵驷街道',
      '澥浦镇',
      '九龙湖镇',
      '镇海高端新材料产业园',
    ]);
  });
});

describeEachDatabase('parks', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(async () => t?.close());

  it('lets an admin define a park under the district, which then reports beside the towns', async () => {
    const admin = await t.login('admin');
    const put = (code: string, name: string, cookie = admin) =>
      t.app.inject({ method: 'PUT', url: `/api/regions/parks/${code}`, headers: { cookie }, payload: { name } });
    const res = await put('330211P02', '宁波石化经济技术开发区');
    expect(json(res)).toMatchObject({ code: '330211P02', kind: 'park', parentCode: '330211', path: '/33/3302/330211/330211P02/' });
    const units = json(await t.app.inject({ url: '/api/regions/units', headers: { cookie: admin } }));
    expect(units.units.map((u: { code: string }) => u.code)).toContain('330211P02');
    const bad = await put('330211999', '某某园区');
    expect([bad.statusCode, bad.body]).toEqual([400, expect.stringContaining('"field":"code"')]);
    expect((await put('330211P03', '园区', await t.login('town'))).statusCode).toBe(403);
    const audit = json(await t.app.inject({ url: '/api/audit?entity=region&entityId=330211P02', headers: { cookie: admin } }));
    expect(audit.items[0]).toMatchObject({ action: 'park.create', username: 'admin' });
  });
});

describeEachDatabase('a start that is not a demo', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { demo: false });
  });
  afterAll(async () => t?.close());

  it('creates no account and no demo figures', async () => {
    const [{ n }] = await t.db.query<{ n: number }>('select count(*) as n from users');
    expect(n).toBe(0);
    const [{ v }] = await t.db.query<{ v: number }>('select count(*) as v from indicator_values');
    expect(v).toBe(0);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'kechuang-demo' } });
    expect(res.statusCode).toBe(401);
  });

  it('publishes the OpenAPI document at /api/docs to signed-in users only', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/swagger-initializer.js']) {
      const anonymous = await t.app.inject({ url });
      expect([url, anonymous.statusCode, json(anonymous).error.code]).toEqual([url, 401, 'UNAUTHENTICATED']);
    }
    await createUser(t.db, null, { username: 'reader', role: 'leader', password: 'lantern-harbour-71' });
    const cookie = await t.login('reader', 'lantern-harbour-71');
    const doc = json(await t.app.inject({ url: '/api/docs/json', headers: { cookie } }));
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/indicators/report', '/api/indicators/import']));
    const ui = await t.app.inject({ url: '/api/docs/', headers: { cookie } });
    expect(ui.statusCode).toBe(200);
  });
});
