/**
 * The performance review of incubators and maker spaces (绩效评价) through the API: carriers are added and
 * their figures entered by a bureau user, the review is a run of the `performanceReview` preset graded by
 * quota (A at most 20%, B at most 50%, C the rest); a town officer or a leader cannot write figures; a bad
 * indicator code or a negative value is refused naming the field; too few carriers is refused clearly.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { parseScheme } from '../domain/index.ts';
import { REVIEW_INDICATORS, REVIEW_KINDS } from '@kechuang/carriers/domain';
import { reviewScheme } from '../presets/performance-review.ts';
import { TOWN } from './registry-fixtures.ts';

/** a year the demo carriers (2023–2025) have no figures of, so the review grades only this test's carriers */
const YEAR = 2021;

/** Carrier k's figures: every indicator grows with k, so the ranking is k descending with no ties. */
function figuresFor(k: number): Record<string, number> {
  return Object.fromEntries(REVIEW_INDICATORS.incubator.map((i, j) => [i.code, i.unit === '%' ? 40 + 5 * k : (k + 1) * (j + 2)]));
}

describeEachDatabase('evaluation: the performance review of incubators', (mode) => {
  let t: TestApp;
  let bureau: string, leader: string, town: string;
  const ids: number[] = [];
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = bureau) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, leader, town] = await Promise.all(['bureau', 'leader', 'town'].map((u) => t.login(u)));
    for (let k = 0; k < 8; k++) {
      const res = await req('POST', '/api/evaluation/carriers', {
        name: `测试孵化载体${k + 1}`,
        kind: k % 2 ? 'makerspace' : 'incubator',
        level: 'district',
        regionCode: TOWN,
      });
      expect(res.statusCode, res.body).toBe(200);
      ids.push(json(res).id);
      const put = await req('PUT', `/api/evaluation/carriers/${json(res).id}/figures/${YEAR}`, { figures: figuresFor(k) });
      expect(put.statusCode, put.body).toBe(200);
      expect(json(put).missing).toEqual([]);
    }
  });
  afterAll(async () => t?.close());

  it('has two default schemes the engine accepts without warnings, one leaf per indicator', () => {
    for (const kind of REVIEW_KINDS) {
      const { warnings } = parseScheme(reviewScheme(kind));
      expect(warnings).toEqual([]);
    }
  });

  it("lists the carriers and returns a carrier's figures of the year with label and unit", async () => {
    const list = json(await req('GET', '/api/evaluation/carriers?kind=makerspace'));
    expect(list.items.map((c: { name: string }) => c.name).filter((n: string) => n.startsWith('测试'))).toEqual([
      '测试孵化载体2',
      '测试孵化载体4',
      '测试孵化载体6',
      '测试孵化载体8',
    ]);
    const fig = json(await req('GET', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`));
    expect(fig.figures.find((f: { indicator: string }) => f.indicator === 'occupancy_rate')).toMatchObject({
      label: '场地入驻率',
      unit: '%',
      value: 40,
      source: 'manual',
      updatedBy: 'bureau',
      updatedByName: '区科技局 王科长',
    });
    const empty = json(await req('GET', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR - 1}`));
    expect(empty.missing).toHaveLength(REVIEW_INDICATORS.incubator.length);
  });

  it('grades the review by quota: A at most 20%, B at most 50%, C the rest, best first', async () => {
    const res = await req('POST', '/api/evaluation/runs', {
      source: { kind: 'performanceReview', carrierKind: 'incubator', year: YEAR },
      options: { samples: 0 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const runId = json(res).id;
    const run = json(await req('GET', `/api/evaluation/runs/${runId}`));
    expect(run).toMatchObject({ preset: 'performanceReview', scoredCount: 8, source: { kind: 'performanceReview', carrierKind: 'incubator', year: YEAR } });
    expect(run.summary.grades).toEqual([
      { grade: 'A', count: 1, cap: 1 },
      { grade: 'B', count: 4, cap: 4 },
      { grade: 'C', count: 3 },
    ]);
    const results = json(await req('GET', `/api/evaluation/runs/${runId}/results?pageSize=50`));
    const grades = results.items.map((r: { tier: string }) => r.tier);
    expect(grades).toEqual(['A', 'B', 'B', 'B', 'B', 'C', 'C', 'C']);
    expect(grades.filter((g: string) => g === 'A').length).toBeLessThanOrEqual(Math.floor(8 * 0.2));
    expect(results.items[0].label).toBe('测试孵化载体8');
    const rerun = json(await req('POST', `/api/evaluation/runs/${runId}/rerun`));
    expect(rerun.reproduced).toBe(true);

    // the published review: every graded carrier with its grade, for leaders too, and in the export
    expect(json(await req('POST', `/api/evaluation/runs/${runId}/publish`))).toEqual({ count: 8, superseded: null });
    const list = json(await req('GET', `/api/evaluation/published/${runId}`, undefined, leader));
    expect(list.grades).toEqual([
      { grade: 'A', count: 1 },
      { grade: 'B', count: 4 },
      { grade: 'C', count: 3 },
    ]);
    expect(list.items.map((e: { tier: string }) => e.tier)).toEqual(grades);
    const xlsx = await req('GET', `/api/evaluation/published/${runId}/export`, undefined, leader);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const header = wb.worksheets[0].getRow(3).values as unknown[]; // under the two notes lines (no Monte Carlo: no third)
    expect(header).toEqual(expect.arrayContaining(['等级', '排名', '名称', '总分（0–100 分）']));
  });

  describe('who may write figures', () => {
    it.each([
      ['a town officer', () => town],
      ['a leader', () => leader],
    ])('refuses %s with 403', async (_, cookie) => {
      const put = await req('PUT', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`, { figures: { tenant_firms: 99 } }, cookie());
      expect(put.statusCode).toBe(403);
      const post = await req('POST', '/api/evaluation/carriers', { name: '越权载体', kind: 'incubator', regionCode: TOWN }, cookie());
      expect(post.statusCode).toBe(403);
    });
  });

  describe('bad figures', () => {
    it('refuses an indicator code not of the review, naming it', async () => {
      const res = await req('PUT', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`, { figures: { tenant_firms: 5, rd_staff: 3 } });
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ code: 'CAR_INDICATOR_UNKNOWN', details: { field: 'figures.rd_staff', reason: 'UNKNOWN_INDICATOR' } });
      expect(json(res).error.message).toContain('rd_staff');
    });

    it('refuses a negative value, naming it, and writes nothing', async () => {
      const res = await req('PUT', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`, { figures: { tenant_firms: 5, mentors: -2 } });
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ code: 'CAR_FIGURE_NEGATIVE', details: { field: 'figures.mentors', reason: 'NEGATIVE' } });
      expect(json(res).error.message).toContain('创业导师数');
      const fig = json(await req('GET', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`));
      expect(fig.figures.find((f: { indicator: string }) => f.indicator === 'tenant_firms').value).toBe(figuresFor(0).tenant_firms);
    });
  });

  it('refuses a percentage above 100 and a count that is not whole, naming each, and writes nothing', async () => {
    const over = await req('PUT', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`, { figures: { occupancy_rate: 120 } });
    expect(over.statusCode).toBe(400);
    expect(json(over).error).toMatchObject({ code: 'CAR_FIGURE_OVER_100', details: { field: 'figures.occupancy_rate', reason: 'OUT_OF_RANGE' } });
    const half = await req('PUT', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`, { figures: { mentors: 2.5 } });
    expect(half.statusCode).toBe(400);
    expect(json(half).error).toMatchObject({ code: 'CAR_FIGURE_NOT_WHOLE', details: { field: 'figures.mentors', reason: 'NOT_WHOLE' } });
    expect(json(half).error.message).toContain('应为整数');
    const fig = json(await req('GET', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`));
    expect(fig.figures.find((f: { indicator: string }) => f.indicator === 'mentors').value).toBe(figuresFor(0).mentors);
    // a share below 100 with decimals is fine
    expect((await req('PUT', `/api/evaluation/carriers/${ids[0]}/figures/${YEAR}`, { figures: { occupancy_rate: 87.5 } })).statusCode).toBe(200);
  });

  it('refuses a review with fewer carriers than the 20% quota needs, storing nothing', async () => {
    for (let k = 0; k < 3; k++) {
      const c = json(await req('POST', '/api/evaluation/carriers', { name: `测试研究院${k + 1}`, kind: 'industrialResearchInstitute', regionCode: TOWN }));
      const figures = Object.fromEntries(REVIEW_INDICATORS.industrialResearchInstitute.map((i) => [i.code, (k + 1) * 10]));
      expect((await req('PUT', `/api/evaluation/carriers/${c.id}/figures/${YEAR}`, { figures })).statusCode).toBe(200);
    }
    const before = json(await req('GET', '/api/evaluation/runs?preset=performanceReview')).total;
    const res = await req('POST', '/api/evaluation/runs', {
      source: { kind: 'performanceReview', carrierKind: 'industrialResearchInstitute', year: YEAR },
      options: { samples: 0 },
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'VALIDATION', details: { reason: 'SELECTION_TOO_FEW', scored: 3, needed: 5 } });
    expect(json(res).error.message).toContain('至少需要 5 家');
    expect(json(await req('GET', '/api/evaluation/runs?preset=performanceReview')).total).toBe(before);
  });
});

describeEachDatabase('evaluation: the demo performance review', (mode) => {
  let t: TestApp;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
  });
  afterAll(async () => t?.close());

  it('seeds both reviews for 2025 with enough complete carriers to grade, and a carrier account with figures still to report', async () => {
    const get = (url: string, cookie = bureau) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const incubators = json(await get('/api/evaluation/carriers?review=incubator&year=2025'));
    expect(incubators.items).toHaveLength(12);
    expect(new Set(incubators.items.map((c: { kind: string }) => c.kind))).toEqual(new Set(['incubator', 'makerspace']));
    for (const [carrierKind, scored] of [
      ['incubator', 11],
      ['industrialResearchInstitute', 6],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/evaluation/runs',
        headers: { cookie: bureau },
        payload: { source: { kind: 'performanceReview', carrierKind, year: 2025 }, options: { samples: 0 } },
      });
      expect(res.statusCode, res.body).toBe(200);
      const run = json(await get(`/api/evaluation/runs/${json(res).id}`));
      expect(run.scoredCount).toBe(scored);
      expect(run.summary.grades.map((g: { grade: string }) => g.grade)).toEqual(['A', 'B', 'C']);
    }
    const own = await t.login('carrier');
    const mine = json(await get('/api/evaluation/my-carrier', own));
    expect(mine).toMatchObject({ name: '甬江科创孵化器', kind: 'incubator', accounts: 1 });
    expect(json(await get(`/api/evaluation/carriers/${mine.id}/figures/2025`, own)).missing).toEqual(['tenant_financing', 'service_events', 'mentors']);
  });

  it('places each demo carrier named after a town in that town (九龙湖科技企业孵化器 in 九龙湖镇), the rest spread over the towns', async () => {
    const all = [
      ...json(await t.app.inject({ method: 'GET', url: '/api/evaluation/carriers?review=incubator&year=2025', headers: { cookie: bureau } })).items,
      ...json(await t.app.inject({ method: 'GET', url: '/api/evaluation/carriers?review=industrialResearchInstitute&year=2025', headers: { cookie: bureau } }))
        .items,
    ] as { name: string; regionName: string }[];
    const demo = all.filter((c) => !c.name.startsWith('测试'));
    expect(demo).toHaveLength(19);
    expect(demo.find((c) => c.name === '九龙湖科技企业孵化器')?.regionName).toBe('九龙湖镇');
    for (const town of ['招宝山', '蛟川', '骆驼', '庄市', '澥浦', '九龙湖']) {
      for (const c of demo.filter((x) => x.name.startsWith(town))) expect(c.regionName, c.name).toMatch(new RegExp(`^${town}(街道|镇)$`));
    }
    // every town hosts at least one carrier
    expect(new Set(demo.map((c) => c.regionName)).size).toBe(7);
  });
});
