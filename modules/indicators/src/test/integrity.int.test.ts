/** The database itself refuses values that point nowhere, and keeps referenced regions and indicators. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestApp } from '@kechuang/testing';

describeEachDatabase('indicator value integrity', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { demo: true });
  });
  afterAll(async () => t?.close());

  const insert = (region: string, indicator: string) =>
    t.db.query(
      `insert into indicator_values (region_code, indicator_code, kind, period, year, value, source) values ($1, $2, 'actual', '2099', 2099, 1, 'manual')`,
      [region, indicator],
    );

  it.each([
    ['an unknown region', '999999999', 'HNTE_COUNT', /region 999999999 does not exist/],
    ['an unknown indicator', '330211001', 'NOPE', /indicator NOPE does not exist/],
  ])('refuses a value for %s', async (_, region, indicator, message) => {
    await expect(insert(region, indicator)).rejects.toThrow(message);
  });

  it('refuses an update that points values nowhere', async () => {
    await expect(
      t.db.query(
        `update indicator_values set indicator_code = 'NOPE' where region_code = '330211001' and indicator_code = 'HNTE_COUNT' and period = '2024' and kind = 'actual'`,
      ),
    ).rejects.toThrow(/indicator NOPE does not exist/);
  });

  it('keeps a region or indicator that values refer to', async () => {
    await expect(t.db.query(`delete from indicators where code = 'HNTE_COUNT'`)).rejects.toThrow(/has values/);
    await expect(t.db.query(`update regions set code = 'X' where code = '330211001'`)).rejects.toThrow(/has indicator values/);
    await insert('330211001', 'HNTE_COUNT');
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*) as n from indicator_values where period = '2099'`);
    expect(n).toBe(1);
  });
});
