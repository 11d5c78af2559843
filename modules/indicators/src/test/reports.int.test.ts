import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';

describeEachDatabase('indicator reports', (mode) => {
  let t: TestApp;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
  });
  afterAll(async () => t?.close());
  const get = (url: string) => t.app.inject({ url, headers: { cookie: bureau } });
  const actuals = async (indicator: string, period: string) =>
    (
      await t.db.query<{ region_code: string; value: string }>(
        `select region_code, value::text from indicator_values where indicator_code = $1 and kind = 'actual' and period = $2 and region_code <> '330211'`,
        [indicator, period],
      )
    ).map((r) => Number(r.value));

  it("reports the district with the plan's real baseline and target, the registry's counts, and towns rolled up", async () => {
    const report = json(await get('/api/indicators/report?region=330211&period=2024'));
    expect(report.plan.code).toBe('FYP14');
    // HNTE_COUNT comes from the demo registry (source 'computed'), for the district and each town alike
    const hnte = report.items.find((i: { code: string }) => i.code === 'HNTE_COUNT');
    expect(hnte).toMatchObject({ baseline: 227, baselinePeriod: '2020', target: 583, targetPeriod: '2025', actualSource: 'computed' });
    expect(hnte.actual).toBe((await actuals('HNTE_COUNT', '2024')).reduce((a, b) => a + b, 0));
    const pct = report.items.find((i: { code: string }) => i.code === 'PCT_APPLICATIONS');
    expect(pct.actualSource).toBe('rolledUp');
    expect(pct.actual).toBeCloseTo(
      (await actuals('PCT_APPLICATIONS', '2024')).reduce((a, b) => a + b, 0),
      6,
    );
    // compound trajectory: 227 · (583/227)^(4/5)
    expect(hnte.expected).toBeCloseTo(227 * (583 / 227) ** 0.8, 2);
    const rd = report.items.find((i: { code: string }) => i.code === 'RD_INTENSITY');
    const rdSpend = (await actuals('RD_EXPENDITURE', '2024')).reduce((a, b) => a + b, 0);
    const gdp = (await actuals('GDP', '2024')).reduce((a, b) => a + b, 0);
    expect(rd.actual).toBeCloseTo((rdSpend / gdp) * 100, 4);
    const staff = report.items.find((i: { code: string }) => i.code === 'RD_PERSONNEL_PER_10K');
    expect(staff).toMatchObject({ baseline: 132.1, baselinePeriod: '2019', actualSource: 'synthetic' });
  });

  it("places a quarter on the plan's trajectory", async () => {
    const report = json(await get('/api/indicators/report?region=330211001&period=2024Q2'));
    const item = report.items.find((i: { code: string }) => i.code === 'SCIENCE_LITERACY');
    const share = (2023.5 - 2020) / 5;
    expect(item.expected).toBeCloseTo(item.baseline + (item.target - item.baseline) * share, 2);
    expect(item.light).toBe('grey'); // no quarterly actual
  });

  it.each([
    ['a bad period', '/api/indicators/report?region=330211&period=2024Q9', 400, 'PERIOD_INVALID'],
    ['an unknown region', '/api/indicators/report?region=999999&period=2024', 400, 'REGION_UNKNOWN'],
    ['an unknown plan', '/api/indicators/report?region=330211&period=2024&plan=NOPE', 404, 'PLAN_UNKNOWN'],
    ['an unknown indicator', '/api/indicators/trend?region=330211&indicator=NOPE', 400, 'INDICATOR_UNKNOWN'],
    ['a missing parameter', '/api/indicators/report?region=330211', 400, 'VALIDATION'],
  ])('answers %s with a clear 4xx', async (_, url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(json(res).error.code).toBe(code);
  });

  it('ranks towns and parks, and the demo shows green, yellow and red lights', async () => {
    const league = json(await get('/api/indicators/league?period=2024'));
    expect(league.unitCount).toBe(8);
    expect(league.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const shares = league.items.map((i: { greenShare: number }) => i.greenShare);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    const lights = league.items.flatMap((i: { cells: Record<string, { light: string }> }) => Object.values(i.cells).map((c) => c.light));
    expect(new Set(lights)).toEqual(new Set(['green', 'yellow', 'red']));
    const byIndicator = json(await get('/api/indicators/league?period=2024&indicator=HNTE_COUNT'));
    const ranks = byIndicator.items.map((i: { cells: Record<string, { rank: number }> }) => i.cells.HNTE_COUNT.rank);
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const paged = json(await get('/api/indicators/league?period=2024&page=2&pageSize=3'));
    expect(paged).toMatchObject({ total: 8, page: 2 });
    expect(paged.items.map((i: { rank: number }) => i.rank)).toEqual([4, 5, 6]);
  });

  it('recomputes the league as soon as a figure changes', async () => {
    const before = json(await get('/api/indicators/league?period=2024&indicator=HNTE_COUNT'));
    const last = before.items.at(-1);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/values',
      headers: { cookie: bureau },
      payload: { region: last.regionCode, indicator: 'HNTE_COUNT', period: '2024', kind: 'actual', value: '100000' },
    });
    expect(put.statusCode).toBe(200);
    const after = json(await get('/api/indicators/league?period=2024&indicator=HNTE_COUNT'));
    expect(after.items[0].regionCode).toBe(last.regionCode);
    expect(after.items[0].cells.HNTE_COUNT.light).toBe('green');
  });

  it('draws a trend with history, actuals, the expected path and the target', async () => {
    const trend = json(await get('/api/indicators/trend?region=330211&indicator=TECH_SME_COUNT'));
    expect(trend.baseline).toEqual({ period: '2020', value: 1029 });
    expect(trend.target).toEqual({ period: '2025', value: 2000 });
    const byYear = Object.fromEntries(trend.points.map((p: { period: string }) => [p.period, p]));
    expect(byYear['2015'].actual).toBe(522); // 13th plan, real
    // 2025 too: the registry's count, like the years before it
    expect(byYear['2025']).toMatchObject({
      expected: 2000,
      rolledUp: false,
      actualSource: 'computed',
      actual: (await actuals('TECH_SME_COUNT', '2025')).reduce((a, b) => a + b, 0),
    });
    // the district's own figure, computed from the registry, equals its towns' sum
    expect(byYear['2023']).toMatchObject({ rolledUp: false, actual: (await actuals('TECH_SME_COUNT', '2023')).reduce((a, b) => a + b, 0) });
    const pct = json(await get('/api/indicators/trend?region=330211&indicator=PCT_APPLICATIONS'));
    expect(pct.points.find((p: { period: string }) => p.period === '2023').rolledUp).toBe(true);
  });

  it('exports the report and the league as spreadsheets', async () => {
    for (const url of ['/api/indicators/report/export?region=330211&period=2024', '/api/indicators/league/export?period=2024']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      expect(wb.worksheets[0].rowCount).toBeGreaterThanOrEqual(9);
    }
  });

  it('searches and filters the catalogue, and exports it', async () => {
    const found = json(await get(`/api/indicators?q=${encodeURIComponent('专利')}`));
    expect(found.items.map((i: { code: string }) => i.code).sort()).toEqual(['INVENTION_PATENTS', 'INVENTION_PATENTS_PER_10K', 'PCT_APPLICATIONS']);
    const headline = json(await get(`/api/indicators?q=${encodeURIComponent('专利')}&headline=true`));
    expect(headline.items.map((i: { code: string }) => i.code)).toEqual(['INVENTION_PATENTS']);
    const xlsx = await get('/api/indicators/export');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('marks demo figures as such through computed sources and roll-ups, and only those', async () => {
    const item = (report: { items: { code: string }[] }, code: string) => report.items.find((i) => i.code === code) as Record<string, unknown>;
    const district = json(await get('/api/indicators/report?region=330211&period=2023'));
    // counted from the synthetic registry, and summed from synthetic towns: both demo data
    expect(item(district, 'HNTE_COUNT')).toMatchObject({ actualSource: 'computed', actualSynthetic: true });
    expect(item(district, 'PCT_APPLICATIONS')).toMatchObject({ actualSource: 'rolledUp', actualSynthetic: true });
    const trend = json(await get('/api/indicators/trend?region=330211&indicator=PCT_APPLICATIONS'));
    expect(trend.points.find((p: { period: string }) => p.period === '2023')).toMatchObject({ rolledUp: true, actualSynthetic: true });
    const cockpit = json(await get('/api/indicators/cockpit?period=2023'));
    expect(cockpit.headline.length).toBeGreaterThan(0);
    expect(cockpit.headline.every((h: { actual: number | null; actualSynthetic: boolean }) => h.actual === null || h.actualSynthetic)).toBe(true);

    // the towns' 2023 patents imported for real, and the registry's count marked as counted from real records: neither is demo data
    await t.db.query(`update indicator_values set source = 'import' where indicator_code = 'PCT_APPLICATIONS' and kind = 'actual' and period = '2023'`);
    await t.db.query(`update indicator_values set computed_from_synthetic = false where indicator_code = 'HNTE_COUNT' and kind = 'actual' and period = '2023'`);
    try {
      const real = json(await get('/api/indicators/report?region=330211&period=2023'));
      expect(item(real, 'HNTE_COUNT')).toMatchObject({ actualSource: 'computed', actualSynthetic: false });
      expect(item(real, 'PCT_APPLICATIONS')).toMatchObject({ actualSource: 'rolledUp', actualSynthetic: false });
      const realTrend = json(await get('/api/indicators/trend?region=330211&indicator=PCT_APPLICATIONS'));
      expect(realTrend.points.find((p: { period: string }) => p.period === '2023')).toMatchObject({ actualSynthetic: false });
      expect(realTrend.points.find((p: { period: string }) => p.period === '2022')).toMatchObject({ actualSynthetic: true });
      // the registry's counts written again: the demo registry's count is demo data again
      const written = await t.app.inject({
        method: 'POST',
        url: '/api/enterprises/tiers/indicator-actuals',
        headers: { cookie: bureau },
        payload: { from: 2023, to: 2023 },
      });
      expect(written.statusCode).toBe(200);
      const again = json(await get('/api/indicators/report?region=330211&period=2023'));
      expect(item(again, 'HNTE_COUNT')).toMatchObject({ actualSource: 'computed', actualSynthetic: true });
    } finally {
      await t.db.query(`update indicator_values set source = 'synthetic' where indicator_code = 'PCT_APPLICATIONS' and kind = 'actual' and period = '2023'`);
      await t.db.query(
        `update indicator_values set computed_from_synthetic = true where indicator_code = 'HNTE_COUNT' and kind = 'actual' and period = '2023'`,
      );
    }
  });

  it('pages, sorts and filters the values list', async () => {
    const page = json(await get('/api/indicators/values?indicator=HNTE_COUNT&kind=actual&sort=value&order=descend&pageSize=5'));
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(5);
    const values = page.items.map((v: { value: string }) => Number(v.value));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(page.items.every((v: { indicatorCode: string; kind: string }) => v.indicatorCode === 'HNTE_COUNT' && v.kind === 'actual')).toBe(true);
  });
});
