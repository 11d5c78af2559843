/**
 * Jurisdiction: a town officer can neither read nor change another town's figures through any route;
 * a leader reads but never writes; nobody reads anything without a session.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { declaredRoutes } from '@kechuang/platform-server';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { csv, HEADER_ZH } from './files.ts';
import { getCockpit } from '../server/get-cockpit.ts';

const OWN = '330211001'; // 招宝山街道, the demo town officer's
const OTHER = '330211002'; // 蛟川街道

describeEachDatabase('jurisdiction', (mode) => {
  let t: TestApp;
  let town: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    town = await t.login('town');
  });
  afterAll(async () => t?.close());
  const get = (url: string, cookie = town) => t.app.inject({ url, headers: { cookie } });

  it('every API route declares its access, and every non-public one refuses a request without a session', async () => {
    const routes = declaredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const url = r.url.replace(/:(\w+)/g, '1');
      const res = await t.app.inject({ method: r.method as 'GET', url });
      expect([r.method, r.url, res.statusCode]).toEqual([r.method, r.url, 401]);
    }
  });

  it('answers an account without a region (an enterprise, a carrier) 403 on the cockpit, never 500', async () => {
    for (const user of ['enterprise', 'carrier']) {
      const res = await get('/api/indicators/cockpit?period=2024', await t.login(user));
      expect([user, res.statusCode]).toEqual([user, 403]);
    }
    const scope = { kind: 'bound' as const, boundKind: 'enterprise', boundId: 1, regionCode: OWN };
    await expect(getCockpit(t.db, scope, '330211', { period: '2024' })).rejects.toMatchObject({ code: 'FORBIDDEN_SCOPE' });
  });

  it.each([
    ['the report of another town', `/api/indicators/report?region=${OTHER}&period=2024`],
    ['the report of the whole district', '/api/indicators/report?region=330211&period=2024'],
    ['the report export of another town', `/api/indicators/report/export?region=${OTHER}&period=2024`],
    ['the trend of another town', `/api/indicators/trend?region=${OTHER}&indicator=HNTE_COUNT`],
    ['the cockpit of another town', `/api/indicators/cockpit?period=2024&region=${OTHER}`],
    ['the children of the district', '/api/regions/330211/children'],
  ])('refuses a town officer %s with 403', async (_, url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(403);
    expect(json(res).error.code).toBe('FORBIDDEN_REGION');
  });

  it('shows a town officer their own town only in reports, cockpit and league', async () => {
    const own = json(await get(`/api/indicators/report?region=${OWN}&period=2024`));
    expect(own.region.code).toBe(OWN);
    const cockpit = json(await get('/api/indicators/cockpit?period=2024'));
    expect(cockpit.region.code).toBe(OWN);
    expect(cockpit.league.map((r: { regionCode: string }) => r.regionCode)).toEqual([OWN]);
    const league = json(await get('/api/indicators/league?period=2024'));
    expect(league.items.map((r: { regionCode: string }) => r.regionCode)).toEqual([OWN]);
    expect(league.unitCount).toBe(8);
    const units = json(await get('/api/regions/units'));
    expect(units.units.map((u: { code: string }) => u.code)).toEqual([OWN]);
  });

  it("lists only the own town's values, even when another town is asked for", async () => {
    const all = json(await get('/api/indicators/values?pageSize=500'));
    expect(all.total).toBeGreaterThan(0);
    expect(new Set(all.items.map((v: { regionCode: string }) => v.regionCode))).toEqual(new Set([OWN]));
    const other = json(await get(`/api/indicators/values?region=${OTHER}`));
    expect(other.total).toBe(0);
  });

  it("refuses a town officer changing another town's figure, and leaves it as it was", async () => {
    const key = [OTHER, 'HNTE_COUNT', 'actual', '2024'];
    const [before] = await t.db.query<{ value: string }>(
      'select value::text from indicator_values where region_code = $1 and indicator_code = $2 and kind = $3 and period = $4',
      key,
    );
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/values',
      headers: { cookie: town },
      payload: { region: OTHER, indicator: 'HNTE_COUNT', period: '2024', kind: 'actual', value: '1' },
    });
    expect(res.statusCode).toBe(403);
    const body = multipartFile('x.csv', csv([HEADER_ZH, [OTHER, 'HNTE_COUNT', '2024', '实际', '1', '']]));
    const imp = await t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { cookie: town, ...body.headers }, payload: body.payload });
    expect(imp.statusCode).toBe(422);
    const [after] = await t.db.query<{ value: string }>(
      'select value::text from indicator_values where region_code = $1 and indicator_code = $2 and kind = $3 and period = $4',
      key,
    );
    expect(after.value).toBe(before.value);
  });

  it('lets a town officer set their own actual, but not a target', async () => {
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/values',
      headers: { cookie: town },
      payload: { region: OWN, indicator: 'HNTE_COUNT', period: '2024', kind: 'actual', value: '66' },
    });
    expect(ok.statusCode).toBe(200);
    const target = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/values',
      headers: { cookie: town },
      payload: { region: OWN, indicator: 'HNTE_COUNT', period: '2025', kind: 'target', value: '1' },
    });
    expect(target.statusCode).toBe(403);
  });

  it("hides another user's import runs and error reports from a town officer", async () => {
    const bureau = await t.login('bureau');
    const body = multipartFile('b.csv', csv([HEADER_ZH, [OTHER, 'HNTE_COUNT', '2024', '实际', 'x', '']]));
    const imp = await t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { cookie: bureau, ...body.headers }, payload: body.payload });
    const id = json(imp).error.details.importRunId;
    expect((await get(`/api/indicators/imports/${id}/errors`)).statusCode).toBe(404);
    expect((await get(`/api/indicators/imports/${id}/errors`, bureau)).statusCode).toBe(200);
    const runs = json(await get('/api/indicators/imports'));
    expect(runs.items.every((r: { username: string }) => r.username === 'town')).toBe(true);
    const everyone = json(await get('/api/indicators/imports?q=b.csv', bureau));
    expect(everyone.items.map((r: { id: number }) => r.id)).toContain(id);
    const exported = await get('/api/indicators/imports/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as never);
    const users = wb.worksheets[0].getColumn(4).values.slice(2);
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u === 'town')).toBe(true);
  });

  it.each([
    ['users', '/api/users'],
    ['the audit log', '/api/audit'],
  ])('refuses a town officer %s', async (_, url) => {
    expect((await get(url)).statusCode).toBe(403);
  });

  it('lets a leader read the cockpit but not write anything', async () => {
    const leader = await t.login('leader');
    expect((await get('/api/indicators/cockpit?period=2024', leader)).statusCode).toBe(200);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/values',
      headers: { cookie: leader },
      payload: { region: OWN, indicator: 'HNTE_COUNT', period: '2024', kind: 'actual', value: '1' },
    });
    expect(put.statusCode).toBe(403);
    expect(json(put).error.code).toBe('FORBIDDEN');
    // a leader may still change their own password and mark their own messages read (self-service, not data), and
    // search the market (a POST …/search is a query with a body, too long for a URL)
    const selfService = (url: string) => url.startsWith('/api/auth/') || url.startsWith('/api/notifications/');
    const query = (r: { method: string; url: string }) => r.method === 'POST' && r.url.endsWith('/search');
    const writes = declaredRoutes(t.app).filter((r) => r.method !== 'GET' && r.access !== 'public' && !selfService(r.url) && !query(r));
    const open = writes
      .filter((r) => r.access !== 'public' && (r.access === 'signedIn' || r.access.roles.includes('leader')))
      .map((r) => `${r.method} ${r.url}`);
    expect(open).toEqual([]);
  });
});
