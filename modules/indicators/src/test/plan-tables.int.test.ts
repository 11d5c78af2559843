/**
 * Issue 14 on the demo: both plan tables loaded in full (表1's 8 rows, 表2's 17, the investment share from its note),
 * each indicator with its unit, plan membership and figures; actuals up to 2025, the registry's 2025 among them;
 * a registry count beside the plan's baseline of the same year, both shown with why they differ; a grey light that
 * says 无目标; and a demo database from before all this brought up to date on its next start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { planFigures, readPlanTables } from '../demo/plan-tables.ts';
import { DEMO_DATA_DIR } from '../demo/seed-demo-indicators.ts';
import { ZHENHAI_CATALOGUE } from '../demo/zhenhai-catalogue.ts';

const DISTRICT = '330211';
const tables = readPlanTables(DEMO_DATA_DIR);
const FIGURES = planFigures(ZHENHAI_CATALOGUE, tables);
const REGISTRY = ['HNTE_COUNT', 'TECH_SME_COUNT', 'ABOVE_SCALE_RD_SHARE', 'PROV_ENGINEERING_CENTERS'];
/** the entries the demo lacked before issue 14 */
const ADDED = [
  'HIGHTECH_INVESTMENT_SHARE',
  'HIGHTECH_VALUE_ADDED_SHARE',
  'HIGHTECH_VALUE_ADDED_SHARE_ALL',
  'INVENTION_PATENTS_PER_10K',
  'TECH_TRANSACTION_VOLUME',
];

interface Item {
  code: string;
  unit: string;
  plans: string[];
  computedBasis: string;
}
interface ReportItem {
  code: string;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  actualSource: string | null;
  light: string;
  comparisons: { period: string; official: number; officialSource: string; computed: number }[];
}

describeEachDatabase("the plans' tables in the demo", (mode) => {
  let t: TestApp;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
  });
  afterAll(async () => t?.close());
  const get = async (url: string) => json(await t.app.inject({ url, headers: { cookie: bureau } }));
  const catalogue = async (): Promise<Map<string, Item>> => new Map((await get('/api/indicators?pageSize=500')).items.map((i: Item) => [i.code, i]));
  const report = async (period: string): Promise<Map<string, ReportItem>> =>
    new Map((await get(`/api/indicators/report?region=${DISTRICT}&period=${period}`)).items.map((i: ReportItem) => [i.code, i]));
  const planValues = async () =>
    t.db.query<{ indicator: string; kind: string; period: string; value: number }>(
      `select indicator_code as indicator, kind, period, value::float8 as value from indicator_values where region_code = $1 and source = 'plan'`,
      [DISTRICT],
    );

  it('has every row of 表1 (8) and 表2 (17) and the investment share in the catalogue, each in its unit and plan', async () => {
    const entries = await catalogue();
    const check = (plan: 'fyp13' | 'fyp14', code: 'FYP13' | 'FYP14') => {
      for (const row of tables[plan]) {
        const entry = ZHENHAI_CATALOGUE.find((e) => e[plan]?.seq === Number(row.seq) && !e[plan]?.note)!;
        expect(entries.get(entry.code), row.name_zh).toMatchObject({ unit: row.unit });
        expect(entries.get(entry.code)!.plans, row.name_zh).toContain(code);
      }
    };
    check('fyp13', 'FYP13');
    check('fyp14', 'FYP14');
    expect(entries.get('HIGHTECH_INVESTMENT_SHARE')).toMatchObject({ unit: '%', plans: ['FYP14'] });
    expect(entries.get('TECH_TRANSACTION_VOLUME')).toMatchObject({ unit: '亿元', plans: ['FYP13'] });
    expect(entries.get('INVENTION_PATENTS_PER_10K')).toMatchObject({ unit: '件', plans: ['FYP13'] });
    expect(entries.get('HIGHTECH_VALUE_ADDED_SHARE')).toMatchObject({ unit: '%', plans: ['FYP13'] });
    expect(entries.get('HNTE_COUNT')!.plans).toEqual(['FYP14', 'FYP13']);
    expect(entries.get('GDP')!.plans).toEqual([]);
  });

  it('holds every figure of both tables and their notes for the district, as the plans state them', async () => {
    const stored = new Map((await planValues()).map((v) => [`${v.indicator}|${v.kind}|${v.period}`, v.value]));
    for (const f of FIGURES) expect(stored.get(`${f.indicator}|${f.kind}|${f.period}`), `${f.indicator} ${f.kind} ${f.period}`).toBe(f.value);
    expect(stored.size).toBe(new Set(FIGURES.map((f) => `${f.indicator}|${f.kind}|${f.period}`)).size);
    // the ones issue 14 names
    expect(stored.get('HIGHTECH_INVESTMENT_SHARE|baseline|2020')).toBe(36.6);
    expect(stored.get('HIGHTECH_INVESTMENT_SHARE|target|2025')).toBe(39.5);
    expect(stored.get('RD_INTENSITY|baseline|2015')).toBe(2.41);
    expect(stored.get('RD_INTENSITY|actual|2020')).toBe(2.43);
    expect(stored.get('TECH_TRANSACTION_VOLUME|target|2020')).toBe(11);
    expect(stored.get('INVENTION_PATENTS_PER_10K|actual|2020')).toBe(67.1);
    expect(stored.get('HIGHTECH_VALUE_ADDED_SHARE_ALL|actual|2020')).toBe(67.6);
  });

  it("has actuals up to 2025, the registry's counts of 2025 among them", async () => {
    // the running year has the contracts registered so far; the pages open on the newest year with its statistics
    expect((await get('/api/indicators/periods')).default).toBe('2025');
    const items = await report('2025');
    const tiers = (await get('/api/enterprises/tiers?from=2025&to=2025')).items.find((c: { regionCode: string }) => c.regionCode === DISTRICT);
    for (const code of REGISTRY) expect(items.get(code)!.actualSource, code).toBe('computed');
    expect(items.get('HNTE_COUNT')!.actual).toBe(tiers.hnte);
    expect(items.get('TECH_SME_COUNT')!.actual).toBe(tiers.techSme);
    // every indicator of the 14th plan has a figure for 2025, so no card of the 2025 cockpit is empty
    const cockpit = await get('/api/indicators/cockpit?period=2025');
    expect(cockpit).toMatchObject({ period: '2025', plan: { code: 'FYP14' } });
    expect(cockpit.headline.every((i: ReportItem) => i.actual !== null)).toBe(true);
    expect(cockpit.lights.grey).toBe(0);
  });

  it("shows the registry's 2020 share beside the plan's 2020 base, with the registry's 口径, wherever both appear", async () => {
    const tiers = (await get('/api/enterprises/tiers?from=2020&to=2020')).items.find((c: { regionCode: string }) => c.regionCode === DISTRICT);
    const computed = Math.round((tiers.aboveScaleWithRd / tiers.aboveScaleReporting) * 1000) / 10;
    expect(computed).not.toBe(62);
    const expected = [{ period: '2020', official: 62, officialKind: 'baseline', officialSource: 'plan', computed }];
    // the 14th plan's report (its baseline year) and the 13th plan's (its own year)
    const share = (await report('2024')).get('ABOVE_SCALE_RD_SHARE')!;
    expect(share.comparisons).toEqual(expected);
    expect((await report('2020')).get('ABOVE_SCALE_RD_SHARE')!.comparisons).toEqual(expected);
    expect((await catalogue()).get('ABOVE_SCALE_RD_SHARE')!.computedBasis).toMatch(/研发费用大于零/);
    // where the two agree (the registry was built to the plan's 227 HNTEs of 2020), nothing to explain
    expect((await report('2024')).get('HNTE_COUNT')!.comparisons).toEqual([]);
    // the cockpit's card and the trend's 2020 point
    const cockpit = await get('/api/indicators/cockpit?period=2024');
    expect(cockpit.headline.find((i: ReportItem) => i.code === 'ABOVE_SCALE_RD_SHARE').comparisons).toEqual(expected);
    const trend = await get(`/api/indicators/trend?region=${DISTRICT}&indicator=ABOVE_SCALE_RD_SHARE`);
    expect(trend.points.find((p: { period: string }) => p.period === '2020')).toMatchObject({
      actual: computed,
      actualSource: 'computed',
      official: { value: 62, kind: 'baseline', source: 'plan' },
    });
    expect(trend.points.find((p: { period: string }) => p.period === '2021').official).toBeNull();
    // and the exported report says it in words
    const res = await t.app.inject({ url: `/api/indicators/report/export?region=${DISTRICT}&period=2024`, headers: { cookie: bureau } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String);
    expect(cells.find((c) => c.startsWith('官方口径 62%'))).toMatch(new RegExp(`2020 年规划基数）；平台计算 ${computed}%（口径：.*研发费用大于零`));
  });

  it('reports the 13th plan with its own indicators, and a value without a target as such', async () => {
    const items = await report('2020');
    expect(items.get('TECH_TRANSACTION_VOLUME')).toMatchObject({ baseline: 3.45, target: 11, actual: 21.96, actualSource: 'plan', light: 'green' });
    expect(items.get('INVENTION_PATENTS_PER_10K')).toMatchObject({ baseline: null, target: 55, actual: 67.1, light: 'grey' });
    expect(items.get('RD_INTENSITY')).toMatchObject({ baseline: 2.41, target: null, actual: 2.43, light: 'grey' });
    expect(items.has('PCT_APPLICATIONS')).toBe(false); // a 14th-plan indicator with nothing in 2020
    const now = await report('2024');
    expect(ADDED.filter((c) => now.has(c))).toEqual(['HIGHTECH_INVESTMENT_SHARE']); // the 13th plan's own are not the 14th's
    const res = await t.app.inject({ url: `/api/indicators/report/export?region=${DISTRICT}&period=2020`, headers: { cookie: bureau } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter((r) => Array.isArray(r))
      .map((r) => r.map(String));
    expect(rows.find((r) => r.includes('RD_INTENSITY'))).toContain('无目标');
    expect(rows.find((r) => r.includes('INVENTION_PATENTS_PER_10K'))).toContain('无基数');
  });

  it('draws the trend of an indicator only the 13th plan had against that plan', async () => {
    const trend = await get(`/api/indicators/trend?region=${DISTRICT}&indicator=INVENTION_PATENTS_PER_10K`);
    expect(trend.plan.code).toBe('FYP13');
    expect(trend.target).toEqual({ period: '2020', value: 55 });
    expect(trend.points.find((p: { period: string }) => p.period === '2020')).toMatchObject({ actual: 67.1, actualSource: 'plan' });
  });

  describe('a demo database from before the plan tables were complete', () => {
    const counts = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from indicator_values'))[0].n;

    it('gets the missing entries, figures and the 2025 actuals on its next start, once, keeping what was edited', async () => {
      const full = await counts();
      await t.db.query(`delete from indicator_values where indicator_code = any($1::text[]) or (kind = 'actual' and period = '2025')`, [ADDED]);
      await t.db.query('delete from indicators where code = any($1::text[])', [ADDED]);
      await t.db.query(`update indicators set name_en = 'Edited by the bureau', computed_basis = '' where code = 'HNTE_COUNT'`);
      await t.db.query(`delete from settings where key = 'demoIndicators2025'`);
      expect(await counts()).toBeLessThan(full);

      await t.prepare();
      expect(await counts()).toBe(full);
      const entries = await catalogue();
      for (const code of ADDED) expect(entries.has(code), code).toBe(true);
      expect(entries.get('HNTE_COUNT')).toMatchObject({ nameEn: 'Edited by the bureau' });
      expect(entries.get('HNTE_COUNT')!.computedBasis).toMatch(/高新技术企业数/);
      const stored = new Map((await planValues()).map((v) => [`${v.indicator}|${v.kind}|${v.period}`, v.value]));
      expect(stored.get('HIGHTECH_INVESTMENT_SHARE|target|2025')).toBe(39.5);
      expect((await report('2025')).get('HNTE_COUNT')!.actualSource).toBe('computed');

      await t.db.query(`delete from indicator_values where indicator_code = 'TECH_TRANSACTION_VOLUME'`);
      await t.prepare();
      expect(await counts()).toBeLessThan(full); // once: a figure deleted since stays deleted
    });
  });
});
