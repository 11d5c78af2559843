/**
 * 科技体检 through HTTP on the demo registry: the demo enterprise account diagnoses its own enterprise and gets
 * 404 for another; a town officer cannot diagnose another town's enterprise; the advice's R&D gap in 万元 is
 * the peers' median intensity × revenue − R&D expense; the .xlsx export.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';

describeEachDatabase('diagnosis: 科技体检', (mode) => {
  let t: TestApp;
  let enterprise: string, town: string, town2: string, bureau: string, leader: string;
  let ownId: number;
  let otherId: number;
  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

  beforeAll(async () => {
    t = await startTestApp(mode);
    [enterprise, town, town2, bureau, leader] = await Promise.all(['enterprise', 'town', 'town2', 'bureau', 'leader'].map((u) => t.login(u)));
    ownId = Number(json(await get('/api/auth/me', enterprise)).user.enterpriseId);
    const [other] = await t.db.query<{ id: number }>('select id from enterprises where id <> $1 order by id limit 1', [ownId]);
    otherId = Number(other.id);
  });
  afterAll(async () => t?.close());

  it('the enterprise account diagnoses its own enterprise: peers, seven indicators, advice', async () => {
    const res = await get(`/api/evaluation/diagnosis/${ownId}`, enterprise);
    expect(res.statusCode, res.body).toBe(200);
    const d = json(res);
    expect(d.enterprise.id).toBe(ownId);
    expect(d.year).toBe(d.years[0]);
    expect(d.peers.count).toBeGreaterThanOrEqual(10);
    expect(d.peers.description).toMatch(/企业$/);
    expect(d.indicators.map((i: { code: string }) => i.code)).toEqual([
      'rd_intensity',
      'sci_tech_staff_share',
      'high_tech_revenue_share',
      'invention_patents_per_100',
      'conversions',
      'revenue_growth',
      'net_asset_growth',
    ]);
    for (const i of d.indicators) if (i.percentile !== null) expect(i.q1).toBeLessThanOrEqual(i.q3);
    expect(d.advice.length).toBeGreaterThan(0);
  });

  it('the enterprise account gets 404 for another enterprise, and for the export', async () => {
    expect((await get(`/api/evaluation/diagnosis/${otherId}`, enterprise)).statusCode).toBe(404);
    expect((await get(`/api/evaluation/diagnosis/${otherId}/export`, enterprise)).statusCode).toBe(404);
  });

  it("a town officer diagnoses their town's enterprise but not another town's (404)", async () => {
    // the demo enterprise is in 330211001 招宝山街道 (town), not in 330211002 蛟川街道 (town2)
    expect((await get(`/api/evaluation/diagnosis/${ownId}`, town)).statusCode).toBe(200);
    const res = await get(`/api/evaluation/diagnosis/${ownId}`, town2);
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toBe('NOT_FOUND');
    expect((await get(`/api/evaluation/diagnosis/${ownId}`, leader)).statusCode).toBe(200);
  });

  it("a year without figures is 404, said in the asker's language; a bad id is 400", async () => {
    const zh = await get(`/api/evaluation/diagnosis/${ownId}?year=1990`, bureau);
    expect([zh.statusCode, json(zh).error]).toMatchObject([
      404,
      { code: 'DX_YEAR_WITHOUT_FIGURES', message: '该企业没有 1990 年的数据', details: { field: 'year' } },
    ]);
    const en = await t.app.inject({ url: `/api/evaluation/diagnosis/${ownId}?year=1990`, headers: { cookie: bureau, 'accept-language': 'en' } });
    expect(json(en).error.message).toBe('The enterprise has no figures for 1990');
    expect((await get('/api/evaluation/diagnosis/abc', bureau)).statusCode).toBe(400);
  });

  it('the R&D advice names the gap in 万元: median intensity × revenue − R&D expense', async () => {
    const candidates = await t.db.query<{ id: number; year: number; revenue: number; rd: number }>(
      `select y.enterprise_id as id, y.year, (y.revenue / 10000)::float8 as revenue, (y.rd_expense / 10000)::float8 as rd
         from enterprise_years y join enterprises e on e.id = y.enterprise_id
        where y.confirmed and y.revenue > 0 and y.rd_expense > 0 and y.rd_expense < 0.015 * y.revenue and e.industry_code like 'C26%'
        order by y.year desc, y.enterprise_id limit 10`,
    );
    let checked = 0;
    for (const c of candidates) {
      const d = json(await get(`/api/evaluation/diagnosis/${c.id}?year=${c.year}`, bureau));
      const rd = d.indicators.find((i: { code: string }) => i.code === 'rd_intensity');
      if (rd.percentile === null || rd.value >= rd.median) continue;
      expect(rd.value).toBeCloseTo((c.rd / c.revenue) * 100, 9);
      const line: string = d.advice.find((a: string) => a.includes('研发投入强度'));
      const m =
        /研发投入强度 ([\d.]+)%，低于同(?:行业|门类)同规模企业中位数 ([\d.]+)%；按 (\d{4}) 年营业收入 ([\d,.]+) 万元计，研发费用需增加约 ([\d,.]+) 万元才能达到中位数/.exec(
          line,
        );
      expect(m, line).not.toBeNull();
      const num = (s: string) => Number(s.replace(/,/g, ''));
      expect(num(m![1])).toBeCloseTo(rd.value, 1);
      expect(num(m![2])).toBeCloseTo(rd.median, 1);
      expect(Number(m![3])).toBe(c.year);
      const gap = (rd.median / 100) * c.revenue - c.rd;
      expect(num(m![5])).toBe(gap >= 100 ? Math.round(gap) : Number(gap.toFixed(1)));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('exports the diagnosis as .xlsx', async () => {
    const res = await get(`/api/evaluation/diagnosis/${ownId}/export`, enterprise);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['体检结果', '建议']);
    const values = wb.getWorksheet('体检结果')!.getColumn(1).values.map(String);
    expect(values).toContain('研发投入强度');
  });
});
