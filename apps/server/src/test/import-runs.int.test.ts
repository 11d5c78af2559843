/**
 * The platform's import runs (/api/import-runs), which every room's import keeps through the pipeline: a history
 * per kind, one run, its errors paged and as a spreadsheet. A town officer sees their own runs only — never
 * another officer's, nor the bureau's — and a kind their role may not read is refused; an unknown kind is a 400.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '../test-app.ts';

describeEachDatabase('import runs', (mode) => {
  let t: TestApp;
  let bureau: string, town: string, town2: string;
  let townRun: number, bureauRun: number;
  const get = (url: string, cookie: string, lang?: string) => t.app.inject({ url, headers: { cookie, ...(lang && { 'accept-language': lang }) } });
  /** a refused indicator import of `bad` rows, each with an unknown indicator */
  const refused = async (cookie: string, bad: number) => {
    const rows = Array.from({ length: bad }, (_, i) => `330211001,NO_SUCH_${i},2025,实际,1,`).join('\n');
    const body = multipartFile('坏数据.csv', `地区代码,指标,期间,类型,数值,单位\n${rows}\n`);
    const res = await t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { cookie, ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(422);
    expect(json(res).error).toMatchObject({ code: 'IMPORT_INVALID', details: { errorCount: bad } });
    return json(res).error.details.importRunId as number;
  };

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, town, town2] = await Promise.all(['bureau', 'town', 'town2'].map((u) => t.login(u)));
    townRun = await refused(town, 3);
    bureauRun = await refused(bureau, 1);
  });
  afterAll(async () => t?.close());

  it("lists a kind's runs newest first; the bureau sees every run, a town officer their own", async () => {
    const all = json(await get('/api/import-runs?kind=indicatorValues', bureau));
    expect(all.items.map((r: { id: number }) => r.id)).toEqual(expect.arrayContaining([bureauRun, townRun]));
    expect(all.items[0]).toMatchObject({ id: bureauRun, kind: 'indicatorValues', fileName: '坏数据.csv', status: 'refused', rowCount: 1, errorCount: 1 });
    const own = json(await get('/api/import-runs?kind=indicatorValues', town));
    expect(own.items.map((r: { id: number }) => r.id)).toEqual([townRun]);
    expect(json(await get('/api/import-runs?kind=indicatorValues', town2)).total).toBe(0);
  });

  it("pages a run's errors in row order, and gives them as a spreadsheet in the request's language", async () => {
    const page = json(await get(`/api/import-runs/${townRun}/errors?page=2&pageSize=2`, town));
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toEqual([expect.objectContaining({ row: 4, value: 'NO_SUCH_2', reason: expect.any(String) })]);
    const report = await get(`/api/import-runs/${townRun}/errors/export`, bureau, 'en');
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].name).toBe('Errors');
  });

  it.each([
    ["another town officer's run", () => town2, () => townRun],
    ["the bureau's run", () => town, () => bureauRun],
  ])('refuses a town officer %s with 404, its errors and its report too', async (_, cookie, run) => {
    for (const url of [`/api/import-runs/${run()}`, `/api/import-runs/${run()}/errors`, `/api/import-runs/${run()}/errors/export`]) {
      const res = await get(url, cookie());
      expect(res.statusCode, url).toBe(404);
      expect(json(res).error.code).toBe('NOT_FOUND');
    }
  });

  it('refuses a kind the role may not read (403), an unknown kind (400) and no session (401)', async () => {
    expect((await get('/api/import-runs?kind=carrierFigures', town)).statusCode).toBe(403);
    const unknown = await get('/api/import-runs?kind=nothing', bureau);
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).error.details).toMatchObject({ field: 'kind' });
    expect((await t.app.inject({ url: `/api/import-runs/${townRun}` })).statusCode).toBe(401);
  });
});
