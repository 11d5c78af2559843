/**
 * The server answers in the request's language (issue 10, item 4): error messages and the Excel exports'
 * headers in English when Accept-Language asks for it, in Chinese otherwise; and no user's request, in either
 * language, is answered with a 500 — every GET route walked as each demo account, the bound ones included.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from '@kechuang/platform-server';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '../test-app.ts';

const CJK = /[\u3400-\u9fff]/;
const EN = { 'accept-language': 'en-US,en;q=0.9' };
const ZH = { 'accept-language': 'zh-CN' };

async function sheetHeaders(data: Buffer, notes = 1): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const row = wb.worksheets[0].getRow(notes + 1).values as unknown[];
  return row.slice(1).map(String);
}

describeEachDatabase("the server in the user's language", (mode) => {
  let t: TestApp;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
  });
  afterAll(async () => t?.close());
  const get = (url: string, headers: Record<string, string>, cookie = bureau) => t.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });

  describe('error messages', () => {
    it.each([
      ["a room's code", '/api/enterprises/999999', 404, 'ENT_NOT_FOUND', '企业不存在或不在您的管辖范围内', 'No such enterprise in your jurisdiction'],
      ["a room's code with params", '/api/evaluation/runs/999999', 404, 'EVAL_RUN_NOT_FOUND', '评价运行 999999 不存在', 'No evaluation run 999999'],
      [
        'a request the schema refuses',
        '/api/indicators/report?region=330211',
        400,
        'VALIDATION',
        '请求参数有误：querystring.period',
        'Invalid request: querystring.period',
      ],
      ['an unknown path', '/api/no-such-thing', 404, 'NOT_FOUND', '找不到 GET /api/no-such-thing', 'Not found: GET /api/no-such-thing'],
      [
        "the carriers' code",
        '/api/evaluation/carriers/999999/figures/2024',
        404,
        'CAR_NOT_FOUND',
        '载体 999999 不存在或不在您的管辖范围内',
        'No carrier 999999 in your jurisdiction',
      ],
    ])('%s answers in English when asked, in Chinese otherwise', async (_, url, status, code, zh, en) => {
      const english = await get(url, EN);
      expect([english.statusCode, json(english).error.code, json(english).error.message]).toEqual([status, code, en]);
      for (const headers of [ZH, {}]) {
        const chinese = await get(url, headers);
        expect([chinese.statusCode, json(chinese).error.code, json(chinese).error.message]).toEqual([status, code, zh]);
      }
    });

    it("fills a code's message with its facts in both languages", async () => {
      const put = (headers: Record<string, string>) =>
        t.app.inject({
          method: 'PUT',
          url: '/api/indicators/values',
          headers: { cookie: bureau, ...headers },
          payload: { region: '330211', indicator: 'HNTE_COUNT', period: '2024', kind: 'actual', value: '5%' },
        });
      const [en, zh] = [json(await put(EN)).error, json(await put(ZH)).error];
      expect(en).toMatchObject({ code: 'IND_VALUE_PERCENT', details: { field: 'value' } });
      expect(en.message).toMatch(/^The indicator's unit is "[^"]+": no percent sign$/);
      expect(zh.message).toMatch(/^指标单位是“[^”]+”，不能带百分号$/);
    });

    it("the platform's own checks answer in English too: a NUL in a body, a body that is not JSON, a cross-site request", async () => {
      const post = (payload: string, headers: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', ...headers }, payload });
      const nul = json(await post(JSON.stringify({ username: 'ad\u0000min', password: 'x' }), EN)).error;
      expect([nul.code, nul.message]).toEqual(['VALIDATION', 'Invalid request: body.username holds a null character (U+0000)']);
      const notJson = json(await post('{', EN)).error;
      expect([notJson.code, notJson.message]).toEqual(['VALIDATION', 'Invalid request: the body is not valid JSON']);
      const crossSite = json(await post(JSON.stringify({ username: 'a', password: 'b' }), { ...EN, origin: 'https://evil.example' })).error;
      expect([crossSite.code, crossSite.message]).toEqual([
        'FORBIDDEN',
        "Cross-site request refused: it comes from another site (Origin: https://evil.example). Please work from this system's own pages.",
      ]);
    });

    it('an engine error (IndexError) keeps its specific Chinese message and says its kind in English', async () => {
      const body = { name: 'x', preset: 'leadership', scheme: { root: { id: 'r', children: [{ id: 'a', indicator: 'no_such_column' }] } } };
      const post = (headers: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/api/evaluation/schemes', headers: { cookie: bureau, ...headers }, payload: body });
      const [en, zh] = [json(await post(EN)).error, json(await post(ZH)).error];
      expect(en).toMatchObject({ code: 'VALIDATION', details: { reason: 'DATA_COLUMN_MISSING' }, message: 'A column the scheme needs is not in the data' });
      expect(zh.message).toContain('no_such_column');
    });
  });

  it("a scheme's warnings in the reader's language", async () => {
    const scheme = {
      name: 'x',
      normalization: {},
      root: {
        id: 'r',
        weighting: { method: 'equal' },
        children: [
          { indicator: 'rd_expense', weigth: 2 },
          { indicator: 'revenue', weight: 1 },
        ],
      },
    };
    const validate = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/evaluation/schemes/validate',
        headers: { cookie: bureau, ...headers },
        payload: { scheme, preset: 'leadership' },
      });
    const en = await validate(EN);
    expect(en.statusCode, en.body).toBe(200);
    expect(json(en).warnings).toEqual([
      'Field normalization of the scheme is not known and was ignored',
      'Field weigth of node rd_expense is not known and was ignored',
      "Node r is weighted by equal: its children's weights were ignored",
    ]);
    expect(json(await validate(ZH)).warnings).toEqual([
      '方案的字段 normalization 无法识别，已忽略',
      '节点 rd_expense 的字段 weigth 无法识别，已忽略',
      '节点 r 的权重方法为 equal，子项的 weight 已忽略',
    ]);
  });

  describe("an import's row errors, by their codes in the reader's language", () => {
    const upload = (url: string, name: string, text: string, headers: Record<string, string>) => {
      const file = multipartFile(name, text);
      return t.app.inject({ method: 'POST', url, headers: { ...file.headers, cookie: bureau, ...headers }, payload: file.payload });
    };
    /** a refusal's first row error in the 422 answer, the run's errors page and its error report, in `headers`' language */
    async function rowErrorEverywhere(url: string, name: string, text: string, headers: Record<string, string>) {
      const res = await upload(url, name, text, headers);
      expect(res.statusCode, res.body).toBe(422);
      const { details } = json(res).error;
      const page = json(await get(`/api/import-runs/${details.importRunId}/errors`, headers));
      const report = await get(`/api/import-runs/${details.importRunId}/errors/export`, headers);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      return {
        answered: details.errors[0],
        paged: page.items[0],
        report: [(sheet.getRow(2).values as unknown[]).slice(1).map(String), (sheet.getRow(3).values as unknown[]).slice(1).map(String)],
      };
    }

    it.each([
      [
        'the registry',
        '/api/enterprises/import?kind=years',
        '企业名称,营业收入\n语言测试企业,1\n',
        'Required columns missing: USCC, Year',
        '缺少必填列：统一社会信用代码 (uscc)、年度 (year)',
      ],
      [
        'the indicators',
        '/api/indicators/import',
        '地区代码,指标,数值\n330211,HNTE_COUNT,1\n',
        'Required columns missing: period, kind',
        '缺少必填列：期间 (period)、类型 (kind)',
      ],
    ])("%s: a file without a required column is refused naming it in the reader's language", async (_, url, csv, en, zh) => {
      const english = json(await upload(url, 'bad.csv', csv, EN)).error;
      expect([english.code, english.message]).toEqual(['IMPORT_HEADER', en]);
      expect(json(await upload(url, 'bad.csv', csv, ZH)).error.message).toBe(zh);
    });

    it("the carriers' import: a value that is not a number", async () => {
      const csv = '载体名称,载体类型,研发人员数（人）\n语言测试研究院,研究院,十个\n';
      const en = await rowErrorEverywhere('/api/evaluation/carriers/import?year=2021', 'bad.csv', csv, EN);
      const reason = 'R&D staff must be a number (unit: people)';
      expect(en.answered).toEqual({ row: 2, column: '研发人员数（人）', value: '十个', reason, code: 'CAR_ROW_NOT_A_NUMBER' });
      expect(en.paged).toEqual(en.answered);
      expect(en.report).toEqual([
        ['Row', 'Column', 'Value', 'Reason'],
        ['2', '研发人员数（人）', '十个', reason],
      ]);
      const zh = await rowErrorEverywhere('/api/evaluation/carriers/import?year=2021', 'bad.csv', csv, ZH);
      expect([zh.answered.reason, zh.paged.reason, zh.report[1][3]]).toEqual(Array(3).fill('研发人员数应为数字（单位：人）'));
    });

    it.each([
      [
        "the registry's",
        '/api/enterprises/import?kind=enterprises',
        '统一社会信用代码,企业名称,所属镇街\n913302,语言测试企业,招宝山街道\n',
        { column: '统一社会信用代码', value: '913302', code: 'ENT_ROW_USCC_LENGTH' },
        'A USCC has 18 characters, this one 6',
        '统一社会信用代码应为 18 位，实为 6 位',
      ],
      [
        "the indicators'",
        '/api/indicators/import',
        '地区代码,指标,期间,类型,数值\n330211,HNTE_COUNT,2024,实际,很多\n',
        { column: '数值', value: '很多', code: 'IND_ROW_NOT_A_NUMBER' },
        'Not a number',
        '不是数字',
      ],
    ])("%s import: a row error in the reader's language", async (_, url, csv, fields, en, zh) => {
      const english = await rowErrorEverywhere(url, 'bad.csv', csv, EN);
      expect(english.answered).toEqual({ row: 2, ...fields, reason: en });
      expect(english.paged).toEqual(english.answered);
      expect(english.report[1]).toEqual(['2', fields.column, fields.value, en]);
      const chinese = await rowErrorEverywhere(url, 'bad.csv', csv, ZH);
      expect([chinese.answered.reason, chinese.paged.reason, chinese.report[1][3]]).toEqual([zh, zh, zh]);
    });
  });

  describe('exports', () => {
    it("the indicators' report: headers, lights and title in English when asked", async () => {
      const url = '/api/indicators/report/export?region=330211&period=2024';
      const en = await get(url, EN);
      expect(en.statusCode).toBe(200);
      expect(await sheetHeaders(en.rawPayload)).toEqual([
        'Code',
        'Indicator',
        'Unit',
        'Baseline',
        'Baseline period',
        'Target',
        'Target period',
        'Actual',
        'Source',
        'Expected to date',
        'Completion',
        'Light',
        'Notes',
      ]);
      expect(en.headers['content-disposition']).toContain("filename*=UTF-8''progress_");
      const zh = await get(url, ZH);
      expect((await sheetHeaders(zh.rawPayload)).slice(0, 3)).toEqual(['指标代码', '指标', '单位']);
    });

    it('the registry: English headers the registry import reads back', async () => {
      const en = await get('/api/enterprises/export', EN);
      expect(en.statusCode).toBe(200);
      expect((await sheetHeaders(en.rawPayload, 0)).slice(0, 8)).toEqual([
        'USCC',
        'Name',
        'Town',
        'Industry code',
        'HNTE field',
        'Chains',
        'Is above scale',
        'Is listed',
      ]);
      const zh = await get('/api/enterprises/export', {});
      expect((await sheetHeaders(zh.rawPayload, 0)).slice(0, 3)).toEqual(['统一社会信用代码', '企业名称', '所属镇街']);
    });

    it.each([
      [
        "the carriers' template",
        '/api/evaluation/carriers/import-template?review=incubator&year=2024',
        0,
        ['Name', 'Kind', 'Town', 'Level', 'Year', 'Tenant firms (firms)'],
      ],
      ['the catalogue', '/api/indicators/export', 0, ['Code', 'Chinese name', 'English name', 'Unit', 'Direction']],
      ["the indicators' template", '/api/indicators/template', 0, ['region', 'indicator', 'period', 'kind', 'value', 'unit']],
      ["the registry's template", '/api/enterprises/template?kind=years', 0, ['USCC', 'Name', 'Year', 'Revenue', 'Total income']],
      ['a work list', '/api/enterprises/lists/hnteCandidates/export', 1, ['USCC', 'Name', 'Town or park', 'Tier', 'Above scale', 'Conditions unmet']],
      ['the tier counts', '/api/enterprises/tiers/export?from=2024&to=2024', 1, ['Year', 'Count date', 'Region code', 'Town or park', 'Enterprises']],
      ['the users', '/api/users/export', 0, ['Username', 'Name', 'Role', 'Region code', 'Region', 'Status', 'Created at']],
      ['the audit log', '/api/audit/export', 0, ['Time', 'User', 'Action', 'Entity', 'Entity ID', 'Region', 'Before', 'After']],
      ["the indicators' import runs", '/api/indicators/imports/export', 0, ['Run', 'Time', 'File', 'By', 'Outcome', 'Rows']],
    ])('%s: headers in English when asked, in Chinese otherwise', async (_, url, notes, headers) => {
      const admin = await t.login('admin');
      const cookie = url.startsWith('/api/users') || url.startsWith('/api/audit') ? admin : bureau;
      const en = await get(url, EN, cookie);
      expect(en.statusCode, en.body).toBe(200);
      expect((await sheetHeaders(en.rawPayload, notes)).slice(0, headers.length)).toEqual(headers);
      const zh = await get(url, ZH, cookie);
      expect(CJK.test((await sheetHeaders(zh.rawPayload, notes))[0])).toBe(true);
    });

    it("the registry's templates in English import back as they are", async () => {
      for (const [template, upload] of [
        ['/api/enterprises/template?kind=enterprises', '/api/enterprises/import?kind=enterprises'],
        ['/api/enterprises/template?kind=years', '/api/enterprises/import?kind=years'],
      ]) {
        const file = await get(template, EN);
        const { payload, headers } = multipartFile('template.xlsx', file.rawPayload);
        const res = await t.app.inject({ method: 'POST', url: upload, headers: { ...headers, cookie: bureau, ...EN }, payload });
        expect([template, res.statusCode, res.body.length > 0]).toEqual([template, 200, true]);
      }
    });

    it("an evaluation run's results: every sheet's headers in English", async () => {
      const run = await t.app.inject({
        method: 'POST',
        url: '/api/evaluation/runs',
        headers: { cookie: bureau },
        payload: { source: { kind: 'leadership', year: 2025 }, options: { samples: 0 } },
      });
      expect(run.statusCode).toBe(200);
      const res = await get(`/api/evaluation/runs/${json(run).id}/results/export`, EN);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Results', 'Not scored', 'Weights']);
      const headers = (w: ExcelJS.Worksheet, row: number) => (w.getRow(row).values as unknown[]).slice(1).map(String);
      const [results, excluded, weights] = wb.worksheets;
      // between the score and the tier, one column per group of the scheme, under the scheme's own names
      expect(headers(results, 3).slice(0, 5)).toEqual(['Rank', 'ID', 'Name', 'Town or park', 'Score (0–100)']);
      expect(headers(results, 3).slice(-2)).toEqual(['Tier', 'Place']);
      expect(headers(excluded, 1)).toEqual(['ID', 'Name', 'Town or park', 'Reason']);
      expect(headers(weights, 1)).toEqual(['Group', 'Weighting', 'Aggregation', 'Indicator or subgroup', 'Weight in group', 'Consistency ratio CR']);
      expect(results.getRow(2).getCell(1).text).toMatch(/^\d+ scored, \d+ not scored; computed by .+ \(Beijing time\)$/);
    });
  });

  describe("no 500 for a user's request", () => {
    const fill = (url: string) =>
      url.replace(/:(\w+)/g, (_, name: string) => (/code|region/i.test(name) ? '330211001' : name === 'year' ? '2024' : name === 'kind' ? 'enterprises' : '1'));
    const QUERY = 'period=2024&year=2024&region=330211&asOf=2025-06-01&from=2023&to=2024&preset=leadership';

    it.each(['enterprise', 'carrier', 'town', 'leader', 'bureau'])(
      'every GET route, as %s, answers below 500, and in English without Chinese words of its own',
      async (user) => {
        const cookie = await t.login(user);
        const failures: string[] = [];
        let refused = 0;
        for (const r of declaredRoutes(t.app)) {
          if (r.method !== 'GET' || r.url === '/api/auth/me/stream') continue;
          const url = `${fill(r.url)}?${QUERY}`;
          const res = await get(url, EN, cookie);
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${url}`);
          else if (res.statusCode >= 400) {
            refused += 1;
            if (CJK.test(json(res).error.message)) failures.push(`${res.statusCode} ${url}: ${json(res).error.message}`);
          }
        }
        expect(failures).toEqual([]);
        // the walk reaches routes that refuse (403, 404, 400), so their words are checked too
        expect(refused).toBeGreaterThan(0);
      },
    );

    it("the cockpit, asked by an account bound to one record, answers 403 in the request's language", async () => {
      for (const user of ['enterprise', 'carrier']) {
        const cookie = await t.login(user);
        const en = await get('/api/indicators/cockpit?period=2024', EN, cookie);
        expect([user, en.statusCode, CJK.test(json(en).error.message)]).toEqual([user, 403, false]);
        const zh = await get('/api/indicators/cockpit?period=2024', ZH, cookie);
        expect([user, zh.statusCode, CJK.test(json(zh).error.message)]).toEqual([user, 403, true]);
      }
    });
  });
});
