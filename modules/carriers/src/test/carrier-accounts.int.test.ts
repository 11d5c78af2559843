/**
 * Carriers report their own figures (绩效评价 填报): an administrator opens a carrier's account from the
 * carrier; that account reads and writes its own carrier's figures only (stored as selfReport, with who),
 * and nothing else of the platform. Bureau users edit and delete carriers; deleting one deactivates its
 * accounts. The users page cannot make a carrier account bound to no carrier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { TOWN } from './fixtures.ts';

const YEAR = 2024;
const PASSWORD = 'carrier-pass-2024';

describeEachDatabase("carriers: carriers' own accounts", (mode) => {
  let t: TestApp;
  let admin: string, bureau: string, town: string, own: string;
  let mine: number, other: number;
  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp(mode);
    [admin, bureau, town] = await Promise.all(['admin', 'bureau', 'town'].map((u) => t.login(u)));
    mine = json(await req(bureau, 'POST', '/api/evaluation/carriers', { name: '账号测试孵化器', kind: 'incubator', level: 'provincial', regionCode: TOWN })).id;
    other = json(await req(bureau, 'POST', '/api/evaluation/carriers', { name: '别家研究院', kind: 'industrialResearchInstitute', regionCode: TOWN })).id;
    await req(bureau, 'PUT', `/api/evaluation/carriers/${other}/figures/${YEAR}`, { figures: { rd_staff: 40 } });
    const account = await req(admin, 'POST', `/api/evaluation/carriers/${mine}/accounts`, { username: 'incubator01', password: PASSWORD });
    expect(account.statusCode, account.body).toBe(200);
    expect(json(account)).toMatchObject({ role: 'carrierUser', carrierId: mine, displayName: '账号测试孵化器', regionCode: TOWN });
    own = await t.login('incubator01', PASSWORD);
  });
  afterAll(async () => t?.close());

  it("only an administrator opens a carrier's account", async () => {
    const res = await req(bureau, 'POST', `/api/evaluation/carriers/${mine}/accounts`, { username: 'incubator02', password: PASSWORD });
    expect(res.statusCode).toBe(403);
  });

  it('the users page refuses a carrier account bound to no carrier, naming the role', async () => {
    const res = await req(admin, 'POST', '/api/users', { username: 'loose-carrier', role: 'carrierUser', password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'VALIDATION', details: { field: 'role' } });
    expect(json(res).error.message).toContain('载体');
  });

  it("a carrier's account keeps its role: the users page cannot turn it into a bureau account", async () => {
    const [{ id }] = await t.db.query<{ id: number }>(`select id::int as id from users where username = 'incubator01'`);
    const res = await req(admin, 'PATCH', `/api/users/${id}`, { role: 'bureauStaff' });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'VALIDATION', details: { field: 'role' } });
    const renamed = await req(admin, 'PATCH', `/api/users/${id}`, { displayName: '孵化器填报员' });
    expect(json(renamed)).toMatchObject({ role: 'carrierUser', carrierId: mine, displayName: '孵化器填报员' });
  });

  it("the carrier's account sees its carrier and writes its figures as selfReport, named", async () => {
    expect(json(await req(own, 'GET', '/api/evaluation/my-carrier'))).toMatchObject({ id: mine, name: '账号测试孵化器', accounts: 1 });
    const put = await req(own, 'PUT', `/api/evaluation/carriers/${mine}/figures/${YEAR}`, { figures: { tenant_firms: 31, occupancy_rate: 87.5 } });
    expect(put.statusCode, put.body).toBe(200);
    const tenants = json(put).figures.find((f: { indicator: string }) => f.indicator === 'tenant_firms');
    expect(tenants).toMatchObject({ value: 31, source: 'selfReport', updatedBy: 'incubator01', group: '孵化规模', unit: '家' });
    // the bureau sees the same figure and who entered it; its own correction is 'manual'
    const seen = json(await req(bureau, 'GET', `/api/evaluation/carriers/${mine}/figures/${YEAR}`));
    expect(seen.figures.find((f: { indicator: string }) => f.indicator === 'occupancy_rate')).toMatchObject({
      value: 87.5,
      source: 'selfReport',
      updatedBy: 'incubator01',
    });
    const list = json(await req(bureau, 'GET', `/api/evaluation/carriers?review=incubator&year=${YEAR}`));
    expect(list.items.find((c: { id: number }) => c.id === mine)).toMatchObject({ reported: 2, required: 8, accounts: 1 });
    const audit = json(await req(admin, 'GET', '/api/audit?entity=carrier&pageSize=50'));
    expect(
      audit.items.some(
        (a: { action: string; username?: string; actor?: string }) => a.action === 'carrierFigures.save' && JSON.stringify(a).includes('incubator01'),
      ),
    ).toBe(true);
  });

  it("the carrier's account cannot read or write another carrier (404), nor list carriers, run reviews or read the registry (403)", async () => {
    expect((await req(own, 'GET', `/api/evaluation/carriers/${other}/figures/${YEAR}`)).statusCode).toBe(404);
    const put = await req(own, 'PUT', `/api/evaluation/carriers/${other}/figures/${YEAR}`, { figures: { rd_staff: 999 } });
    expect(put.statusCode).toBe(404);
    const kept = json(await req(bureau, 'GET', `/api/evaluation/carriers/${other}/figures/${YEAR}`));
    expect(kept.figures.find((f: { indicator: string }) => f.indicator === 'rd_staff').value).toBe(40);
    for (const url of [
      '/api/evaluation/carriers',
      '/api/evaluation/runs',
      '/api/enterprises',
      '/api/indicators/cockpit?period=2024',
      '/api/evaluation/published',
    ]) {
      expect((await req(own, 'GET', url)).statusCode, url).toBe(403);
    }
    expect((await req(own, 'PATCH', `/api/evaluation/carriers/${mine}`, { name: '改名' })).statusCode).toBe(403);
    expect((await req(own, 'POST', '/api/evaluation/runs', { source: { kind: 'performanceReview', carrierKind: 'incubator', year: YEAR } })).statusCode).toBe(
      403,
    );
  });

  it('a town officer or a bureau user without the carrier has no way in: my-carrier is for carrier accounts', async () => {
    expect((await req(bureau, 'GET', '/api/evaluation/my-carrier')).statusCode).toBe(403);
    expect((await req(town, 'GET', `/api/evaluation/carriers/${mine}/figures/${YEAR}`)).statusCode).toBe(403);
    expect((await req(town, 'DELETE', `/api/evaluation/carriers/${mine}`)).statusCode).toBe(403);
  });

  describe('editing and deleting carriers', () => {
    it('renames a carrier and moves it, refusing a name its kind already has', async () => {
      const dup = await req(bureau, 'PATCH', `/api/evaluation/carriers/${mine}`, { name: '别家研究院' });
      expect(dup.statusCode, 'another kind may share the name').toBe(200);
      const again = json(await req(bureau, 'POST', '/api/evaluation/carriers', { name: '同名孵化器', kind: 'incubator', regionCode: TOWN })).id;
      const clash = await req(bureau, 'PATCH', `/api/evaluation/carriers/${again}`, { name: '别家研究院' });
      expect(clash.statusCode).toBe(409);
      expect(json(clash).error.details).toMatchObject({ field: 'name' });
      const moved = await req(bureau, 'PATCH', `/api/evaluation/carriers/${mine}`, { name: '账号测试孵化器', level: 'national', regionCode: '330211002' });
      expect(json(moved)).toMatchObject({ name: '账号测试孵化器', level: 'national', regionCode: '330211002' });
      const bad = await req(bureau, 'PATCH', `/api/evaluation/carriers/${mine}`, { regionCode: 'nowhere' });
      expect(bad.statusCode).toBe(400);
    });

    it('deletes a carrier with its figures and deactivates its accounts', async () => {
      const res = await req(bureau, 'DELETE', `/api/evaluation/carriers/${mine}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res)).toMatchObject({ ok: true, figuresDeleted: 2, accountsDeactivated: 1 });
      expect((await req(bureau, 'GET', `/api/evaluation/carriers/${mine}/figures/${YEAR}`)).statusCode).toBe(404);
      expect((await req(own, 'GET', '/api/evaluation/my-carrier')).statusCode).toBe(401);
      const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from carrier_figures where carrier_id = $1', [mine]);
      expect(n).toBe(0);
    });
  });
});
