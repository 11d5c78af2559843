/**
 * 技术合同认定登记 end to end on the demo: an enterprise submits for itself as seller and no other; another
 * enterprise's contract is 403 to read and to write; a town officer sees only contracts with a party in its
 * town; every bad contract is a 4xx naming its field with nothing written; the rules by signing date; the clerk's
 * decisions and the clock; registering, correcting and deregistering move the computed TECH_TRANSACTION_VOLUME
 * actual of the year; the statistics and the export.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bureauToday } from '@kechuang/platform-core';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { addWorkingDays, registrationDeadline } from '../domain/index.ts';
import { TOWN, TOWN2, testUscc } from './fixtures.ts';

const DISTRICT = '330211';

describeEachDatabase('tech contracts: registration', (mode) => {
  let t: TestApp;
  let bureau: string, town: string, own: string, other: string;
  let ownId: number, otherId: number;
  const req = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang?: string) =>
    t.app.inject({ method, url, headers: { cookie, ...(lang && { 'accept-language': lang }) }, ...(payload ? { payload } : {}) });
  const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from tech_contracts'))[0].n;
  const volume = async (region: string, year: number) => {
    const [v] = await t.db.query<{ value: number; source: string }>(
      `select value::float8 as value, source from indicator_values where indicator_code = 'TECH_TRANSACTION_VOLUME' and kind = 'actual' and region_code = $1 and period = $2`,
      [region, String(year)],
    );
    return v;
  };
  /** a contract the clerk enters: a seller in TOWN, a buyer elsewhere in China */
  const body = (over: Record<string, unknown> = {}) => ({
    title: '测试催化剂开发',
    type: 'development',
    subtype: 'commissioned',
    signedOn: bureauToday(),
    seller: { name: '测试卖方科技有限公司', uscc: testUscc(1), location: 'district', regionCode: TOWN },
    buyer: { name: '测试买方化工有限公司', uscc: testUscc(2, 'B'), location: 'domestic' },
    contractAmount: 100,
    unit: '万元',
    items: [],
    field: 'newMaterials',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp(mode);
    const admin = await t.login('admin');
    [bureau, town, own] = await Promise.all(['bureau', 'town', 'enterprise'].map((u) => t.login(u)));
    [{ id: ownId }] = await t.db.query<{ id: number }>(`select bound_id::int as id from users where username = 'enterprise'`);
    // another enterprise of the registry, with its own account
    [{ id: otherId }] = await t.db.query<{ id: number }>(`select id::int as id from enterprises where id <> $1 order by id limit 1`, [ownId]);
    const opened = await req(admin, 'POST', `/api/enterprises/${otherId}/accounts`, { username: 'tc-other', password: 'kechuang-demo' });
    expect(opened.statusCode, opened.body).toBe(200);
    other = await t.login('tc-other');
  });
  afterAll(async () => t?.close());

  it('the demo holds two years of synthetic contracts, and their figure is the indicator’s computed actual', async () => {
    const list = json(await req(bureau, 'GET', '/api/tech-contracts?pageSize=5'));
    expect(list.total).toBeGreaterThan(250);
    expect(list.items[0].isSynthetic).toBe(true);
    const stats = json(await req(bureau, 'GET', '/api/tech-contracts/stats?by=year'));
    const y2025 = stats.rows.find((r: { year: number }) => r.year === 2025);
    expect(y2025.exported.count).toBeGreaterThan(100);
    const v = await volume(DISTRICT, 2025);
    expect(v.source).toBe('computed');
    expect(v.value).toBeCloseTo(y2025.exported.contractAmount / 1e8, 3);
  });

  it('an enterprise submits with itself as the seller, and the clock runs by the rules of the day', async () => {
    const res = await req(own, 'POST', '/api/tech-contracts', body({ seller: { name: '任意', location: 'district' } }));
    expect(res.statusCode, res.body).toBe(200);
    const c = json(res);
    expect(c.seller).toMatchObject({ enterpriseId: ownId, location: 'district' });
    expect(c.status).toBe('submitted');
    expect(c.contractAmount).toBe(1_000_000);
    expect(c.deadline).toBe(registrationDeadline(bureauToday(), 1_000_000).deadline);
    expect(c.deadline).toBe(addWorkingDays(bureauToday(), 15));
    expect(c.daysLeft).toBeGreaterThan(14);
    expect(c.canEdit).toBe(true);
    expect(c.canDecide).toBe(false);
  });

  it("an enterprise cannot submit for another organisation as seller (403), nor read or write another's contract (403)", async () => {
    const before = await count();
    const forOther = await req(
      own,
      'POST',
      '/api/tech-contracts',
      body({ seller: { name: '别家', uscc: testUscc(9), location: 'district', regionCode: TOWN } }),
    );
    expect([forOther.statusCode, json(forOther).error.code]).toEqual([403, 'TC_NOT_OWN_SELLER']);
    expect(await count()).toBe(before);
    const mine = json(await req(own, 'POST', '/api/tech-contracts', body({ seller: { name: 'x', location: 'district' } })));
    expect((await req(other, 'GET', `/api/tech-contracts/${mine.id}`)).statusCode).toBe(403);
    expect((await req(other, 'PUT', `/api/tech-contracts/${mine.id}`, body())).statusCode).toBe(403);
    expect((await req(other, 'POST', `/api/tech-contracts/${mine.id}/instalments`, { receivedOn: bureauToday(), amount: 1 })).statusCode).toBe(403);
    expect((await req(own, 'POST', `/api/tech-contracts/${mine.id}/register`, {})).statusCode).toBe(403);
    // its list holds its own contracts only
    const list = json(await req(other, 'GET', '/api/tech-contracts?pageSize=500'));
    expect(list.items.every((c: any) => c.seller.enterpriseId === otherId || c.buyer.enterpriseId === otherId)).toBe(true);
    expect(list.items.some((c: any) => c.id === mine.id)).toBe(false);
  });

  it('a town officer sees only contracts with a party in its town', async () => {
    const list = json(await req(town, 'GET', '/api/tech-contracts?pageSize=500'));
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((c: any) => c.seller.regionCode === TOWN || c.buyer.regionCode === TOWN)).toBe(true);
    const elsewhere = json(
      await req(bureau, 'POST', '/api/tech-contracts', body({ seller: { name: '蛟川卖方', uscc: testUscc(3), location: 'district', regionCode: TOWN2 } })),
    );
    expect((await req(town, 'GET', `/api/tech-contracts/${elsewhere.id}`)).statusCode).toBe(403);
    expect((await req(town, 'POST', `/api/tech-contracts/${elsewhere.id}/register`, {})).statusCode).toBe(403);
    const stats = json(await req(town, 'GET', '/api/tech-contracts/stats?by=town'));
    expect(stats.rows.every((r: { key: string; exported: { count: number } }) => r.key === TOWN || r.exported.count === 0)).toBe(true);
  });

  it.each([
    ['a technical amount above the total', { techAmount: 120 }, 'TC_TECH_EXCEEDS_TOTAL', 'techAmount'],
    ['a negative amount', { contractAmount: -5 }, 'TC_AMOUNT_NEGATIVE', 'contractAmount'],
    ['a negative item', { items: [{ kind: 'materials', name: '原料', amount: -1 }] }, 'TC_AMOUNT_NEGATIVE', 'items.0.amount'],
    ['the same two parties', { buyer: { name: '测试卖方科技有限公司', uscc: testUscc(1), location: 'domestic' } }, 'TC_PARTIES_SAME', 'buyer.uscc'],
    ['a price in an unknown unit', { unit: 'USD' }, 'TC_UNIT_UNKNOWN', 'unit'],
    ['an unknown town', { seller: { name: '卖方', uscc: testUscc(4), location: 'district', regionCode: 'X99' } }, 'TC_REGION_UNKNOWN', 'seller.regionCode'],
    ['a seller outside the district', { seller: { name: '卖方', uscc: testUscc(4), location: 'domestic' } }, 'TC_SELLER_ELSEWHERE', 'seller.location'],
  ])('%s is a 4xx naming the field, nothing written', async (_what, over, code, field) => {
    const before = await count();
    for (const [lang, chinese] of [
      ['zh', true],
      ['en', false],
    ] as const) {
      const res = await req(bureau, 'POST', '/api/tech-contracts', body(over), lang);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(json(res).error).toMatchObject({ code, details: { field } });
      expect(/[\u4e00-\u9fff]/.test(json(res).error.message)).toBe(chinese);
    }
    expect(await count()).toBe(before);
  });

  it('the rules by signing date: 专利实施许可 under 转让 before 2026-03-01 is counted as 技术许可; after, it is refused', async () => {
    const licence = { type: 'transfer', subtype: 'patentLicence' };
    const old = await req(bureau, 'POST', '/api/tech-contracts', body({ ...licence, signedOn: '2025-11-20' }));
    expect(old.statusCode, old.body).toBe(200);
    expect(json(old)).toMatchObject({ type: 'licence', subtype: 'patentLicence', rulesVersion: '2001' });
    const now = await req(bureau, 'POST', '/api/tech-contracts', body({ ...licence, signedOn: '2026-03-01' }));
    expect(json(now).error).toMatchObject({ code: 'TC_SUBTYPE_MISMATCH', details: { field: 'subtype' } });
    expect(
      json(await req(bureau, 'POST', '/api/tech-contracts', body({ type: 'licence', subtype: 'patentLicence', signedOn: '2026-03-01' }))).rulesVersion,
    ).toBe('2026');
  });

  it('the technical amount is the total less the deductible items; the carrier set stays', async () => {
    const c = json(
      await req(
        bureau,
        'POST',
        '/api/tech-contracts',
        body({
          items: [
            { kind: 'equipment', name: '中试装置', amount: 30, quantity: 1, carrier: true },
            { kind: 'materials', name: '原料', amount: 12, carrier: false },
          ],
        }),
      ),
    );
    expect([c.contractAmount, c.techAmount]).toEqual([1_000_000, 880_000]);
  });

  it('registering, correcting and deregistering move the computed technology-transaction figure of the year', async () => {
    const year = Number(bureauToday().slice(0, 4));
    const district0 = (await volume(DISTRICT, year))?.value ?? 0;
    const town0 = (await volume(TOWN, year))?.value ?? 0;
    const c = json(await req(bureau, 'POST', '/api/tech-contracts', body({ contractAmount: 10_000 })));
    const reg = await req(bureau, 'POST', `/api/tech-contracts/${c.id}/register`, {});
    expect(reg.statusCode, reg.body).toBe(200);
    expect(json(reg)).toMatchObject({ status: 'registered', registeredOn: bureauToday(), clerkName: expect.any(String) });
    expect(json(reg).registrationNo).toMatch(new RegExp(`^${DISTRICT}${year}\\d{6}$`));
    expect((await volume(DISTRICT, year)).value).toBeCloseTo(district0 + 1, 4);
    expect((await volume(TOWN, year)).value).toBeCloseTo(town0 + 1, 4);
    // a registered contract cannot be registered again
    expect((await req(bureau, 'POST', `/api/tech-contracts/${c.id}/register`, {})).statusCode).toBe(409);

    const corrected = await req(bureau, 'POST', `/api/tech-contracts/${c.id}/correct`, { contractAmount: 5_000, unit: '万元', reason: '合同金额更正' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(json(corrected).history.at(-1)).toMatchObject({ action: 'correct', reason: '合同金额更正', before: { contractAmount: 100_000_000 } });
    expect((await volume(DISTRICT, year)).value).toBeCloseTo(district0 + 0.5, 4);
    const badCorrection = await req(bureau, 'POST', `/api/tech-contracts/${c.id}/correct`, { techAmount: 6_000, unit: '万元', reason: '更正' });
    expect(json(badCorrection).error).toMatchObject({ code: 'TC_TECH_EXCEEDS_TOTAL', details: { field: 'techAmount' } });
    const audit = await t.db.query(`select 1 from audit_log where action = 'techContract.correct' and entity_id = $1`, [String(c.id)]);
    expect(audit).toHaveLength(1);

    expect((await req(bureau, 'POST', `/api/tech-contracts/${c.id}/deregister`, { reason: '合同解除' })).statusCode).toBe(200);
    expect((await volume(DISTRICT, year)).value).toBeCloseTo(district0, 4);
  });

  it('refused with one ground of the rules in force; returned for papers, resubmitted with a fresh clock', async () => {
    const a = json(await req(bureau, 'POST', '/api/tech-contracts', body()));
    const bad = await req(bureau, 'POST', `/api/tech-contracts/${a.id}/refuse`, { ground: 'noSuchGround' });
    expect(bad.statusCode).toBe(400);
    const refused = json(await req(bureau, 'POST', `/api/tech-contracts/${a.id}/refuse`, { ground: 'unclearPrice', note: '价款未约定' }));
    expect(refused).toMatchObject({ status: 'refused', refusalGround: 'unclearPrice', daysLeft: null });
    const b = json(await req(own, 'POST', '/api/tech-contracts', body({ seller: { name: 'x', location: 'district' } })));
    expect(json(await req(bureau, 'POST', `/api/tech-contracts/${b.id}/return`, { note: '请补充发票' }))).toMatchObject({
      status: 'returned',
      statusNote: '请补充发票',
    });
    // the seller's to-do inbox holds it until resubmitted; the clerk's holds the waiting ones
    const ownTodos = json(await req(own, 'GET', '/api/todos')).groups.find((g: { kind: string }) => g.kind === 'techContractsReturned');
    expect(ownTodos.items.map((i: { link: string }) => i.link)).toContain(`/tech-contracts/${b.id}`);
    const clerkTodos = json(await req(bureau, 'GET', '/api/todos')).groups.find((g: { kind: string }) => g.kind === 'techContractsWaiting');
    expect(clerkTodos.count).toBe(json(await req(bureau, 'GET', '/api/tech-contracts?status=submitted&pageSize=1')).total);
    const again = json(await req(own, 'POST', `/api/tech-contracts/${b.id}/resubmit`));
    expect(again).toMatchObject({ status: 'submitted', submittedOn: bureauToday() });
    expect(again.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'resubmit']);
  });

  it('the overdue filter and the export in the request’s language', async () => {
    const overdue = json(await req(bureau, 'GET', '/api/tech-contracts?overdue=true&pageSize=500'));
    // the demo leaves a few waiting past their deadline
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((c: any) => c.status === 'submitted' && c.overdue && c.daysLeft < 0)).toBe(true);
    for (const [lang, header] of [
      ['en', 'Registration no.'],
      ['zh', '登记编号'],
    ]) {
      const res = await req(bureau, 'GET', '/api/tech-contracts/export?status=registered&year=2025', undefined, lang);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0].getRow(1).getCell(1).text).toBe(header);
      const registered2025 = json(await req(bureau, 'GET', '/api/tech-contracts?status=registered&year=2025&pageSize=1')).total;
      expect(wb.worksheets[0].rowCount).toBe(registered2025 + 1);
    }
  });
});
