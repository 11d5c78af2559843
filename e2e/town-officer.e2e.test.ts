/**
 * A town officer logs in, sees only their town, opens the cockpit, imports a file with one bad row
 * and sees that row's message — nothing of the file is imported.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

it('town officer: own town only, cockpit, import with one bad row', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'town');
  await expect.poll(() => page.getByTestId('user-menu').innerText()).toContain('招宝山街道');

  await page.getByTestId('nav-cockpit').click();
  const headline = page.getByTestId('cockpit-headline');
  await headline.waitFor();
  await expect.poll(() => headline.innerText()).toContain('高新技术企业数');
  const body = await page.locator('body').innerText();
  expect(body).toContain('招宝山街道');
  for (const other of ['蛟川街道', '骆驼街道', '庄市街道', '九龙湖镇']) expect(body).not.toContain(other);
  await screenshot(page, 'town-cockpit');

  await page.getByTestId('nav-league').click();
  const league = page.getByTestId('league-table');
  await league.waitFor();
  await expect.poll(() => league.innerText()).toContain('招宝山街道');
  expect(await league.innerText()).not.toContain('蛟川街道');

  const file = path.join(os.tmpdir(), `kc-e2e-${process.pid}.csv`);
  writeFileSync(file, ['地区代码,指标,期间,类型,数值,单位', '330211001,HNTE_COUNT,2025,实际,80,家', '330211001,HNTE_COUNT,2025Q1,实际,八十,家'].join('\n'));
  const countBefore = (
    await e.t.db.query<{ n: number }>(`select count(*) as n from indicator_values where period in ('2025', '2025Q1') and kind = 'actual'`)
  )[0].n;
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  const errors = page.getByTestId('import-errors');
  await errors.waitFor();
  await expect.poll(() => errors.innerText()).toContain('不是数字');
  const badRow = errors.locator('tbody tr', { hasText: '八十' });
  expect(await badRow.count()).toBe(1);
  const cells = await badRow.locator('td').allInnerTexts();
  expect(cells.map((c) => c.trim())).toEqual(['3', '数值', '八十', '不是数字']); // row as the spreadsheet shows it, column, value, reason
  // the upload step says the file was refused: no ✓ on a failed import
  const steps = page.getByTestId('import-steps');
  expect(await steps.locator('.ant-steps-item-error').count()).toBe(1);
  expect(await steps.locator('.ant-steps-item-error').innerText()).toContain('上传');
  await screenshot(page, 'town-import-error');
  const countAfter = (await e.t.db.query<{ n: number }>(`select count(*) as n from indicator_values where period in ('2025', '2025Q1') and kind = 'actual'`))[0]
    .n;
  expect(countAfter).toBe(countBefore);
});
