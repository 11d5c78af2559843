/**
 * Issue 14 in the indicator pages: each view names its data year; the registry's count beside the plan's baseline of
 * the same year is shown with why they differ (report, cockpit card, trend tooltip); the 13th plan's report says 无目标
 * for a figure without a target; the catalogue speaks the UI's language (十四五 in Chinese, FYP14 and English names in
 * English). Screenshots for a person to look at (E2E_SCREENSHOTS).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

let e: E2e;
let page: Page;
beforeAll(async () => {
  e = await startE2e();
  page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');
}, 300_000); // seeding the demo (3,000 enterprises) can outlast the default on a busy machine
afterAll(async () => e?.close());

/** the registry's 2020 share of above-scale enterprises with R&D, as the report shows it */
async function registryShare2020(): Promise<string> {
  const [{ value }] = await e.t.db.query<{ value: string }>(
    `select value::text from indicator_values where region_code = '330211' and indicator_code = 'ABOVE_SCALE_RD_SHARE' and kind = 'actual' and period = '2020' and source = 'computed'`,
  );
  return `${Number(value).toFixed(1)}%`;
}

it("cockpit: one data year in the header, and the registry's 2020 share beside the plan's base on its card", async () => {
  await page.goto(`${e.baseUrl}/cockpit`);
  await page.getByTestId('cockpit-headline').waitFor();
  await expect.poll(() => page.getByTestId('data-year').innerText()).toBe('数据年份 2025');
  const card = page.getByTestId('headline-ABOVE_SCALE_RD_SHARE');
  const share = await registryShare2020();
  expect(await card.getByTestId('comparison-ABOVE_SCALE_RD_SHARE').innerText()).toContain(`2020 年基数 62.0%，企业库计算 ${share}`);
  await card.getByTestId('comparison-ABOVE_SCALE_RD_SHARE').hover();
  await expect.poll(() => page.locator('.ant-tooltip').last().innerText()).toMatch(/官方口径 62\.0%（2020 年规划基数）；平台计算 .*（口径：.*研发费用大于零/);
  await screenshot(page, 'indicators-cockpit-2025');
});

it("report: the data year, the registry's count under the baseline, the reason above the table", async () => {
  await page.goto(`${e.baseUrl}/report?period=2024`);
  const table = page.getByTestId('report-table');
  await table.locator('tr[data-row-key="ABOVE_SCALE_RD_SHARE"]').waitFor();
  expect(await page.getByTestId('data-year').innerText()).toBe('数据年份 2024');
  const share = await registryShare2020();
  expect(await table.locator('tr[data-row-key="ABOVE_SCALE_RD_SHARE"]').getByTestId('comparison-ABOVE_SCALE_RD_SHARE').innerText()).toContain(
    `企业库计算 ${share}`,
  );
  const notes = await page.getByTestId('comparison-notes').innerText();
  expect(notes).toContain('规模以上企业有研发活动占比');
  expect(notes).toContain(`官方口径 62.0%（2020 年规划基数）；平台计算 ${share}（口径：`);
  await screenshot(page, 'indicators-report-2024');
});

it("report of 2020: the 13th plan's indicators, 无目标 where it set no target, 无基数 where it gave no 2015 figure", async () => {
  await page.goto(`${e.baseUrl}/report?period=2020`);
  const table = page.getByTestId('report-table');
  const row = (code: string) => table.locator(`tr[data-row-key="${code}"]`);
  await row('TECH_TRANSACTION_VOLUME').waitFor();
  expect(await page.getByTestId('data-year').innerText()).toBe('数据年份 2020');
  expect(await row('TECH_TRANSACTION_VOLUME').innerText()).toMatch(/技术交易额[\s\S]*3\.45 亿元[\s\S]*11\.00 亿元[\s\S]*21\.96 亿元[\s\S]*绿灯/);
  expect(await row('RD_INTENSITY').locator('[data-light]').last().getAttribute('data-status')).toBe('noTarget');
  expect(await row('RD_INTENSITY').innerText()).toContain('无目标');
  expect(await row('RD_INTENSITY').innerText()).not.toContain('无数据');
  expect(await row('INVENTION_PATENTS_PER_10K').innerText()).toContain('无基数');
  expect(await row('HIGHTECH_VALUE_ADDED_SHARE').innerText()).toMatch(/26\.4%[\s\S]*40\.6%/);
  await screenshot(page, 'indicators-report-2020');
});

it("trend: the tooltip of 2020 gives the plan's base and the registry's count with its 口径", async () => {
  await page.goto(`${e.baseUrl}/trend?region=330211&indicator=ABOVE_SCALE_RD_SHARE`);
  const chart = page.getByTestId('trend-chart');
  await chart.locator('canvas').waitFor();
  expect(await page.getByTestId('data-year').innerText()).toBe('最新数据年份 2025');
  const box = (await chart.boundingBox())!;
  // 2020 is the first year on the axis: sweep from the left edge until the tooltip names it
  for (let x = 20; x < 200; x += 10) {
    await page.mouse.move(box.x + x, box.y + box.height / 2);
    if (
      await page
        .getByTestId('trend-comparison')
        .isVisible()
        .catch(() => false)
    )
      break;
  }
  await expect.poll(() => page.getByTestId('trend-comparison').innerText()).toMatch(/官方口径 62\.0%（2020 年规划基数）；平台计算 .*口径/);
  await screenshot(page, 'indicators-trend-tooltip');
});

it('catalogue: Chinese names and 十三五/十四五 in Chinese; English names and FYP13/FYP14 in English', async () => {
  await page.goto(`${e.baseUrl}/catalogue`);
  await page.locator('tr[data-row-key="TECH_TRANSACTION_VOLUME"]').waitFor();
  const zh = await page.locator('main, body').first().innerText();
  expect(zh).toContain('技术交易额');
  expect(zh).toContain('十四五');
  expect(zh).not.toContain('FYP14');
  expect(zh).not.toContain('High and New Technology Enterprises');
  expect(await page.getByTestId('plans-HNTE_COUNT').innerText()).toMatch(/十四五\s*十三五/);
  expect(await page.getByTestId('plans-TECH_TRANSACTION_VOLUME').innerText()).toBe('十三五');
  await screenshot(page, 'indicators-catalogue-zh');

  await page.getByTestId('lang-switch').getByText('EN').click();
  await expect.poll(() => page.locator('tr[data-row-key="HNTE_COUNT"]').innerText()).toContain('High and New Technology Enterprises');
  const en = await page.locator('body').innerText();
  expect(en).toContain('FYP14');
  expect(en).toContain('Technology transaction volume');
  await screenshot(page, 'indicators-catalogue-en');
  await page.getByTestId('lang-switch').getByText('中文').click();
});
