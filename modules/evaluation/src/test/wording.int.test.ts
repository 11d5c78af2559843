/**
 * What people read of the evaluation centre (issue 14): names and units instead of codes, methods in words, rank
 * bands and what moves a finalist, display names for who computed and published, the exports' Chinese headers and
 * words with times in Beijing time, exclusions as sentences (an older run's frozen labels too), and the presets'
 * schemes read-only with a copy that saves as a new scheme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { bureauDate, bureauDateTime } from '../domain/figures.ts';
import { createFirm, fieldOfFirms, YEAR } from './registry-fixtures.ts';

/** every group and leaf id of the leadership preset: none may show where a person reads */
const CODES = [
  'leadership',
  'basics',
  'input',
  'output',
  'platforms',
  'qualifications',
  'revenue',
  'employees',
  'high_tech_share',
  'rd_intensity',
  'rd_expense',
  'sci_tech_staff_share',
  'invention_patents',
  'other_ip',
  'conversions',
  'high_tech_revenue',
  'rd_platform_points',
  'qualification_points',
  'given',
  'equal',
  'arithmetic',
  'minmax',
];
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const BAND = /^第 \d+(–\d+ 名之间| 名)$/;

async function workbook(payload: unknown): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as ExcelJS.Buffer);
  return wb;
}
const cells = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(c.text)));
  return out;
};
/** the header row's cells (the first row whose first cell is 排名/档次/分组/编号) and the rows under it as objects */
function table(ws: ExcelJS.Worksheet): { notes: string[]; header: string[]; rows: Record<string, unknown>[] } {
  const notes: string[] = [];
  let header: string[] | null = null;
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (!header && ['排名', '档次', '分组', '编号', '等级'].includes(String(values[0]))) header = values.map(String);
    else if (!header) notes.push(String(values[0]));
    else rows.push(Object.fromEntries(header.map((h, k) => [h, values[k] ?? null])));
  });
  return { notes, header: header ?? [], rows };
}

describeEachDatabase('evaluation: what people read', (mode) => {
  let t: TestApp;
  let bureau: string, admin: string, leader: string;
  let runId: number;
  const get = (url: string, cookie = bureau) => t.app.inject({ url, headers: { cookie } });
  const post = (url: string, payload: object = {}, cookie = bureau) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, admin, leader] = await Promise.all(['bureau', 'admin', 'leader'].map((u) => t.login(u)));
    for (const f of fieldOfFirms()) await createFirm(t, bureau, f);
    const res = await post('/api/evaluation/runs', { source: { kind: 'leadership', year: YEAR }, options: { samples: 60, seed: 7 } });
    expect(res.statusCode, res.body).toBe(200);
    runId = json(res).id;
  });
  afterAll(async () => t?.close());

  describe('a run', () => {
    it("names who computed it, and gives its columns' names and its leaves' units", async () => {
      const run = json(await get(`/api/evaluation/runs/${runId}`));
      expect(run).toMatchObject({ computedBy: 'bureau', computedByName: '区科技局 王科长', publishedByName: null });
      expect(run.columns.industry).toEqual({ name: '行业大类', unit: '' });
      expect(run.leaves.find((l: { id: string }) => l.id === 'rd_intensity')).toEqual({
        id: 'rd_intensity',
        name: '研发投入强度',
        indicator: 'rd_expense',
        unit: '万元',
        denominator: 'revenue',
        denominatorUnit: '万元',
        direction: 1,
      });
      expect(run.leaves.find((l: { id: string }) => l.id === 'revenue')).toMatchObject({ unit: '万元', transform: 'log1p' });
    });

    it("gives a breakdown's leaves their columns' names and units", async () => {
      const [first] = json(await get(`/api/evaluation/runs/${runId}/results?finalists=true&pageSize=1`)).items;
      const b = json(await get(`/api/evaluation/runs/${runId}/entities/${first.entityId}`));
      const leaf = (id: string) => b.nodes.find((n: { id: string }) => n.id === id);
      expect(leaf('revenue')).toMatchObject({ indicatorName: '营业收入', unit: '万元', transform: 'log1p' });
      expect(leaf('rd_intensity')).toMatchObject({ indicatorName: '研发费用', unit: '万元', denominatorName: '营业收入', denominatorUnit: '万元' });
    });

    it('says why each firm was not scored in a sentence, also for a run frozen with the older labels', async () => {
      const reasons = async () =>
        json(await get(`/api/evaluation/runs/${runId}/excluded?q=${encodeURIComponent('评价测试')}&pageSize=50`))
          .items.map((x: { reason: string }) => x.reason)
          .sort();
      const now = await reasons();
      // founded 2022-01-10, judged on 2023-12-31: 1 year 11 months 21 days (1.97 years), in whole months
      expect(now).toEqual(
        [
          '注册年限不满足（需 ≥ 3 年，实际 1 年 11 个月）',
          '当年度数据未登记，或企业自报尚未经科技局确认',
          '评价日无有效的科技型企业资质（科技型中小企业及以上）',
        ].sort(),
      );
      // a run computed before the sentences: its frozen filters had "注册年限（年）" and no unit or sentence, its reasons "… = 1.97，不满足 >= 3"
      const old = [
        { column: 'has_figures', op: '==', value: 1, label: '当年度已确认数据' },
        { column: 'registered_years', op: '>=', value: 3, label: '注册年限（年）' },
        { column: 'tech_tier', op: '>=', value: 1, label: '科技型企业资质（梯队等级）' },
      ];
      await t.db.query(`update evaluation_runs set scheme = jsonb_set(scheme, '{eligibility}', $2::jsonb) where id = $1`, [runId, JSON.stringify(old)]);
      await t.db.query(`update evaluation_run_inputs set excluded = '注册年限（年） = 1.97，不满足 >= 3' where run_id = $1 and excluded like '注册年限%'`, [
        runId,
      ]);
      expect(await reasons()).toEqual(now);
    });

    it('tells, for each finalist, how often it stays within its tier and what moves it most', async () => {
      const s = json(await get(`/api/evaluation/runs/${runId}/sensitivity`));
      expect(s.columnNames).toEqual({ industry: '行业大类' });
      expect(s.items).toHaveLength(20);
      for (const [k, item] of s.items.entries()) {
        const x = item.explanation;
        expect(x).toMatchObject({ cutoff: k < 10 ? 10 : 20, samples: 60 });
        expect(x.within).toBeGreaterThanOrEqual(0);
        expect(x.within).toBeLessThanOrEqual(1);
        if (item.isStable) expect(x.within).toBeGreaterThanOrEqual(0.94);
        expect([null, 'weights', 'normalisation', 'imputation']).toContain(x.driver);
        if (x.driver) expect(x.effects[0].factor).toBe(x.driver);
        for (const e of x.effects.filter((f: { factor: string }) => f.factor !== 'weights')) {
          expect(e.options.map((o: { option: string }) => o.option).sort()).toEqual(
            e.factor === 'normalisation' ? ['minmax', 'percentile'] : ['mean(industry)', 'median(industry)'],
          );
        }
      }
    });
  });

  describe('the results export', () => {
    it('writes Chinese headers and words, times in Beijing time, rank bands, and no codes', async () => {
      const run = json(await get(`/api/evaluation/runs/${runId}`));
      const res = await get(`/api/evaluation/runs/${runId}/results/export`);
      expect(res.statusCode).toBe(200);
      const wb = await workbook(res.rawPayload);
      const results = table(wb.getWorksheet('评价结果')!);
      expect(results.notes[1]).toContain(`区科技局 王科长 于 ${bureauDateTime(run.computedAt)} 计算（北京时间）`);
      expect(results.notes[2]).toBe(
        '敏感性分析：60 次抽样（种子 7），各组权重上下浮动 25%；标准化：极差标准化、百分位标准化；补缺：按行业大类中位数补缺、按行业大类均值补缺。排名区间为各次抽样名次的 5%–95%',
      );
      expect(results.header).toEqual([
        '排名',
        '编号',
        '名称',
        '镇街/园区',
        '总分（0–100 分）',
        '企业基础',
        '创新投入',
        '创新产出',
        '研发平台（代科研立项）',
        '资质荣誉（代科技奖项）',
        '入选档次',
        '名次',
        '排名区间',
        '稳定性',
        '主要影响',
      ]);
      const finalists = results.rows.filter((r) => r['入选档次'] !== null);
      expect(finalists).toHaveLength(20);
      for (const r of finalists) {
        expect(r['排名区间']).toMatch(BAND);
        expect(r['稳定性']).toMatch(/^(稳定|不稳定)：\d+% 的抽样中保持在前 (10|20) 名$/);
        expect(r['主要影响']).toMatch(/^(主要随(权重|标准化方法|补缺方法)变动：|各抽样中名次不变)/);
        expect(Math.round((r['总分（0–100 分）'] as number) * 100) / 100).toBe(r['总分（0–100 分）']);
      }
      const weights = table(wb.getWorksheet('权重')!);
      expect(weights.header).toEqual(['分组', '赋权方法', '汇总方法', '指标或下级分组', '组内权重', '一致性比率 CR']);
      expect(weights.rows[0]).toMatchObject({
        分组: '企业科技创新引领指数',
        赋权方法: '专家赋权',
        汇总方法: '算术平均',
        指标或下级分组: '企业基础',
        组内权重: 0.15,
      });
      expect(weights.rows.find((r) => r['指标或下级分组'] === '营业收入（万元）')).toMatchObject({ 分组: '企业基础', 赋权方法: '等权', 组内权重: 0.3333 });
      expect(wb.getWorksheet('权重')!.getColumn(5).numFmt).toBe('0.0%');
      const excluded = table(wb.getWorksheet('未参评')!);
      expect(excluded.rows.map((r) => r['原因'])).toContainEqual('注册年限不满足（需 ≥ 3 年，实际 1 年 11 个月）');
      for (const ws of wb.worksheets) {
        for (const c of cells(ws)) {
          expect(c).not.toMatch(ISO);
          expect(CODES).not.toContain(c);
        }
      }
    });
  });

  describe('the published list', () => {
    it('names the publisher, gives each finalist its band and what moves it, and exports them in Chinese with Beijing time', async () => {
      expect((await post(`/api/evaluation/runs/${runId}/publish`, {}, admin)).statusCode).toBe(200);
      const run = json(await get(`/api/evaluation/runs/${runId}`));
      expect(run).toMatchObject({ publishedBy: 'admin', publishedByName: '系统管理员' });
      const [summary] = json(await get('/api/evaluation/published?preset=leadership', leader)).items;
      expect(summary).toMatchObject({ runId, publishedBy: 'admin', publishedByName: '系统管理员' });
      const list = json(await get(`/api/evaluation/published/${runId}`, leader));
      expect(list.sensitivity).toEqual({
        samples: 60,
        seed: 7,
        perturbation: 0.25,
        columnNames: { industry: '行业大类' },
        alternatives: { normalisation: ['minmax', 'percentile'], aggregation: ['arithmetic'], imputation: ['median(industry)', 'mean(industry)'] },
      });
      const s = json(await get(`/api/evaluation/runs/${runId}/sensitivity`));
      expect(list.items.map((e: { explanation: unknown }) => e.explanation)).toEqual(s.items.map((i: { explanation: unknown }) => i.explanation));

      const res = await get(`/api/evaluation/published/${runId}/export`, leader);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${run.name}_${bureauDate(run.publishedAt)}.xlsx`));
      const wb = await workbook(res.rawPayload);
      const sheet = table(wb.worksheets[0]);
      expect(sheet.notes[1]).toBe(`系统管理员 于 ${bureauDateTime(run.publishedAt)} 发布（北京时间）；共 20 个`);
      expect(sheet.header).toEqual(['档次', '名次', '排名', '名称', '镇街/园区', '总分（0–100 分）', '排名区间', '稳定性', '主要影响']);
      expect(sheet.rows).toHaveLength(20);
      for (const r of sheet.rows) expect(r['排名区间']).toMatch(BAND);
      for (const c of cells(wb.worksheets[0])) expect(c).not.toMatch(ISO);
    });
  });

  describe("the presets' schemes", () => {
    it('lists the four preset schemes read-only, with weights in the group and overall', async () => {
      expect((await get('/api/evaluation/preset-schemes', leader)).statusCode).toBe(403);
      const { items } = json(await get('/api/evaluation/preset-schemes'));
      expect(items.map((p: { key: string }) => p.key)).toEqual([
        'leadership',
        'towns',
        'performanceReview.industrialResearchInstitute',
        'performanceReview.incubator',
      ]);
      const lead = items[0];
      expect(lead).toMatchObject({
        preset: 'leadership',
        name: '企业科技创新引领指数',
        normalisation: 'minmax',
        range: [0, 100],
        aggregation: 'arithmetic',
        imputation: 'median(industry)',
        leafCount: 12,
        columnNames: { industry: '行业大类' },
      });
      expect(lead.tiers).toEqual([
        { name: '科技创新引领Top10', size: 10 },
        { name: '科技创新引领优秀企业', size: 10 },
      ]);
      expect(lead.eligibility.find((f: { column: string }) => f.column === 'registered_years')).toMatchObject({
        label: '注册年限',
        op: '>=',
        value: 3,
        unit: '年',
      });
      const node = (id: string) => lead.nodes.find((n: { id: string }) => n.id === id);
      expect(node('basics')).toMatchObject({
        kind: 'group',
        name: '企业基础',
        weight: 0.15,
        globalWeight: 0.15,
        weighting: 'equal',
        aggregation: 'arithmetic',
      });
      expect(node('revenue').weight).toBeCloseTo(1 / 3, 12);
      expect(node('revenue').globalWeight).toBeCloseTo(0.05, 12);
      expect(node('rd_intensity')).toMatchObject({ indicatorName: '研发费用', denominatorName: '营业收入', winsorise: [0.05, 0.95] });
      expect(node('rd_platform_points')).toMatchObject({ normalisation: { method: 'goalposts', min: 0, max: 20 } });
      for (const p of items) {
        const leaves = p.nodes.filter((n: { kind: string }) => n.kind === 'leaf');
        expect(leaves.reduce((a: number, n: { globalWeight: number }) => a + n.globalWeight, 0)).toBeCloseTo(1, 9);
      }
      expect(items[3].grades).toEqual([{ grade: 'A', maxShare: 0.2 }, { grade: 'B', maxShare: 0.5 }, { grade: 'C' }]);
    });

    it('copies a preset scheme as a new scheme of that preset, which the bureau may then edit', async () => {
      const { items } = json(await get('/api/evaluation/preset-schemes'));
      const lead = items[0];
      const saved = await post('/api/evaluation/schemes', {
        name: `${lead.name}（副本）`,
        description: lead.description,
        preset: lead.preset,
        scheme: lead.scheme,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const copy = json(await get(`/api/evaluation/schemes/${json(saved).id}`));
      expect(copy).toMatchObject({
        name: '企业科技创新引领指数（副本）',
        preset: 'leadership',
        updatedBy: 'bureau',
        updatedByName: '区科技局 王科长',
        scheme: lead.scheme,
      });
      const review = items[3];
      expect((await post('/api/evaluation/schemes', { name: '孵化器评价（副本）', preset: review.preset, scheme: review.scheme })).statusCode).toBe(200);
    });
  });
});
