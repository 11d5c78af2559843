/**
 * The leadership index over the registry through the API: a run selects 20 finalists (Top10 + 10) with
 * breakdowns to the raw figure and rank intervals; ineligible firms are listed with the failing condition;
 * a re-run (in the request and on a worker thread) reproduces every result; only a bureau role publishes;
 * leaders read the published list, town officers their town's part of it; a run asking for more finalists
 * than there are eligible firms is refused and leaves nothing to publish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { upsertPark, type Actor } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { rerunRun } from '../server/rerun-run.ts';
import { createFirm, fieldOfFirms, TOWN, TOWN2, YEAR } from './registry-fixtures.ts';

const PARK = '330211P91';

describeEachDatabase('evaluation: the leadership index over the registry', (mode) => {
  let t: TestApp;
  let bureau: string, admin: string, leader: string, town: string, town2: string;
  const ids = new Map<string, number>();
  let runId: number;
  const get = (url: string, cookie = bureau) => t.app.inject({ url, headers: { cookie } });
  const post = (url: string, payload: object = {}, cookie = bureau) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, admin, leader, town, town2] = await Promise.all(['bureau', 'admin', 'leader', 'town', 'town2'].map((u) => t.login(u)));
    for (const f of fieldOfFirms()) ids.set(f.name, await createFirm(t, bureau, f));
    await upsertPark(t.db, '330211', PARK, '评价测试园区');
    for (let i = 0; i < 5; i++) await createFirm(t, bureau, { n: 500 + i, name: `评价测试园区企业${i + 1}`, regionCode: PARK, strength: (i + 1) / 5 });
    const res = await post('/api/evaluation/runs', { source: { kind: 'leadership', year: YEAR }, options: { samples: 60, seed: 7 } });
    expect(res.statusCode, res.body).toBe(200);
    runId = json(res).id;
  });
  afterAll(async () => t?.close());

  describe('a run', () => {
    it('selects 20 finalists: the first 10 科技创新引领Top10, the next 10 科技创新引领优秀企业', async () => {
      const run = json(await get(`/api/evaluation/runs/${runId}`));
      expect(run).toMatchObject({
        preset: 'leadership',
        status: 'computed',
        source: { kind: 'leadership', year: YEAR, asOf: `${YEAR}-12-31`, region: '330211' },
        canPublish: true,
      });
      expect(run.summary.tiers).toEqual([
        { name: '科技创新引领Top10', size: 10, count: 10, overfull: false },
        { name: '科技创新引领优秀企业', size: 10, count: 10, overfull: false },
      ]);
      expect(run.groups.map((g: { id: string }) => g.id)).toEqual(['basics', 'input', 'output', 'platforms', 'qualifications']);
      expect(run.scoredCount).toBeGreaterThanOrEqual(29);
      const finalists = json(await get(`/api/evaluation/runs/${runId}/results?finalists=true&pageSize=50`));
      expect(finalists.total).toBe(20);
      const byTier = (tier: string) => finalists.items.filter((r: { tier: string }) => r.tier === tier);
      expect(byTier('科技创新引领Top10').map((r: { place: number }) => r.place)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(byTier('科技创新引领优秀企业').map((r: { place: number }) => r.place)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
      for (const r of finalists.items) {
        expect(Object.keys(r.groups)).toEqual(['basics', 'input', 'output', 'platforms', 'qualifications']);
        expect(r.rankP05).toBeLessThanOrEqual(r.medianRank);
        expect(r.medianRank).toBeLessThanOrEqual(r.rankP95);
      }
    });

    it('lists every ineligible firm with the condition it failed and its figure', async () => {
      const excluded = json(await get(`/api/evaluation/runs/${runId}/excluded?q=${encodeURIComponent('评价测试')}&pageSize=50`));
      const reason = (name: string) => excluded.items.find((x: { label: string }) => x.label === name)?.reason;
      expect(reason('评价测试年轻科技有限公司')).toBe('注册年限不满足（需 ≥ 3 年，实际 1 年 11 个月）');
      expect(reason('评价测试无资质制造有限公司')).toBe('评价日无有效的科技型企业资质（科技型中小企业及以上）');
      expect(reason('评价测试无年报科技有限公司')).toBe('当年度数据未登记，或企业自报尚未经科技局确认');
      expect(excluded.total).toBe(3);
      const scored = json(await get(`/api/evaluation/runs/${runId}/results?q=${encodeURIComponent('评价测试')}&pageSize=50`));
      expect(scored.total).toBe(29);
    });

    it("breaks a finalist's score down to the raw figures: contributions add up to the score", async () => {
      const [first] = json(await get(`/api/evaluation/runs/${runId}/results?finalists=true&pageSize=1`)).items;
      const b = json(await get(`/api/evaluation/runs/${runId}/entities/${first.entityId}`));
      expect(b).toMatchObject({ scored: true, rank: first.rank, tier: '科技创新引领Top10', score: first.score });
      const root = b.nodes[0];
      expect(root).toMatchObject({ id: 'leadership', parent: null, kind: 'group', weight: 1 });
      expect(root.score).toBeCloseTo(first.score, 9);
      const leaves = b.nodes.filter((n: { kind: string }) => n.kind === 'leaf');
      expect(leaves.reduce((a: number, n: { contribution: number }) => a + n.contribution, 0)).toBeCloseTo(first.score, 9);
      const intensity = leaves.find((n: { id: string }) => n.id === 'rd_intensity');
      expect(intensity).toMatchObject({
        parent: 'input',
        indicator: 'rd_expense',
        denominator: 'revenue',
        raw: b.figures.rd_expense,
        denominatorRaw: b.figures.revenue,
        imputed: false,
      });
      expect(intensity.globalWeight).toBeCloseTo(0.3 / 3, 12);
      expect(b.rankP05).toBeLessThanOrEqual(b.rankP95);
    });

    it('marks an imputed figure in the breakdown (no employees on record: the staff share is the industry median)', async () => {
      const id = ids.get('评价测试06新材料有限公司')!;
      const b = json(await get(`/api/evaluation/runs/${runId}/entities/${id}`));
      expect(b.scored).toBe(true);
      expect(b.figures.employees).toBeNull();
      expect(b.nodes.find((n: { id: string }) => n.id === 'sci_tech_staff_share')).toMatchObject({
        raw: b.figures.sci_tech_staff,
        denominatorRaw: null,
        imputed: true,
      });
    });

    it('says why a firm that was read was not scored, in place of a breakdown', async () => {
      const b = json(await get(`/api/evaluation/runs/${runId}/entities/${ids.get('评价测试年轻科技有限公司')}`));
      expect(b).toMatchObject({ scored: false, score: null, nodes: [] });
      expect(b.excluded).toBe('注册年限不满足（需 ≥ 3 年，实际 1 年 11 个月）');
    });

    it("gives each finalist's median rank and 5–95% interval, and which finalists are stable", async () => {
      const s = json(await get(`/api/evaluation/runs/${runId}/sensitivity`));
      expect(s).toMatchObject({ samples: 60, seed: 7, perturbation: 0.25, cutoff: 20 });
      expect(s.alternatives.normalisation).toEqual(['minmax', 'percentile']);
      expect(s.items).toHaveLength(20);
      for (const [k, item] of s.items.entries()) {
        expect(item.isStable).toBe(item.rankP95 <= (k < 10 ? 10 : 20));
      }
      const run = json(await get(`/api/evaluation/runs/${runId}`));
      expect(run.summary.sensitivity.stable).toEqual(s.items.filter((i: { isStable: boolean }) => i.isStable).map((i: { entityId: string }) => i.entityId));
    });

    it('exports the results with group scores, the firms not scored and the weights', async () => {
      const res = await get(`/api/evaluation/runs/${runId}/results/export`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['评价结果', '未参评', '权重']);
      const header = wb.getWorksheet('评价结果')!.getRow(4).values as unknown[];
      expect(header).toEqual(
        expect.arrayContaining(['排名', '名称', '总分（0–100 分）', '企业基础', '创新投入', '入选档次', '排名区间', '稳定性', '主要影响']),
      );
    });
  });

  describe('re-run', () => {
    it('reproduces every result from the frozen inputs, in the request and on a worker thread', async () => {
      const res = await post(`/api/evaluation/runs/${runId}/rerun`);
      expect(res.statusCode, res.body).toBe(200);
      const body = json(res);
      expect(body).toMatchObject({ reproduced: true, differences: [] });
      const run = json(await get(`/api/evaluation/runs/${runId}`));
      expect(body.compared).toBe(run.scoredCount);
      expect(json(await get(`/api/evaluation/runs/${body.runId}`))).toMatchObject({ rerunOf: runId, status: 'computed', scoredCount: run.scoredCount });
      const [user] = await t.db.query<{ id: number }>(`select id from users where username = 'bureau'`);
      const actor: Actor = {
        id: user.id,
        username: 'bureau',
        displayName: 'bureau',
        role: 'bureauStaff',
        regionCode: null,
        boundKind: null,
        boundId: null,
        scope: { kind: 'region', regionCode: '330211', regionName: '镇海区', path: '' },
      };
      const offThread = await rerunRun(t.db, actor, runId, { forceWorker: true });
      expect(offThread).toMatchObject({ reproduced: true, differences: [] });
      expect(json(await get(`/api/evaluation/runs/${offThread.runId}`)).summary.sensitivity.thread).toBe('worker');
    });
  });

  describe('publishing', () => {
    it('is refused to a town officer and a leader; a bureau user publishes once', async () => {
      expect((await post(`/api/evaluation/runs/${runId}/publish`, {}, town)).statusCode).toBe(403);
      expect((await post(`/api/evaluation/runs/${runId}/publish`, {}, leader)).statusCode).toBe(403);
      expect(json(await get('/api/evaluation/published?preset=leadership', leader)).items).toEqual([]);
      const res = await post(`/api/evaluation/runs/${runId}/publish`, {}, admin);
      expect([res.statusCode, json(res)]).toEqual([200, { count: 20, superseded: null }]);
      const again = await post(`/api/evaluation/runs/${runId}/publish`);
      expect([again.statusCode, json(again).error.code]).toEqual([409, 'EVAL_RUN_ALREADY_PUBLISHED']);
      const log = json(await get(`/api/audit?entity=evaluationRun&q=${runId}`, admin));
      expect(log.items.map((e: { action: string }) => e.action)).toContain('evaluationRun.publish');
    });

    it('lets a leader read and export the published list', async () => {
      const lists = json(await get('/api/evaluation/published?preset=leadership', leader)).items;
      expect(lists[0]).toMatchObject({ runId, count: 20, publishedBy: 'admin' });
      const list = json(await get(`/api/evaluation/published/${runId}`, leader));
      expect(list.items).toHaveLength(20);
      expect(list.tiers).toEqual([
        { name: '科技创新引领Top10', size: 10, count: 10 },
        { name: '科技创新引领优秀企业', size: 10, count: 10 },
      ]);
      expect(list.items[0]).toMatchObject({ tier: '科技创新引领Top10', place: 1, rank: 1 });
      const xlsx = await get(`/api/evaluation/published/${runId}/export`, leader);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    });

    it("shows a town officer only their town's finalists, and none of the runs", async () => {
      const all = json(await get(`/api/evaluation/published/${runId}`)).items;
      for (const [cookie, code] of [
        [town, TOWN],
        [town2, TOWN2],
      ]) {
        const mine = json(await get(`/api/evaluation/published/${runId}`, cookie));
        expect(mine.count).toBe(20);
        expect(mine.items.every((e: { regionCode: string }) => e.regionCode === code)).toBe(true);
        expect(mine.items.map((e: { entityId: string }) => e.entityId)).toEqual(
          all.filter((e: { regionCode: string }) => e.regionCode === code).map((e: { entityId: string }) => e.entityId),
        );
      }
      expect((await get(`/api/evaluation/runs/${runId}`, town)).statusCode).toBe(403);
      expect((await get(`/api/evaluation/runs/${runId}/results`, leader)).statusCode).toBe(403);
    });

    it('refuses a second list for the same year, naming the published one, until it replaces it (supersede)', async () => {
      const second = json(await post('/api/evaluation/runs', { source: { kind: 'leadership', year: YEAR }, options: { samples: 0 } })).id;
      const refused = await post(`/api/evaluation/runs/${second}/publish`, {});
      expect(refused.statusCode).toBe(409);
      expect(json(refused).error).toMatchObject({ code: 'EVAL_LIST_ALREADY_PUBLISHED', details: { reason: 'ALREADY_PUBLISHED', publishedRunId: runId } });
      expect(json(refused).error.message).toContain(`#${runId}`);
      const replaced = await post(`/api/evaluation/runs/${second}/publish`, { supersede: true });
      expect([replaced.statusCode, json(replaced)]).toEqual([200, { count: 20, superseded: runId }]);
      const old = json(await get(`/api/evaluation/runs/${runId}`));
      expect(old).toMatchObject({ status: 'withdrawn', supersededBy: second, withdrawnBy: 'bureau', canPublish: false, canWithdraw: false });
      expect(old.withdrawReason).toContain(`#${second}`);
      expect(json(await get('/api/evaluation/published?preset=leadership', leader)).items.map((l: { runId: number }) => l.runId)).toEqual([second]);
      expect((await get(`/api/evaluation/published/${runId}`, leader)).statusCode).toBe(404);
      expect((await post(`/api/evaluation/runs/${runId}/publish`, {})).statusCode).toBe(409);

      // withdrawing by hand needs a reason, a bureau role and a published run; the list leaves the published lists
      expect((await post(`/api/evaluation/runs/${second}/withdraw`, { reason: '数据有误' }, leader)).statusCode).toBe(403);
      const noReason = await post(`/api/evaluation/runs/${second}/withdraw`, { reason: ' ' });
      expect([noReason.statusCode, json(noReason).error.details.fields[0].field]).toEqual([400, 'body.reason']);
      const withdrawn = await post(`/api/evaluation/runs/${second}/withdraw`, { reason: '企业数据更正后重新评选' });
      expect([withdrawn.statusCode, json(withdrawn)]).toEqual([200, { status: 'withdrawn' }]);
      expect(json(await get(`/api/evaluation/runs/${second}`))).toMatchObject({
        status: 'withdrawn',
        withdrawReason: '企业数据更正后重新评选',
        publishedBy: 'bureau',
      });
      expect((await post(`/api/evaluation/runs/${second}/withdraw`, { reason: '再次撤回' })).statusCode).toBe(409);
      expect(json(await get('/api/evaluation/published?preset=leadership', leader)).items).toEqual([]);
      const log = json(await get(`/api/audit?entity=evaluationRun&pageSize=50`, admin)).items.map((e: { action: string }) => e.action);
      expect(log).toEqual(expect.arrayContaining(['evaluationRun.supersede', 'evaluationRun.withdraw']));
      // the original list is published again from a fresh run
      const third = json(await post('/api/evaluation/runs', { source: { kind: 'leadership', year: YEAR }, options: { samples: 0 } })).id;
      expect(json(await post(`/api/evaluation/runs/${third}/publish`, {}))).toEqual({ count: 20, superseded: null });
    });
  });

  describe('too few eligible firms', () => {
    it('refuses a run over a park with 5 eligible firms against a Top-20, and stores nothing', async () => {
      const before = json(await get('/api/evaluation/runs?pageSize=1')).total;
      const res = await post('/api/evaluation/runs', { source: { kind: 'leadership', year: YEAR, region: PARK }, options: { samples: 20 } });
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ code: 'VALIDATION', details: { reason: 'SELECTION_TOO_FEW', entities: 5, required: 20 } });
      expect(json(res).error.message).toBe('参评实体只有 5 个，少于 Top-20（科技创新引领Top10 10 + 科技创新引领优秀企业 10）所需的 20 个');
      expect(json(await get('/api/evaluation/runs?pageSize=1')).total).toBe(before);
      expect(json(await get('/api/evaluation/published?preset=leadership', leader)).items).toHaveLength(1);
      // the same park with a Top-3 works
      const small = await post('/api/evaluation/runs', {
        source: { kind: 'leadership', year: YEAR, region: PARK },
        options: { samples: 0, tiers: [{ name: '前三', size: 3 }] },
      });
      expect(small.statusCode, small.body).toBe(200);
      expect(json(await get(`/api/evaluation/runs/${json(small).id}`)).summary).toMatchObject({
        tiers: [{ name: '前三', size: 3, count: 3 }],
        sensitivity: null,
      });
    });

    it('refuses a region outside the jurisdiction of the user', async () => {
      const res = await post('/api/evaluation/runs', { source: { kind: 'leadership', year: YEAR, region: '330203' } });
      expect([res.statusCode, json(res).error.code]).toEqual([403, 'FORBIDDEN_REGION']);
    });
  });
});
