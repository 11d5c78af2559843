/**
 * Excel export of listings (issue 11 item 8): the search's filters and text give the same listings as the search,
 * headers in the request's language, what the user may not see left out, a bad search text refused naming `q`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';

describeEachDatabase('market: listings export', (mode) => {
  let t: TestApp;
  let bureau: string, ent: string;
  const sheetOf = async (cookie: string, url: string, lang: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    return { headers, rows, sheet };
  };
  const search = async (cookie: string, kind: string, body: object) =>
    json<{ items: { id: number; title: string }[]; total: number }>(
      await t.app.inject({ method: 'POST', url: `/api/market/${kind}/search`, headers: { cookie }, payload: { pageSize: 100, ...body } }),
    );

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, ent] = await Promise.all(['bureau', 'enterprise'].map((u) => t.login(u)));
  });
  afterAll(async () => t?.close());

  it('writes the filtered achievements with English headers, the same as the search', async () => {
    const found = await search(bureau, 'achievements', { field: '新材料' });
    expect(found.total).toBeGreaterThan(0);
    const { headers, rows } = await sheetOf(bureau, '/api/market/achievements/export?field=新材料', 'en');
    expect(headers).toEqual(expect.arrayContaining(['ID', 'Title', 'Abstract', 'Readiness level (TRL)', 'Asking price (10k CNY)', 'Owner', 'Status']));
    expect(rows).toHaveLength(found.total);
    const field = headers.indexOf('Field');
    expect(rows.every((r) => r[field] === '新材料')).toBe(true);
    expect(found.total).toBeLessThanOrEqual(100);
    expect(rows.map((r) => r[0]).sort()).toEqual(found.items.map((i) => i.id).sort());
  });

  it('ranks by the search text, writes Chinese headers in Chinese, and refuses a one-character text naming q', async () => {
    const found = await search(bureau, 'demands', { q: '催化剂' });
    const { headers, rows } = await sheetOf(bureau, `/api/market/demands/export?q=${encodeURIComponent('催化剂')}`, 'zh-CN');
    expect(headers.slice(0, 3)).toEqual(['编号', '需求名称', '需求描述']);
    expect(rows.slice(0, found.items.length).map((r) => r[0])).toEqual(found.items.map((i) => i.id));
    const bad = await t.app.inject({ method: 'GET', url: '/api/market/demands/export?q=a', headers: { cookie: bureau } });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.details.field).toBe('q');
    const badTrl = await t.app.inject({ method: 'GET', url: '/api/market/achievements/export?trlMin=12', headers: { cookie: bureau } });
    expect(badTrl.statusCode).toBe(400);
    expect(badTrl.body).toContain('trlMin');
  });

  it('leaves out what the user may not see: an enterprise exports the published demands, not another’s draft', async () => {
    const [other] = await t.db.query<{ id: number; region: string }>(
      `select e.id::int as id, e.region_code as region from enterprises e
        where not exists (select 1 from users u where u.bound_kind = 'enterprise' and u.bound_id = e.id) order by e.id limit 1`,
    );
    await t.db.query(`insert into demands (enterprise_id, title, status, region_code) values ($1, '导出测试：别家的草稿需求', 'draft', $2)`, [
      other.id,
      other.region,
    ]);
    const found = await search(ent, 'demands', {});
    const { rows, headers } = await sheetOf(ent, '/api/market/demands/export', 'zh-CN');
    expect(rows).toHaveLength(found.total);
    const title = headers.indexOf('需求名称');
    expect(rows.some((r) => r[title] === '导出测试：别家的草稿需求')).toBe(false);
    const bureauRows = (await sheetOf(bureau, '/api/market/demands/export', 'zh-CN')).rows;
    expect(bureauRows.some((r) => r[title] === '导出测试：别家的草稿需求')).toBe(true);
  });
});
