/**
 * 技术合同导入 through the platform's pipeline: a file with any bad row is refused whole (422 IMPORT_INVALID, each
 * error naming its row and column, the run kept with every error) and writes nothing; a good file inserts its
 * contracts (registered where it gives a registration date, moving the indicator of that year); the export of
 * the clerk's list imports back; only the clerk imports.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { testUscc } from './fixtures.ts';

const HEADER = [
  '合同名称',
  '合同类别',
  '合同子类',
  '签订日期',
  '卖方名称',
  '卖方统一社会信用代码',
  '卖方所属镇街',
  '买方名称',
  '买方所在地',
  '合同成交额（万元）',
  '技术交易额（万元）',
  '技术领域',
  '登记日期',
];
const good = (n: number, registeredOn = '') => [
  `导入测试合同${n}`,
  '技术开发',
  '委托开发',
  '2025-08-01',
  `导入卖方${n}有限公司`,
  testUscc(100 + n),
  '招宝山街道',
  'Nordic Catalysis AB',
  '境外',
  200,
  180,
  '新材料及其应用',
  registeredOn,
];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('合同');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDatabase('tech contracts: the Excel import', (mode) => {
  let t: TestApp;
  let bureau: string, town: string;
  const upload = async (name: string, data: Buffer | string, cookie = bureau, lang = 'zh-CN') => {
    const { payload, headers } = multipartFile(name, data);
    return t.app.inject({ method: 'POST', url: '/api/tech-contracts/import', payload, headers: { ...headers, cookie, 'accept-language': lang } });
  };
  const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from tech_contracts'))[0].n;
  const volume2025 = async () =>
    (
      await t.db.query<{ value: number }>(
        `select value::float8 as value from indicator_values where indicator_code = 'TECH_TRANSACTION_VOLUME' and kind = 'actual' and region_code = '330211' and period = '2025'`,
      )
    )[0].value;

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, town] = await Promise.all(['bureau', 'town'].map((u) => t.login(u)));
  });
  afterAll(async () => t?.close());

  describe('a file with a bad row is refused whole, each error naming its row and column', () => {
    it.each([
      ['a technical amount above the total', (r: unknown[]) => (r[10] = 300), '技术交易额（万元）', 'TC_TECH_EXCEEDS_TOTAL'],
      ['a negative amount', (r: unknown[]) => (r[9] = -1), '合同成交额（万元）', 'TC_AMOUNT_NEGATIVE'],
      ['the same two parties', (r: unknown[]) => (r[7] = r[4]), '买方名称', 'TC_PARTIES_SAME'],
      ['an amount in an unknown unit', (r: unknown[]) => (r[9] = '200美元'), '合同成交额（万元）', 'TC_UNIT_UNKNOWN'],
      ['an unknown town', (r: unknown[]) => (r[6] = '梅山街道'), '卖方所属镇街', 'TC_REGION_UNKNOWN'],
    ])('%s', async (_what, spoil, column, code) => {
      const before = await count();
      const bad = good(3);
      spoil(bad);
      const res = await upload('合同.xlsx', await xlsx([HEADER, good(1), good(2, '2025-09-01'), bad]));
      expect(res.statusCode, res.body).toBe(422);
      const { error } = json(res);
      expect(error.code).toBe('IMPORT_INVALID');
      expect(error.details.errors).toEqual([expect.objectContaining({ row: 4, column, code })]);
      expect(await count()).toBe(before);
      const run = json(await t.app.inject({ url: `/api/import-runs/${error.details.importRunId}`, headers: { cookie: bureau } }));
      expect(run).toMatchObject({ kind: 'techContracts', status: 'refused' });
    });

    it('in the reader’s language: the codes’ words in English', async () => {
      const bad = good(3);
      bad[10] = 300;
      const res = await upload('合同.xlsx', await xlsx([HEADER, good(1), bad]), bureau, 'en');
      expect(json(res).error.details.errors).toEqual([
        expect.objectContaining({ row: 3, code: 'TC_TECH_EXCEEDS_TOTAL', reason: 'The technology-transaction amount cannot exceed the contract amount' }),
      ]);
      const zh = await upload('合同.xlsx', await xlsx([HEADER, good(1), bad]));
      expect(json(zh).error.details.errors[0].reason).toBe('技术交易额不能超过合同成交额');
    });

    it('a unit in a header it does not know', async () => {
      const header = [...HEADER];
      header[9] = '合同成交额（美元）';
      const res = await upload('合同.xlsx', await xlsx([header, good(1)]));
      expect(json(res).error.details.errors).toEqual([expect.objectContaining({ row: 1, column: '合同成交额（美元）', code: 'TC_UNIT_UNKNOWN' })]);
    });
  });

  it('a good file inserts its contracts, the registered ones moving the indicator; then its numbers are taken', async () => {
    const before = await count();
    const v0 = await volume2025();
    const file = await xlsx([HEADER, good(1), good(2, '2025-09-01')]);
    const res = await upload('合同.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ rows: 2, inserted: 2, registered: 1, years: [2025] });
    expect(await count()).toBe(before + 2);
    expect(await volume2025()).toBeCloseTo(v0 + 0.02, 4);
    const [c] = json(await t.app.inject({ url: '/api/tech-contracts?q=导入测试合同2', headers: { cookie: bureau } })).items;
    expect(c).toMatchObject({
      status: 'registered',
      contractAmount: 2_000_000,
      techAmount: 1_800_000,
      buyer: { location: 'abroad' },
      seller: { regionCode: '330211001' },
    });
    // the same registered contract again: its number is taken now
    const [row] = await t.db.query<{ no: string }>(`select registration_no as no from tech_contracts where title = '导入测试合同2'`);
    const again = await upload(
      '合同.xlsx',
      await xlsx([
        [...HEADER, '登记编号'],
        [...good(5, '2025-09-01'), row.no],
      ]),
    );
    expect(json(again).error.details.errors).toEqual([expect.objectContaining({ row: 2, column: '登记编号', code: 'TC_REGISTRATION_NO_TAKEN' })]);
  });

  it('the export imports back', async () => {
    const exported = await t.app.inject({ url: '/api/tech-contracts/export?q=导入测试合同', headers: { cookie: bureau } });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    // drop the registration numbers (taken): the rows come back as new contracts, the registered one registered again
    const rows: unknown[][] = [];
    sheet.eachRow((r, i) => rows.push((r.values as unknown[]).slice(1).map((v, j) => (i > 1 && j === 0 ? '' : v))));
    const res = await upload('export.xlsx', await xlsx(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ inserted: 2, registered: 1 });
  });

  it('only the clerk imports', async () => {
    expect((await upload('合同.xlsx', await xlsx([HEADER, good(1)]), town)).statusCode).toBe(403);
  });
});
