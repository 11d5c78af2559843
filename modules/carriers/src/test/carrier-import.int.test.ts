/**
 * The Excel import of carriers' figures (绩效评价 · 载体年度数据导入) through the API: a good file creates carriers
 * and figures and the same file again changes nothing; Chinese headers (with units) and codes, '1,234', full-width
 * digits and percentages are read; a bad value, an unknown column, a row of the other review, an unknown carrier
 * or town and a missing year are refused naming row and column, writing nothing; a refused file is kept as a run
 * with every error (no cap), readable paged through the platform's /api/import-runs; only bureau roles may import;
 * the template carries the jurisdiction's carriers with their figures and imports back unchanged.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { REVIEW_INDICATORS } from '../domain/index.ts';
import { TOWN, TOWN2 } from './fixtures.ts';

/** a year the demo carriers (2023–2025) have no figures of */
const YEAR = 2021;
/** a district outside the demo bureau's 镇海区 */
const OUTSIDE = '330203';

/** An .xlsx of these rows (the first is the header); a cell { percent } is typed as a percentage, as Excel stores 85%. */
async function xlsx(rows: (string | number | null | { percent: number })[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  rows.forEach((cells, r) =>
    cells.forEach((c, i) => {
      const cell = ws.getCell(r + 1, i + 1);
      if (c !== null && typeof c === 'object') {
        cell.value = c.percent;
        cell.numFmt = '0%';
      } else cell.value = c;
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDatabase("carriers: importing carriers' figures from Excel", (mode) => {
  let t: TestApp;
  let bureau: string, leader: string, town: string;
  const ids: Record<string, number> = {};
  const upload = (name: string, data: Buffer | string, query = `?year=${YEAR}`, cookie = bureau) => {
    const { payload, headers } = multipartFile(name, data);
    return t.app.inject({ method: 'POST', url: `/api/evaluation/carriers/import${query}`, headers: { ...headers, cookie }, payload });
  };
  const figures = async (id: number) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/evaluation/carriers/${id}/figures/${YEAR}`, headers: { cookie: bureau } });
    expect(res.statusCode, res.body).toBe(200);
    return json<{
      carrier: { regionCode: string; level: string | null };
      figures: { indicator: string; value: number | null; source: string | null; updatedBy: string | null }[];
    }>(res);
  };
  const valueOf = (f: Awaited<ReturnType<typeof figures>>, code: string) => f.figures.find((x) => x.indicator === code)?.value;
  const counts = async () => {
    const [c] = await t.db.query<{ carriers: number; figures: number; audits: number }>(
      `select (select count(*)::int from carriers) as carriers, (select count(*)::int from carrier_figures) as figures,
              (select count(*)::int from audit_log where action = 'carrierFigures.import') as audits`,
    );
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, leader, town] = await Promise.all(['bureau', 'leader', 'town'].map((u) => t.login(u)));
    await t.db.query(`insert into carriers (name, kind, region_code) values ('区外孵化器', 'incubator', $1)`, [OUTSIDE]);
  });
  afterAll(async () => t?.close());

  it('creates carriers and their figures from an .xlsx with Chinese headers, codes and units; the same file again writes nothing', async () => {
    const file = await xlsx([
      ['载体名称', '载体类型', '所属镇街', '级别', '研发人员数（人）', 'rd_spend', '在孵企业数(家)', '场地入驻率（%）'],
      ['导入测试研究院', '研究院', '招宝山街道', '省级', 35, '1,234.5', null, null],
      ['导入测试孵化器', '孵化器', TOWN, '国家级', null, null, 20, { percent: 0.85 }],
      ['导入测试众创空间', '众创空间', '蛟川', null, null, null, '１２', '60%'],
    ]);
    const res = await upload('载体数据.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body).toMatchObject({ year: YEAR, rows: 3, carriersCreated: 3, figuresWritten: 6, figuresUnchanged: 0 });
    for (const c of body.carriers) ids[c.name] = c.id;
    expect(body.carriers.map((c: { kind: string; created: boolean }) => [c.kind, c.created])).toEqual([
      ['industrialResearchInstitute', true],
      ['incubator', true],
      ['makerspace', true],
    ]);

    const institute = await figures(ids['导入测试研究院']);
    expect(institute.carrier).toMatchObject({ regionCode: TOWN, level: 'provincial' });
    expect(institute.figures.find((f) => f.indicator === 'rd_spend')).toMatchObject({ value: 1234.5, source: 'import', updatedBy: 'bureau' });
    expect(valueOf(institute, 'rd_staff')).toBe(35);
    expect(valueOf(institute, 'mentors')).toBeUndefined();
    const incubator = await figures(ids['导入测试孵化器']);
    expect([valueOf(incubator, 'tenant_firms'), valueOf(incubator, 'occupancy_rate'), valueOf(incubator, 'mentors')]).toEqual([20, 85, null]);
    const makerspace = await figures(ids['导入测试众创空间']);
    expect(makerspace.carrier).toMatchObject({ regionCode: TOWN2, level: null });
    expect([valueOf(makerspace, 'tenant_firms'), valueOf(makerspace, 'occupancy_rate')]).toEqual([12, 60]);

    const history = json(await t.app.inject({ method: 'GET', url: '/api/import-runs?kind=carrierFigures', headers: { cookie: bureau } }));
    expect(history.items[0]).toMatchObject({
      id: body.importRunId,
      kind: 'carrierFigures',
      fileName: '载体数据.xlsx',
      status: 'accepted',
      rowCount: 3,
      inserted: 6,
      updated: 0,
      unchanged: 0,
      errorCount: 0,
    });
    const before = await counts();
    expect(before.audits).toBe(1);
    const again = await upload('载体数据.xlsx', file);
    expect(again.statusCode, again.body).toBe(200);
    expect(json(again)).toMatchObject({ carriersCreated: 0, figuresWritten: 0, figuresUnchanged: 6 });
    expect(json(again).carriers.every((c: { created: boolean }) => !c.created)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('reads a .csv with code headers and a 年度 column instead of year=, leaving blank cells as they are', async () => {
    const csv = `name,kind,year,tenant_firms,mentors,graduated_firms\n导入测试孵化器,incubator,${YEAR},25,8,\n`;
    const res = await upload('figures.csv', csv, '');
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ year: YEAR, rows: 1, carriersCreated: 0, figuresWritten: 2, figuresUnchanged: 0 });
    const incubator = await figures(ids['导入测试孵化器']);
    expect([
      valueOf(incubator, 'tenant_firms'),
      valueOf(incubator, 'mentors'),
      valueOf(incubator, 'occupancy_rate'),
      valueOf(incubator, 'graduated_firms'),
    ]).toEqual([25, 8, 85, null]);
  });

  describe('refusals name the row and column and write nothing', () => {
    const header = '载体名称,载体类型,所属镇街,研发人员数（人）,场地入驻率（%）';
    const good = '应回滚的新研究院,研究院,招宝山街道,10,';
    it.each([
      ['text for a number', '导入测试研究院,研究院,,十个,', '研发人员数（人）', '十个'],
      ['a negative value', '导入测试研究院,研究院,,-3,', '研发人员数（人）', '-3'],
      ['a percentage above 100', '导入测试孵化器,孵化器,,,120', '场地入驻率（%）', '120'],
      ['a percentage for a count', '导入测试研究院,研究院,,50%,', '研发人员数（人）', '50%'],
      ['an indicator of the other review', '导入测试孵化器,孵化器,,5,', '研发人员数（人）', '5'],
      ['an unknown carrier without a town', '不存在的研究院,研究院,,5,', '载体名称', '不存在的研究院'],
      ['a carrier outside the jurisdiction', '区外孵化器,孵化器,,,50', '载体名称', '区外孵化器'],
      ['a new carrier in a town outside the jurisdiction', '区外新研究院,研究院,330203,5,', '所属镇街', OUTSIDE],
      ['an unknown town', '新研究院,研究院,不存在街道,5,', '所属镇街', '不存在街道'],
      ['an unknown kind', '导入测试研究院,研究所,,5,', '载体类型', '研究所'],
      ['the same carrier twice', good, '载体名称', '应回滚的新研究院'],
    ])('refuses %s', async (_, row, column, value) => {
      const before = await counts();
      const res = await upload('bad.csv', `${header}\n${good}\n${row}\n`);
      expect(res.statusCode, res.body).toBe(422);
      const { error } = json(res);
      expect(error.code).toBe('IMPORT_INVALID');
      expect(error.details.errorCount).toBe(1);
      expect(error.details.errors).toEqual([
        { row: 3, column, value, reason: expect.stringMatching(/[\u4e00-\u9fff]/), code: expect.stringMatching(/^CAR_ROW_/) },
      ]);
      expect(error.details.importRunId).toEqual(expect.any(Number));
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown column, naming it', async () => {
      const res = await upload('typo.csv', '载体名称,载体类型,研发人员,场地入驻率\n导入测试研究院,研究院,5,\n');
      expect(res.statusCode).toBe(422);
      expect(json(res).error.details.errors).toEqual([
        { row: 1, column: '研发人员', value: '研发人员', reason: expect.stringContaining('无法识别的列“研发人员”'), code: 'CAR_ROW_COLUMN_UNKNOWN' },
      ]);
    });

    it('refuses a label with the wrong unit, naming the right one', async () => {
      const res = await upload('unit.csv', '载体名称,载体类型,研发经费支出（元）\n导入测试研究院,研究院,5\n');
      expect(res.statusCode).toBe(422);
      expect(json(res).error.details.errors[0]).toMatchObject({ row: 1, column: '研发经费支出（元）', reason: expect.stringContaining('万元') });
    });

    it('keeps a refused file as a run with every error, more than the 200 it once listed, paged and downloadable', async () => {
      const before = await counts();
      const bad = Array.from({ length: 250 }, (_, i) => `导入测试研究院${i},研究院,,十个,`).join('\n');
      const res = await upload('many.csv', `${header}\n${bad}\n`);
      expect(res.statusCode, res.body).toBe(422);
      const { details } = json(res).error;
      expect(details.errorCount).toBe(250);
      expect(details.errors).toHaveLength(250);
      const run = await t.app.inject({ method: 'GET', url: `/api/import-runs/${details.importRunId}`, headers: { cookie: bureau } });
      expect(json(run)).toMatchObject({ kind: 'carrierFigures', fileName: 'many.csv', status: 'refused', rowCount: 250, errorCount: 250 });
      const page = json(
        await t.app.inject({ method: 'GET', url: `/api/import-runs/${details.importRunId}/errors?page=3&pageSize=100`, headers: { cookie: bureau } }),
      );
      expect(page.total).toBe(250);
      expect(page.items).toHaveLength(50);
      expect(page.items[0]).toMatchObject({ row: 202, column: '研发人员数（人）', value: '十个' });
      const report = await t.app.inject({ method: 'GET', url: `/api/import-runs/${details.importRunId}/errors/export`, headers: { cookie: bureau } });
      expect(report.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.rawPayload as unknown as ExcelJS.Buffer);
      expect(wb.worksheets[0].actualRowCount).toBeGreaterThan(250);
      expect(await counts()).toEqual(before);
    });

    it('refuses a file with no year, naming `year`', async () => {
      const res = await upload('noyear.csv', `${header}\n${good}\n`, '');
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ code: 'CAR_IMPORT_YEAR_MISSING', details: { field: 'year' } });
      expect(json(res).error.message).toContain('year');
    });
  });

  describe('who may import', () => {
    it.each([
      ['a town officer', () => town],
      ['a leader', () => leader],
    ])('refuses %s with 403', async (_, cookie) => {
      const res = await upload('x.csv', '载体名称,载体类型,rd_staff\n导入测试研究院,研究院,99\n', `?year=${YEAR}`, cookie());
      expect(res.statusCode).toBe(403);
      const template = await t.app.inject({
        method: 'GET',
        url: `/api/evaluation/carriers/import-template?review=incubator&year=${YEAR}`,
        headers: { cookie: cookie() },
      });
      expect(template.statusCode).toBe(403);
    });
  });

  it("gives a template of the review with Chinese headers and the jurisdiction's carriers prefilled, which imports back unchanged", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/evaluation/carriers/import-template?review=incubator&year=${YEAR}`,
      headers: { cookie: bureau },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`孵化器（众创空间）绩效评价_${YEAR}_数据模板.xlsx`)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['载体名称', '载体类型', '所属镇街', '级别', '年度', ...REVIEW_INDICATORS.incubator.map((i) => `${i.label}（${i.unit}）`)]);
    const codes = REVIEW_INDICATORS.incubator.map((i) => i.code);
    const incubatorRow = rows.find((r) => r[0] === '导入测试孵化器')!;
    expect(incubatorRow.slice(0, 5)).toEqual(['导入测试孵化器', '科技企业孵化器', '招宝山街道', '国家级', YEAR]);
    expect(incubatorRow[5 + codes.indexOf('tenant_firms')]).toBe(25);
    expect(incubatorRow[5 + codes.indexOf('occupancy_rate')]).toBe(85);
    const listed = json(
      await t.app.inject({ method: 'GET', url: `/api/evaluation/carriers?review=incubator&year=${YEAR}`, headers: { cookie: bureau } }),
    ).items;
    expect(
      rows
        .map((r) => r[0])
        .slice(1)
        .sort(),
    ).toEqual(listed.map((c: { name: string }) => c.name).sort());
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['导入测试众创空间', '导入测试孵化器']));
    expect(wb.worksheets[1].name).toBe('说明');

    const back = await upload(`孵化器（众创空间）绩效评价_${YEAR}_数据模板.xlsx`, res.rawPayload, '');
    expect(back.statusCode, back.body).toBe(200);
    expect(json(back)).toMatchObject({ year: YEAR, rows: listed.length, carriersCreated: 0, figuresWritten: 0, figuresUnchanged: 5 });
  });

  it('gives the template in English when asked, which imports back unchanged too', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/evaluation/carriers/import-template?review=incubator&year=${YEAR}`,
      headers: { cookie: bureau, 'accept-language': 'en' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0].slice(0, 7)).toEqual(['Name', 'Kind', 'Town', 'Level', 'Year', 'Tenant firms (firms)', 'Occupancy rate (%)']);
    expect(rows.find((r) => r[0] === '导入测试孵化器')!.slice(1, 5)).toEqual(['Tech business incubator', '招宝山街道', 'National', YEAR]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([`Figures ${YEAR}`, 'Notes']);
    const back = await upload('template.xlsx', res.rawPayload, '');
    expect(back.statusCode, back.body).toBe(200);
    expect(json(back)).toMatchObject({ year: YEAR, carriersCreated: 0, figuresWritten: 0, figuresUnchanged: 5 });
  });
});
