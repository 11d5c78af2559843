/**
 * The to-do inbox (待办, GET /api/todos) on the demo data: each role sees the kinds of waiting work that
 * concern it, within its jurisdiction, each item linked to where it is handled; handling an item takes
 * it off the list.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bureauYear, type Todos } from '@kechuang/platform-core';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '../test-app.ts';

describeEachDatabase('to-do inbox', (mode) => {
  let t: TestApp;
  let bureau: string, town: string, town2: string, leader: string, enterprise: string, carrier: string;
  let enterpriseId: number;
  const todos = async (cookie: string): Promise<Todos> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/todos', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return json<Todos>(res);
  };
  const group = (all: Todos, kind: string) => all.groups.find((g) => g.kind === kind);

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, town, town2, leader, enterprise, carrier] = await Promise.all(
      ['bureau', 'town', 'town2', 'leader', 'enterprise', 'carrier'].map((u) => t.login(u)),
    );
    enterpriseId = json(await t.app.inject({ url: '/api/auth/me', headers: { cookie: enterprise } })).user.enterpriseId;
  });
  afterAll(async () => t?.close());

  it('refuses an anonymous caller', async () => {
    expect((await t.app.inject({ url: '/api/todos' })).statusCode).toBe(401);
  });

  it("lists an enterprise's self-report for the bureau and its own town, not for another town, until it is confirmed", async () => {
    const year = 2025;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${enterpriseId}/years/${year}`,
      headers: { cookie: enterprise },
      payload: { employees: 120, sciTechStaff: 30 },
    });
    expect(put.statusCode, put.body).toBe(200);
    for (const cookie of [bureau, town]) {
      const waiting = group(await todos(cookie), 'selfReports');
      expect(waiting?.items).toContainEqual(expect.objectContaining({ link: `/enterprises/${enterpriseId}`, facts: { year } }));
    }
    expect(group(await todos(town2), 'selfReports')?.items.some((i) => i.link === `/enterprises/${enterpriseId}`) ?? false).toBe(false);
    expect(group(await todos(enterprise), 'selfReports')).toBeUndefined();

    const before = group(await todos(bureau), 'selfReports')!.count;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/enterprises/${enterpriseId}/years/${year}/confirm`, headers: { cookie: bureau }, payload: {} }))
        .statusCode,
    ).toBe(200);
    expect(group(await todos(bureau), 'selfReports')?.count ?? 0).toBe(before - 1);
  });

  it("lists a town officer's refused import for them alone, until a file of the same kind is accepted", async () => {
    const bad = multipartFile('坏数据.csv', '地区代码,指标,期间,类型,数值,单位\n330211001,HNTE_COUNT,2024,实际,不是数字,家\n');
    const refused = await t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { cookie: town, ...bad.headers }, payload: bad.payload });
    expect(refused.statusCode).toBe(422);
    const mine = group(await todos(town), 'indicatorImportsRefused');
    expect(mine).toMatchObject({ count: 1, link: '/import', items: [expect.objectContaining({ title: '坏数据.csv', facts: { errors: 1 } })] });
    expect(group(await todos(town2), 'indicatorImportsRefused')).toBeUndefined();
    expect(group(await todos(bureau), 'indicatorImportsRefused')).toBeUndefined();

    const good = multipartFile('好数据.csv', '地区代码,指标,期间,类型,数值,单位\n330211001,HNTE_COUNT,2024,实际,61,家\n');
    const accepted = await t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { cookie: town, ...good.headers }, payload: good.payload });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(group(await todos(town), 'indicatorImportsRefused')).toBeUndefined();
  });

  it("lists the carriers that have not reported last year for the bureau, and the carrier's own missing figures for its account", async () => {
    const year = bureauYear() - 1;
    const own = group(await todos(carrier), 'myCarrierMissing');
    const mine = json(await t.app.inject({ url: '/api/evaluation/my-carrier', headers: { cookie: carrier } }));
    const figures = json(await t.app.inject({ url: `/api/evaluation/carriers/${mine.id}/figures/${year}`, headers: { cookie: carrier } }));
    if (figures.missing.length === 0) expect(own).toBeUndefined();
    else {
      expect(own).toMatchObject({ count: 1, link: '/my-carrier', items: [{ title: mine.name, facts: { year, missing: figures.missing.length } }] });
      expect(group(await todos(bureau), 'carriersUnreported')?.items.map((i) => i.title)).toContain(mine.name);
    }
    expect(group(await todos(town), 'carriersUnreported')).toBeUndefined();
    expect(group(await todos(leader), 'carriersUnreported')).toBeUndefined();
  });

  it('lists a computed run for the bureau to publish, and once published, the list for the leader to read', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/evaluation/runs',
      headers: { cookie: bureau },
      payload: { source: { kind: 'performanceReview', carrierKind: 'industrialResearchInstitute', year: 2025 }, options: { samples: 0 } },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = json(created).id as number;
    expect(group(await todos(bureau), 'runsToPublish')?.items).toContainEqual(expect.objectContaining({ link: `/evaluation/runs/${id}`, facts: { id } }));
    expect((await t.app.inject({ method: 'POST', url: `/api/evaluation/runs/${id}/publish`, headers: { cookie: bureau }, payload: {} })).statusCode).toBe(200);
    expect(group(await todos(bureau), 'runsToPublish')?.items.some((i) => i.link === `/evaluation/runs/${id}`) ?? false).toBe(false);
    const toRead = group(await todos(leader), 'listsToRead');
    expect(toRead?.link).toBe('/evaluation/top-list');
    expect(toRead?.count).toBeGreaterThanOrEqual(1);
  });

  it('adds the kinds up in the total', async () => {
    const all = await todos(bureau);
    expect(all.total).toBe(all.groups.reduce((n, g) => n + g.count, 0));
  });
});
