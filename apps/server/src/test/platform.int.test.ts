import { afterAll, beforeAll, expect, it } from 'vitest';
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
    expect(body.units.map((u: { name: string }) => u.name)).toEqual(['招宝山街道', '蛟川街道', '骆驼街道', '庄市街道', '贵驷街道', '澥浦镇', '九龙湖镇', '镇海高端新材料产业园']);
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

  it('publishes the OpenAPI document at /api/docs', async () => {
    const doc = json(await t.app.inject({ url: '/api/docs/json' }));
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/indicators/report', '/api/indicators/import']));
    const ui = await t.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
  });
});
