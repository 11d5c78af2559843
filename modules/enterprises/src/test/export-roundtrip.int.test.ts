/**
 * The registry export imports back as it is: chains by name (绿色石化, not greenPetrochem), the import's own
 * headers, the table alone on the first sheet — so a bureau officer can export, edit in Excel and import.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';

describeEachDatabase('registry export round trip', (mode) => {
  let t: TestApp;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
  });
  afterAll(async () => t?.close());

  it('exports chain names and imports back as 企业名录 with nothing changed', async () => {
    const res = await t.app.inject({ url: '/api/enterprises/export?region=330211001', headers: { cookie: bureau } });
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(/企业库_\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['统一社会信用代码', '企业名称', '所属镇街', '行业代码', '技术领域', '产业链', '规上企业', '上市企业']);
    const chains = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) for (const c of row.getCell(6).text.split('、').filter(Boolean)) chains.add(c);
    });
    expect(chains.size).toBeGreaterThan(0);
    for (const c of chains) expect(c).toMatch(/[\u4e00-\u9fff]/); // names, not codes

    const file = multipartFile('企业库.xlsx', res.rawPayload);
    const back = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises/import?kind=enterprises',
      headers: { cookie: bureau, ...file.headers },
      payload: file.payload,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(json(back)).toMatchObject({ inserted: 0, updated: 0 });
    expect(json(back).unchanged).toBe(sheet.rowCount - 1);
  });

  it("names the work lists' files in Chinese (高企证书到期_2024-10-01.xlsx, not hnteExpiring_…)", async () => {
    const res = await t.app.inject({ url: '/api/enterprises/lists/hnteExpiring/export?asOf=2024-10-01', headers: { cookie: bureau } });
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('高企证书到期_2024-10-01.xlsx');
  });
});
