import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { csv, HEADER_EN, HEADER_ZH, xlsx } from './files.ts';

describeEachDatabase('indicator import', (mode) => {
  let t: TestApp;
  let bureau: string;
  let town: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
    town = await t.login('town');
  });
  afterAll(async () => t?.close());

  const upload = (cookie: string, name: string, data: Buffer | string) => {
    const body = multipartFile(name, data);
    return t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { cookie, ...body.headers }, payload: body.payload });
  };
  const value = async (region: string, indicator: string, kind: string, period: string) => {
    const [row] = await t.db.query<{ value: string; source: string }>(
      'select value::text as value, source from indicator_values where region_code = $1 and indicator_code = $2 and kind = $3 and period = $4',
      [region, indicator, kind, period],
    );
    return row;
  };
  let countBefore = 0;
  const count = async () => (await t.db.query<{ n: number }>('select count(*) as n from indicator_values'))[0].n;
  beforeEach(async () => {
    countBefore = await count();
  });

  it('imports values written as users write them, with Chinese headers, converting 万元 to 亿元', async () => {
    const file = csv([
      HEADER_ZH,
      ['330211001', 'RD_INTENSITY', '2025Q1', '实际', '2.43%', ''],
      ['330211001', '科技型中小企业数', '2026', '实际', '1,029', '家'], // a year the demo has no actual of
      ['330211002', 'HIGHTECH_INVESTMENT', '2025-03', '实际', '12345', '万元'],
      ['330211002', 'HIGHTECH_INVESTMENT', '2025', '目标', '20.5亿元', ''],
    ]);
    const res = await upload(bureau, '数据.csv', file);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ rows: 4, inserted: 3, updated: 1, unchanged: 0 });
    const changes = json(await t.app.inject({ url: `/api/indicators/imports/${json(res).importRunId}/changes?pageSize=10`, headers: { cookie: bureau } }));
    expect(changes.total).toBe(4);
    expect(changes.items.filter((c: { change: string }) => c.change === 'inserted')).toHaveLength(3);
    const exported = await t.app.inject({ url: `/api/indicators/imports/${json(res).importRunId}/changes/export`, headers: { cookie: bureau } });
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(await value('330211001', 'RD_INTENSITY', 'actual', '2025Q1')).toEqual({ value: '2.43', source: 'import' });
    expect((await value('330211001', 'TECH_SME_COUNT', 'actual', '2026')).value).toBe('1029');
    expect((await value('330211002', 'HIGHTECH_INVESTMENT', 'actual', '2025-03')).value).toBe('1.2345');
    expect((await value('330211002', 'HIGHTECH_INVESTMENT', 'target', '2025')).value).toBe('20.5');
  });

  it('changes nothing when the same file is imported again, and keeps the before/after of what it changed', async () => {
    const rows = [HEADER_EN, ['330211003', 'HNTE_COUNT', '2024', 'actual', '77', '']];
    const first = json(await upload(bureau, 'a.csv', csv(rows)));
    expect(first).toMatchObject({ inserted: 0, updated: 1 });
    const again = json(await upload(bureau, 'a.csv', csv(rows)));
    expect(again).toMatchObject({ rows: 1, inserted: 0, updated: 0, unchanged: 1 });
    const [change] = await t.db.query<{ old_value: string; new_value: string }>(
      'select old_value::text, new_value::text from indicator_value_changes where import_run_id = $1',
      [first.importRunId],
    );
    expect(change.new_value).toBe('77');
    expect(change.old_value).not.toBe('77');
    const changes = json(await t.app.inject({ url: `/api/indicators/imports/${first.importRunId}/changes`, headers: { cookie: bureau } }));
    expect(changes.items).toEqual([
      expect.objectContaining({
        regionCode: '330211003',
        indicatorCode: 'HNTE_COUNT',
        period: '2024',
        oldValue: change.old_value,
        newValue: '77',
        change: 'updated',
      }),
    ]);
    expect((await t.app.inject({ url: `/api/indicators/imports/${first.importRunId}/changes`, headers: { cookie: town } })).statusCode).toBe(404);
    const audit = json(await t.app.inject({ url: `/api/audit?entity=importRun&entityId=${first.importRunId}`, headers: { cookie: await t.login('admin') } }));
    expect(audit.items[0]).toMatchObject({ username: 'bureau', action: 'indicatorValues.import', after: { updated: 1 } });
  });

  it('reads .xlsx, including a cell formatted as a percentage and numbers stored as numbers', async () => {
    const data = await xlsx(
      [HEADER_ZH, ['330211004', 'RD_INTENSITY', '2025', '实际', 0.0312, ''], ['330211004', 'PCT_APPLICATIONS', 2025, '实际', 9, '件']],
      (ws) => {
        ws.getCell('E2').numFmt = '0.00%';
      },
    );
    const res = await upload(bureau, '数据.xlsx', data);
    expect(res.statusCode).toBe(200);
    expect((await value('330211004', 'RD_INTENSITY', 'actual', '2025')).value).toBe('3.12');
    expect((await value('330211004', 'PCT_APPLICATIONS', 'actual', '2025')).value).toBe('9');
  });

  it('reads a CSV saved by Chinese Excel in GBK', async () => {
    const text = csv([HEADER_ZH, ['330211005', '有效发明专利拥有量', '2025', '实际', '321', '件']]);
    const encoded = Buffer.from(gbkEncode(text));
    expect(encoded.equals(Buffer.from(text))).toBe(false); // really not UTF-8
    const res = await upload(bureau, 'gbk.csv', encoded);
    expect(res.statusCode).toBe(200);
    expect((await value('330211005', 'INVENTION_PATENTS', 'actual', '2025')).value).toBe('321');
  });

  it.each([
    ['an unknown region', ['339999999', 'HNTE_COUNT', '2024', '实际', '5', ''], '地区代码', '地区代码不存在'],
    ['an unknown indicator', ['330211001', 'NO_SUCH', '2024', '实际', '5', ''], '指标', '指标代码或名称不存在'],
    ['a value that is not a number', ['330211001', 'HNTE_COUNT', '2024', '实际', '五十', ''], '数值', '不是数字'],
    ['a percent sign where the unit is not %', ['330211001', 'HNTE_COUNT', '2024', '实际', '50%', ''], '数值', '不能带百分号'],
    ['a unit that cannot be converted', ['330211001', 'HNTE_COUNT', '2024', '实际', '50', '件'], '单位', '不一致'],
    ['a bad period', ['330211001', 'HNTE_COUNT', '2024Q5', '实际', '50', ''], '期间', '期间格式有误'],
    ['a bad kind', ['330211001', 'HNTE_COUNT', '2024', '预测', '50', ''], '类型', '类型应为'],
    ['a region outside the whole district', ['330212001', 'HNTE_COUNT', '2024', '实际', '50', ''], '地区代码', '无权导入'],
  ])('refuses %s, names row and column, and writes nothing', async (_, bad, column, reason) => {
    const res = await upload(bureau, 'bad.csv', csv([HEADER_ZH, ['330211001', 'HNTE_COUNT', '2030', '实际', '1', ''], bad]));
    expect(res.statusCode).toBe(422);
    const err = json(res).error;
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.details.errors).toHaveLength(1);
    expect(err.details.errors[0]).toMatchObject({ row: 3, column });
    expect(err.details.errors[0].reason).toContain(reason);
    expect(await count()).toBe(countBefore);
  });

  it('refuses a duplicate row inside one file, naming the first one', async () => {
    const row = ['330211001', 'HNTE_COUNT', '2031', '实际', '1', ''];
    const res = await upload(bureau, 'dup.csv', csv([HEADER_ZH, row, ['330211002', 'HNTE_COUNT', '2031', '实际', '1', ''], row]));
    expect(json(res).error.details.errors[0]).toMatchObject({ row: 4, reason: expect.stringContaining('与第 2 行重复') });
    expect(await count()).toBe(countBefore);
  });

  it('lets the error report be downloaded as a spreadsheet', async () => {
    const res = await upload(
      bureau,
      'bad.csv',
      csv([HEADER_ZH, ['330211001', 'HNTE_COUNT', '2024', '实际', 'x', ''], ['1', 'HNTE_COUNT', '2024', '实际', '1', '']]),
    );
    const { importRunId } = json(res).error.details;
    const report = await t.app.inject({ url: `/api/indicators/imports/${importRunId}/errors`, headers: { cookie: bureau } });
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).values).toEqual([undefined, '行号', '列', '值', '错误原因']);
    expect(ws.getRow(3).getCell(1).value).toBe(2);
    expect(ws.getRow(4).getCell(1).value).toBe(3);
  });

  it.each([
    ['an empty file', 'empty.csv', () => Buffer.alloc(0), 422, 'IMPORT_EMPTY'],
    ['a header with no rows', 'head.csv', () => Buffer.from(HEADER_ZH.join(',')), 422, 'IMPORT_EMPTY'],
    ['a file that is not a spreadsheet', 'photo.xlsx', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 415, 'IMPORT_UNREADABLE'],
    ['binary data named .csv', 'data.csv', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 415, 'IMPORT_UNREADABLE'],
    ['a missing column', 'cols.csv', () => Buffer.from('地区代码,指标,期间,数值\n330211001,HNTE_COUNT,2024,1'), 422, 'IMPORT_HEADER'],
    ['a 50 MB file', 'big.csv', () => Buffer.alloc(50 * 1024 * 1024, 'a'), 413, 'IMPORT_TOO_LARGE'],
  ])('refuses %s with a clear error', async (_, name, data, status, code) => {
    const res = await upload(bureau, name, data());
    expect(res.statusCode).toBe(status);
    expect(json(res).error.code).toBe(code);
    expect(json(res).error.message).toBeTruthy();
    expect(await count()).toBe(countBefore);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers a broken multipart upload with a 400, not a crash', async () => {
    const body = multipartFile('a.csv', csv([HEADER_ZH]));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/import',
      headers: { cookie: bureau, 'content-type': 'multipart/form-data; boundary=something-else' },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'VALIDATION', details: { field: 'file' } });
  });

  it('refuses formula cells, naming the cell', async () => {
    const data = await xlsx([HEADER_ZH, ['330211001', 'HNTE_COUNT', '2024', '实际', { formula: '1+1', result: 2 }, '']]);
    const res = await upload(bureau, 'f.xlsx', data);
    expect(res.statusCode).toBe(422);
    expect(json(res).error.details.errors[0]).toMatchObject({ row: 2, column: '数值', value: '=1+1' });
    expect(await count()).toBe(countBefore);
  });

  it('refuses merged header cells', async () => {
    const data = await xlsx([['地区', '', '期间', '类型', '数值'], HEADER_ZH, ['330211001', 'HNTE_COUNT', '2024', '实际', '1', '']], (ws) =>
      ws.mergeCells('A1:B1'),
    );
    const res = await upload(bureau, 'm.xlsx', data);
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toMatchObject({ code: 'IMPORT_HEADER', details: { merged: ['A1:B1'] } });
  });

  it('lets a town officer report actuals for their own town only', async () => {
    const ok = await upload(town, 'town.csv', csv([HEADER_ZH, ['330211001', 'HNTE_COUNT', '2032', '实际', '12', '']]));
    expect(ok.statusCode).toBe(200);
    const other = await upload(
      town,
      'town.csv',
      csv([HEADER_ZH, ['330211002', 'HNTE_COUNT', '2032', '实际', '12', ''], ['330211001', 'HNTE_COUNT', '2032', '目标', '12', '']]),
    );
    expect(other.statusCode).toBe(422);
    const errors = json(other).error.details.errors;
    expect(errors[0]).toMatchObject({ row: 2, column: '地区代码', reason: '无权导入该地区的数据' });
    expect(errors[1]).toMatchObject({ row: 3, column: '类型' });
    expect(await value('330211002', 'HNTE_COUNT', 'actual', '2032')).toBeUndefined();
  });
});

function gbkEncode(text: string): Uint8Array {
  // Node has a GB18030 decoder but no encoder: map each character through a decode table built once.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
  return new Uint8Array(out);
}
