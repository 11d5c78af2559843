/**
 * Schemes and the other two data sources through the API: saving, changing and deleting a scheme (audited);
 * every kind of bad scheme or table refused with a 400 that names the node or column (never a 500); the
 * weights preview; a run on an uploaded table with a saved scheme (the CLI's format, the CLI's result);
 * the towns' scoreboard over the monitored actuals, published, a town officer seeing their own row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { EXAMPLE_ROWS, ISSUE_EXAMPLE } from './fixtures.ts';

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\r\n');
const EXAMPLE_CSV = csv([['id', 'name', 'rd_intensity', 'staff_share', 'patents', 'defects'], ...EXAMPLE_ROWS.map(([id, ...v]) => [id, `单位${id}`, ...v])]);

/** a leadership-preset scheme with one part changed */
const leadershipWith = (children: unknown[], weighting: unknown = { method: 'given' }) => ({
  name: '坏方案',
  root: { id: 'leadership', weighting, children },
});
const leaf = (indicator: string, extra: object = {}) => ({ indicator, ...extra });

describeEachDatabase('evaluation: schemes, uploads and the towns scoreboard', (mode) => {
  let t: TestApp;
  let bureau: string, admin: string, town: string;
  let uploadSchemeId: number;
  const get = (url: string, cookie = bureau) => t.app.inject({ url, headers: { cookie } });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, cookie = bureau) =>
    t.app.inject({ method, url, headers: { cookie }, payload });
  const upload = (schemeId: number, name: string, data: Buffer | string, query = '') => {
    const { payload, headers } = multipartFile(name, data);
    return t.app.inject({ method: 'POST', url: `/api/evaluation/runs/upload?schemeId=${schemeId}${query}`, headers: { ...headers, cookie: bureau }, payload });
  };

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, admin, town] = await Promise.all(['bureau', 'admin', 'town'].map((u) => t.login(u)));
    const res = await send('POST', '/api/evaluation/schemes', { name: '示例（CLI 格式）', preset: null, scheme: ISSUE_EXAMPLE });
    expect(res.statusCode, res.body).toBe(200);
    uploadSchemeId = json(res).id;
  });
  afterAll(async () => t?.close());

  describe('saved schemes', () => {
    it('saves, changes and deletes a scheme, each in the audit log; runs are unaffected by later edits', async () => {
      const presets = json(await get('/api/evaluation/presets')).items;
      const leadership = presets.find((p: { code: string }) => p.code === 'leadership');
      expect(leadership.parts.map((p: { part: string; status: string }) => `${p.part}:${p.status}`)).toEqual([
        '企业基础:mapped',
        '创新投入:mapped',
        '创新产出:mapped',
        '科研立项:proxy',
        '科技奖项:proxy',
        '科研项目立项数与经费、科技奖励等级:missing',
      ]);
      const created = await send('POST', '/api/evaluation/schemes', { name: '引领指数（调整权重）', preset: 'leadership', scheme: leadership.defaultScheme });
      expect(created.statusCode, created.body).toBe(200);
      const id = json(created).id;
      const list = json(await get('/api/evaluation/schemes?preset=leadership'));
      expect(list.items.find((s: { id: number }) => s.id === id)).toMatchObject({
        name: '引领指数（调整权重）',
        preset: 'leadership',
        leafCount: 12,
        createdBy: 'bureau',
      });
      const changed = { ...leadership.defaultScheme, root: { ...leadership.defaultScheme.root, weighting: { method: 'equal' } } };
      expect((await send('PUT', `/api/evaluation/schemes/${id}`, { name: '引领指数（等权）', preset: 'leadership', scheme: changed })).statusCode).toBe(200);
      expect(json(await get(`/api/evaluation/schemes/${id}`))).toMatchObject({
        name: '引领指数（等权）',
        scheme: { root: { weighting: { method: 'equal' } } },
      });
      expect((await send('DELETE', `/api/evaluation/schemes/${id}`)).statusCode).toBe(200);
      expect((await get(`/api/evaluation/schemes/${id}`)).statusCode).toBe(404);
      const log = json(await get(`/api/audit?entity=evaluationScheme&q=${id}`, admin));
      expect(log.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'evaluationScheme.create',
        'evaluationScheme.delete',
        'evaluationScheme.update',
      ]);
    });

    it('is for bureau roles only', async () => {
      expect((await get('/api/evaluation/schemes', town)).statusCode).toBe(403);
      expect((await send('POST', '/api/evaluation/schemes', { name: 'x', scheme: ISSUE_EXAMPLE }, town)).statusCode).toBe(403);
    });
  });

  describe('bad schemes are refused with a 400 naming the node', () => {
    const cases: [string, object, string, RegExp][] = [
      [
        'a negative weight',
        leadershipWith([
          { id: 'a', weight: -0.2, children: [leaf('revenue')] },
          { id: 'b', weight: 1, children: [leaf('employees')] },
        ]),
        'WEIGHT_NEGATIVE',
        /节点 a 的权重为 -0\.2/,
      ],
      [
        'all-zero weights',
        leadershipWith([
          { id: 'a', weight: 0, children: [leaf('revenue')] },
          { id: 'b', weight: 0, children: [leaf('employees')] },
        ]),
        'WEIGHT_ALL_ZERO',
        /leadership/,
      ],
      [
        'a cycle',
        {
          name: '环',
          nodes: [
            { id: 'r', parent: null },
            { id: 'a', parent: 'b' },
            { id: 'b', parent: 'a' },
            { indicator: 'revenue', parent: 'a' },
            { indicator: 'employees', parent: 'r' },
          ],
        },
        'SCHEME_CYCLE',
        /节点 [ab]/,
      ],
      [
        'a missing indicator',
        leadershipWith([{ id: 'a', weight: 1, children: [leaf('revenue'), leaf('patents_granted')] }]),
        'DATA_COLUMN_MISSING',
        /节点 patents_granted 的指标 patents_granted 不在该预设的数据中/,
      ],
      [
        'a non-reciprocal AHP matrix',
        leadershipWith([leaf('revenue'), leaf('employees')], {
          method: 'ahp',
          matrix: [
            [1, 3],
            [3, 1],
          ],
        }),
        'AHP_NOT_RECIPROCAL',
        /leadership/,
      ],
      [
        'an inconsistent AHP matrix',
        leadershipWith([leaf('revenue'), leaf('employees'), leaf('rd_expense')], {
          method: 'ahp',
          matrix: [
            [1, 9, 1 / 9],
            [1 / 9, 1, 9],
            [9, 1 / 9, 1],
          ],
        }),
        'AHP_INCONSISTENT',
        /CR/,
      ],
      ['a group without children', leadershipWith([{ id: 'empty', weight: 1, children: [] }]), 'SCHEME_EMPTY_GROUP', /分组 empty/],
      ['a wrong method name', leadershipWith([leaf('revenue')], { method: 'magic' }), 'SCHEME_INVALID', /节点 leadership/],
    ];
    it.each(cases)('%s', async (_what, scheme, reason, named) => {
      for (const url of ['/api/evaluation/schemes/validate', '/api/evaluation/schemes']) {
        const res = await send('POST', url, url.endsWith('validate') ? { scheme, preset: 'leadership' } : { name: '坏方案', preset: 'leadership', scheme });
        expect(res.statusCode, res.body).toBe(400);
        expect(json(res).error).toMatchObject({ code: 'VALIDATION', details: { reason } });
        expect(json(res).error.message).toMatch(named);
      }
    });

    it('refuses a run with a saved scheme of another preset', async () => {
      const res = await send('POST', '/api/evaluation/runs', { schemeId: uploadSchemeId, source: { kind: 'leadership', year: 2023 } });
      expect([res.statusCode, json(res).error.details.field]).toEqual([400, 'schemeId']);
    });
  });

  describe('a run on an uploaded table', () => {
    it("computes the CLI's result from DATA.csv, labels the entities from the name column", async () => {
      const res = await upload(uploadSchemeId, 'DATA.csv', EXAMPLE_CSV, '&samples=50&seed=3&tiers=' + encodeURIComponent('[{"name":"A","size":2}]'));
      expect(res.statusCode, res.body).toBe(200);
      const id = json(res).id;
      const results = json(await get(`/api/evaluation/runs/${id}/results`)).items;
      expect(results.map((r: { entityId: string; rank: number }) => [r.entityId, r.rank])).toEqual([
        ['E02', 1],
        ['E04', 2],
        ['E06', 2],
        ['E01', 4],
        ['E05', 5],
        ['E03', 6],
      ]);
      const e01 = results.find((r: { entityId: string }) => r.entityId === 'E01');
      expect(e01.label).toBe('单位E01');
      expect(e01.score).toBeCloseTo(48.061847, 5);
      expect(e01.groups).toEqual({ input: expect.closeTo(51.829268, 5), output: expect.closeTo(42.410714, 5) });
      // a tie across the Top-2 boundary: E04 and E06 share place 2 and both enter A, flagged
      const run = json(await get(`/api/evaluation/runs/${id}`));
      expect(run.summary.tiers).toEqual([{ name: 'A', size: 2, count: 3, overfull: true }]);
      expect(run.source).toMatchObject({ kind: 'upload', fileName: 'DATA.csv' });
      const weights = json(
        await send('POST', '/api/evaluation/weights', {
          scheme: {
            ...ISSUE_EXAMPLE,
            root: {
              ...ISSUE_EXAMPLE.root,
              children: [ISSUE_EXAMPLE.root.children[0], { ...ISSUE_EXAMPLE.root.children[1], weighting: { method: 'entropy' } }],
            },
          },
          source: { kind: 'run', runId: id },
        }),
      );
      expect(weights.weights.find((g: { id: string }) => g.id === 'output')).toMatchObject({ method: 'entropy' });
      expect(weights.scored).toBe(6);
    });

    it('refuses text in a numeric column naming the column and row, from .xlsx too', async () => {
      const bad = EXAMPLE_CSV.replace('E03,单位E03,1,', 'E03,单位E03,三,');
      const res = await upload(uploadSchemeId, 'DATA.csv', bad);
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ details: { reason: 'DATA_NOT_NUMBER', column: 'rd_intensity' } });
      expect(json(res).error.message).toBe('列 rd_intensity 应为数字，但有 1 个单元格不是数字：第 4 行 "三"');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('数据');
      for (const line of bad.split('\r\n')) ws.addRow(line.split(',').map((c) => (c !== '' && !Number.isNaN(Number(c)) ? Number(c) : c)));
      const xlsx = await upload(uploadSchemeId, 'DATA.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      expect([xlsx.statusCode, json(xlsx).error.details.column], xlsx.body).toEqual([400, 'rd_intensity']);
    });

    it('refuses a constant column and a missing one, naming them', async () => {
      const constant = csv([['id', 'rd_intensity', 'staff_share', 'patents', 'defects'], ...EXAMPLE_ROWS.map(([id, a, b, c]) => [id, a, b, c, 5])]);
      const res = await upload(uploadSchemeId, 'DATA.csv', constant);
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ details: { reason: 'DATA_CONSTANT' } });
      expect(json(res).error.message).toContain('defects');
      const missing = csv([['id', 'rd_intensity', 'staff_share', 'patents'], ...EXAMPLE_ROWS.map(([id, a, b, c]) => [id, a, b, c])]);
      const res2 = await upload(uploadSchemeId, 'DATA.csv', missing);
      expect([res2.statusCode, json(res2).error.details.reason, json(res2).error.details.columns]).toEqual([400, 'DATA_COLUMN_MISSING', ['defects']]);
    });
  });

  describe("the towns' scoreboard", () => {
    it('ranks every town and park on the monitored actuals, directions from the catalogue', async () => {
      const res = await send('POST', '/api/evaluation/runs', { source: { kind: 'towns', period: '2024' }, options: { samples: 40 } });
      expect(res.statusCode, res.body).toBe(200);
      const id = json(res).id;
      const run = json(await get(`/api/evaluation/runs/${id}`));
      expect(run).toMatchObject({ preset: 'towns', scoredCount: 8, inputCount: 8, source: { kind: 'towns', period: '2024' } });
      expect(run.summary.tiers).toBeNull();
      expect(run.groups.map((g: { name: string }) => g.name)).toEqual(['创新投入', '产业创新', '创新主体', '创新人才', '创新产出', '创新环境', '创新平台']);
      const results = json(await get(`/api/evaluation/runs/${id}/results`)).items;
      expect(results.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await send('POST', `/api/evaluation/runs/${id}/publish`, {}, town)).statusCode).toBe(403);
      expect(json(await send('POST', `/api/evaluation/runs/${id}/publish`))).toEqual({ count: 8, superseded: null });
      const mine = json(await get(`/api/evaluation/published/${id}`, town));
      expect(mine.count).toBe(8);
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0]).toMatchObject({ entityId: '330211001', regionName: '招宝山街道' });
    });

    it('refuses a period that is not one', async () => {
      const res = await send('POST', '/api/evaluation/runs', { source: { kind: 'towns', period: '2024年13月' } });
      expect([res.statusCode, json(res).error.code]).toEqual([400, 'PERIOD_INVALID']);
    });
  });
});
