/**
 * The market's page for leaders (issue 11 item 7): GET /api/market/overview counts the region's listings, matches,
 * leads, deals and registered contracts per month and town as the data holds them, a town officer sees its own
 * town alone, and the export writes the town table with its headers in the request's language.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import type { MarketOverview, OverviewFigures } from '../contract/overview.ts';

const TOWN = '330211001'; // the demo `town` officer's
const TOWN2 = '330211002'; // the demo `town2` officer's
// a year the demo data does not reach: the figures below are the test's rows alone
const FROM = '2019-01';
const TO = '2019-12';

describeEachDatabase('market: the overview for leaders', (mode) => {
  let t: TestApp;
  let bureau: string, leader: string, town: string, town2: string, ent: string;
  const get = (cookie: string, url: string, lang = 'zh-CN') => t.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
  const overview = async (cookie: string, q = `from=${FROM}&to=${TO}`) => {
    const res = await get(cookie, `/api/market/overview?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<MarketOverview>(res);
  };
  const cell = (o: MarketOverview, month: string, town: string): Partial<OverviewFigures> | undefined =>
    o.cells.find((c) => c.month === month && c.town === town);

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, leader, town, town2, ent] = await Promise.all(['bureau', 'leader', 'town', 'town2', 'enterprise'].map((u) => t.login(u)));
    const q = <T = { id: number }>(sql: string, params: unknown[] = []) => t.db.query<T>(sql, params);
    const [inst] = await q(`insert into institutes (name, kind, region_code) values ('成效测试研究所', 'researchInstitute', $1) returning id::int as id`, [
      TOWN,
    ]);
    // achievements: two published in March 2019 in TOWN, one taken down since (still counted in March), one draft (not counted)
    for (const [title, status, at] of [
      ['成效测试成果一', 'published', '2019-03-05T02:00:00Z'],
      ['成效测试成果二', 'takenDown', '2019-03-31T17:00:00Z'], // 2019-04-01 01:00 in Beijing: April
      ['成效测试成果三', 'published', '2019-03-20T02:00:00Z'],
      ['成效测试草稿', 'draft', null],
    ])
      await q(`insert into achievements (institute_id, title, status, status_reason, region_code, published_at) values ($1, $2, $3, $4, $5, $6)`, [
        inst.id,
        title,
        status,
        status === 'takenDown' ? '测试' : null,
        TOWN,
        at,
      ]);
    const [e1] = await q(`select id::int as id from enterprises where region_code like $1 order by id limit 1`, [`${TOWN}%`]);
    const [e2] = await q(`select id::int as id from enterprises where region_code like $1 order by id limit 1`, [`${TOWN2}%`]);
    const [d1] = await q(
      `insert into demands (enterprise_id, title, status, region_code, published_at) values ($1, '成效测试需求甲', 'published', $2, '2019-05-10T02:00:00Z') returning id::int as id`,
      [e1.id, TOWN],
    );
    const [d2] = await q(
      `insert into demands (enterprise_id, title, status, region_code, published_at) values ($1, '成效测试需求乙', 'published', $2, '2019-05-11T02:00:00Z') returning id::int as id`,
      [e2.id, TOWN2],
    );
    const [a] = await q(`select id::int as id from achievements where title = '成效测试成果一'`);
    const [a3] = await q(`select id::int as id from achievements where title = '成效测试成果三'`);
    const match = async (demandId: number, counterpartId: number, at: string) =>
      (
        await q(
          `insert into market_matches (demand_id, counterpart_kind, counterpart_id, score, first_pushed_at, pushed_at) values ($1, 'achievement', $2, 30, $3, $3) returning id::int as id`,
          [demandId, counterpartId, at],
        )
      )[0].id;
    const m1 = await match(d1.id, a.id, '2019-05-10T03:00:00Z');
    const m2 = await match(d1.id, a3.id, '2019-05-10T03:00:00Z');
    const m3 = await match(d2.id, a.id, '2019-06-01T03:00:00Z');
    const [broker] = await q(
      `insert into brokers (name, certificate_kind, certificate_no, status, region_code) values ('成效测试经纪人', 'licence', 'NB-OV-1', 'published', $1) returning id::int as id`,
      [TOWN],
    );
    const lead = async (matchId: number, status: string, at: string, signedAt?: string) => {
      const [l] = await q(`insert into market_leads (match_id, broker_id, status, reason, created_at) values ($1, $2, $3, $4, $5) returning id::int as id`, [
        matchId,
        broker.id,
        status,
        status === 'dropped' ? '测试' : null,
        at,
      ]);
      if (signedAt) await q(`insert into market_lead_history (lead_id, from_status, to_status, at) values ($1, 'negotiating', 'signed', $2)`, [l.id, signedAt]);
    };
    await lead(m1, 'signed', '2019-05-12T03:00:00Z', '2019-07-02T03:00:00Z');
    await lead(m2, 'dropped', '2019-05-13T03:00:00Z');
    await lead(m3, 'negotiating', '2019-06-02T03:00:00Z');
    const contract = async (no: string, sellerRegion: string, amount: number, tech: number, registeredOn: string, status = 'registered') =>
      q(
        `insert into tech_contracts (registration_no, title, type, subtype, rules_version, signed_on, seller_name, seller_location, seller_region_code,
           buyer_name, buyer_location, contract_amount, tech_amount, field, status, refusal_ground, submitted_on, registered_on, deadline)
         values ($1, '成效测试合同', 'development', 'commissioned', '2001', $2, $3, 'district', $4, '外地买方', 'domestic', $5, $6, 'advancedManufacturing',
                 $7, $8, $2, $2, $2)`,
        [status === 'registered' ? no : null, registeredOn, `卖方${no}`, sellerRegion, amount, tech, status, status === 'refused' ? 'notTechnical' : null],
      );
    await contract('OV-1', TOWN, 1_000_000, 800_000, '2019-07-03');
    await contract('OV-2', TOWN, 500_000.5, 500_000.5, '2019-07-20');
    await contract('OV-3', TOWN2, 2_000_000, 1_500_000, '2019-08-01');
    await contract('OV-4', TOWN2, 9_000_000, 9_000_000, '2019-08-01', 'refused');
  });
  afterAll(async () => t?.close());

  it('counts the district’s listings, matches, leads, deals and registered contracts per month and town as the data holds them', async () => {
    const o = await overview(bureau);
    expect(o.months).toHaveLength(12);
    expect(o.months[0]).toBe('2019-01');
    expect(o.towns.map((x) => x.code)).toEqual(expect.arrayContaining([TOWN, TOWN2]));
    expect(o.totals).toEqual({
      listings: { achievement: 3, demand: 2, expert: 0, broker: 0, provider: 0 },
      matches: 3,
      leads: { contacted: 0, negotiating: 1, signed: 1, dropped: 1 },
      signed: 1,
      contracts: 3,
      contractAmount: 3_500_000.5,
      techAmount: 2_800_000.5,
    });
    expect(cell(o, '2019-03', TOWN)?.listings).toMatchObject({ achievement: 2 });
    expect(cell(o, '2019-04', TOWN)?.listings).toMatchObject({ achievement: 1 });
    expect(cell(o, '2019-05', TOWN)).toMatchObject({ listings: { demand: 1 }, matches: 2, leads: { signed: 1, dropped: 1 } });
    expect(cell(o, '2019-05', TOWN2)).toMatchObject({ listings: { demand: 1 }, matches: 0 });
    expect(cell(o, '2019-06', TOWN2)).toMatchObject({ matches: 1, leads: { negotiating: 1 } });
    expect(cell(o, '2019-07', TOWN)).toMatchObject({ signed: 1, contracts: 2, contractAmount: 1_500_000.5, techAmount: 1_300_000.5 });
    expect(cell(o, '2019-08', TOWN2)).toMatchObject({ contracts: 1, contractAmount: 2_000_000 });
    // a leader reads the same district
    expect((await overview(leader)).totals).toEqual(o.totals);
    // a narrower period keeps only its months
    const q3 = await overview(bureau, 'from=2019-07&to=2019-09');
    expect(q3.totals).toMatchObject({ listings: { achievement: 0, demand: 0 }, matches: 0, signed: 1, contracts: 3 });
  });

  it('shows a town officer its own town alone, and refuses the accounts outside the government', async () => {
    const mine = await overview(town);
    expect(mine.towns).toEqual([{ code: TOWN, name: expect.any(String) }]);
    expect(mine.cells.every((c) => c.town === TOWN)).toBe(true);
    expect(mine.totals).toMatchObject({ listings: { achievement: 3, demand: 1 }, matches: 2, signed: 1, contracts: 2, contractAmount: 1_500_000.5 });
    const other = await overview(town2);
    expect(other.towns.map((x) => x.code)).toEqual([TOWN2]);
    expect(other.totals).toMatchObject({ listings: { achievement: 0, demand: 1 }, matches: 1, signed: 0, contracts: 1, contractAmount: 2_000_000 });
    expect((await get(ent, `/api/market/overview?from=${FROM}&to=${TO}`)).statusCode).toBe(403);
    expect((await get(ent, `/api/market/overview/export?from=${FROM}&to=${TO}`)).statusCode).toBe(403);
  });

  it('refuses a bad period naming the field', async () => {
    for (const [q, field] of [
      ['from=2019-13', 'from'],
      ['from=2019-05&to=2019-01', 'to'],
      ['from=2010-01&to=2019-12', 'from'],
    ]) {
      const res = await get(bureau, `/api/market/overview?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body, q).toContain(field);
    }
  });

  it('exports the town table and the months, headers in English when asked', async () => {
    const res = await get(bureau, `/api/market/overview/export?from=${FROM}&to=${TO}`, 'en');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('By town')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Town', 'Achievements published', 'Matches pushed', 'Deals signed', 'Contract amount (CNY)']));
    const total = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(total[1]).toBe('Total');
    expect(total[headers.indexOf('Contract amount (CNY)') + 1]).toBe(3_500_000.5);
    expect(wb.getWorksheet('By month')!.rowCount).toBe(13);
    const zh = await get(town, `/api/market/overview/export?from=${FROM}&to=${TO}`);
    const wbZh = new ExcelJS.Workbook();
    await wbZh.xlsx.load(zh.rawPayload as unknown as ArrayBuffer);
    const sheetZh = wbZh.getWorksheet('分镇街')!;
    expect(sheetZh.getRow(1).getCell(1).value).toBe('镇街');
    expect(sheetZh.rowCount).toBe(3); // the header, its town, the total
  });
});
