/**
 * The evaluation centre as people read it, at 1440 × 900 (issue 14): no page scrolls sideways (the run's results,
 * rank stability, the breakdown, the Top-10, the schemes and a preset's scheme); names instead of codes; figures in
 * their units; methods and rank bands in words, with what moves each finalist; the publisher's name; the presets'
 * schemes read-only with 复制为新体系; and the same words in English. The leadership index is computed and published
 * through the API over the demo registry (and a small field of firms, so it also runs without the demo).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, screenshot, startE2e, type E2e } from './harness.ts';
import { createFirm, fieldOfFirms } from '../modules/evaluation/src/test/registry-fixtures.ts';

let e: E2e;
let runId: number;

/** group and leaf ids and method codes of the leadership preset, none of which a page should show as text */
const CODES =
  /\b(leadership|basics|qualifications|revenue|rd_intensity|rd_expense|high_tech_share|sci_tech_staff_share|invention_patents|other_ip|rd_platform_points|qualification_points|minmax|percentile|arithmetic|median\(industry\))\b/;
const BAND = /^第 \d+(–\d+ 名之间| 名)$/;

beforeAll(async () => {
  e = await startE2e();
  const cookie = await e.t.login('bureau');
  for (const f of fieldOfFirms(800)) await createFirm(e.t, cookie, f);
  const presets = await e.t.app.inject({ url: '/api/evaluation/presets', headers: { cookie } });
  const year = Number(presets.json<{ items: { code: string; periods: string[] }[] }>().items.find((p) => p.code === 'leadership')!.periods[0]);
  const run = await e.t.app.inject({
    method: 'POST',
    url: '/api/evaluation/runs',
    headers: { cookie },
    payload: { source: { kind: 'leadership', year }, options: { samples: 100, seed: 3 } },
  });
  expect(run.statusCode, run.body).toBe(200);
  runId = run.json<{ id: number }>().id;
  expect((await e.t.app.inject({ method: 'POST', url: `/api/evaluation/runs/${runId}/publish`, headers: { cookie }, payload: {} })).statusCode).toBe(200);
}, 600_000); // the app, 30-odd firms and a run over the demo registry: slow on a busy machine, and nothing here is timed
afterAll(async () => e?.close());

/** how far the page, and any table in it, would scroll sideways (0 = it fits) */
async function sideways(page: Page): Promise<{ page: number; tables: number }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const tables = [...document.querySelectorAll('.ant-table-content, .ant-table-body, .ant-table-container')].map((el) => el.scrollWidth - el.clientWidth);
    return { page: Math.max(0, doc.scrollWidth - doc.clientWidth), tables: Math.max(0, ...tables) };
  });
}
const fits = async (page: Page) => expect(await sideways(page)).toEqual({ page: 0, tables: 0 });

it('bureau at 1440 × 900: results, stability, weights, treatment and a breakdown fit the screen and say names, units and words', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');
  await page.goto(`${e.baseUrl}/evaluation/runs/${runId}`);
  const table = page.getByTestId('result-table');
  await table.getByTestId('result-row').first().waitFor();
  expect(await page.getByTestId('run-computed').innerText()).toContain('区科技局 王科长');
  expect(await page.getByTestId('run-published').innerText()).toContain('区科技局 王科长');
  await page.getByTestId('finalists-only').click();
  await expect.poll(() => table.getByTestId('result-row').count(), { timeout: 30_000 }).toBe(20);
  await fits(page);
  for (const band of await table.getByTestId('rank-band').allInnerTexts()) expect(band.trim()).toMatch(BAND);
  expect(await table.locator('thead').innerText()).not.toMatch(CODES);
  expect(await table.locator('thead').innerText()).toContain('排名区间');
  await screenshot(page, 'evaluation-1440-results');

  await page.getByTestId('tab-sensitivity').click();
  await page.getByTestId('sensitivity-chart').locator('canvas').waitFor();
  await page.getByTestId('sensitivity-table').getByTestId('stability-driver').first().waitFor();
  const summary = await page.getByTestId('mc-summary').innerText();
  expect(summary).toBe('100 次抽样（种子 3）：各组权重上下浮动 25%；标准化：极差标准化、百分位标准化；补缺：按行业大类中位数补缺、按行业大类均值补缺');
  const stability = page.getByTestId('sensitivity-table').getByTestId('stability');
  expect(await stability.count()).toBe(20);
  for (const s of await stability.allInnerTexts())
    expect(s).toMatch(/^(稳定|不稳定)\s*\d+% 的抽样中保持在前 (10|20) 名\s+(主要随(权重|标准化方法|补缺方法)变动：.+|各抽样中名次不变)$/);
  for (const band of await page.getByTestId('sensitivity-table').getByTestId('rank-band').allInnerTexts()) expect(band.trim()).toMatch(BAND);
  expect(await page.getByTestId('sensitivity-panel').innerText()).not.toMatch(CODES);
  await fits(page);
  await screenshot(page, 'evaluation-1440-sensitivity');

  await page.getByRole('tab', { name: '权重' }).click();
  const weights = page.getByTestId('weights-panel');
  await weights.waitFor();
  const w = await weights.innerText();
  expect(w).toContain('专家赋权');
  expect(w).toContain('算术平均');
  expect(w).not.toMatch(CODES);
  await fits(page);

  await page.getByRole('tab', { name: '数据处理' }).click();
  const winsorised = page.getByTestId('winsorised');
  await winsorised.waitFor();
  expect(await winsorised.innerText()).toMatch(/研发投入强度：截断到 [\d.]+%–[\d.]+%/);
  expect(await page.getByTestId('imputed-table').innerText()).not.toMatch(CODES);
  await fits(page);
  await screenshot(page, 'evaluation-1440-treatment');

  await page.getByRole('tab', { name: '评价结果' }).click();
  await page.getByTestId('result-table').getByTestId('result-link').first().click();
  const breakdown = page.getByTestId('bd-table');
  await breakdown.waitFor();
  expect(await breakdown.innerText()).not.toMatch(CODES);
  const row = (id: string) => breakdown.locator('tr', { has: page.getByTestId(`bd-node-${id}`) });
  expect(await row('revenue').getByTestId('bd-raw').innerText()).toMatch(/^[\d,]+ 万元$/);
  expect(await row('revenue').getByTestId('bd-value').innerText()).toMatch(/^[\d,]+ 万元$/);
  expect(await row('revenue').innerText()).toContain('对数变换后计分');
  expect(await row('rd_intensity').getByTestId('bd-raw').innerText()).toMatch(/^[\d,.]+ 万元 ÷ [\d,.]+ 万元$/);
  expect(await row('rd_intensity').getByTestId('bd-value').innerText()).toMatch(/^[\d.]+%$/);
  await fits(page);
  await screenshot(page, 'evaluation-1440-breakdown');
  await page.close();
});

it('leader at 1440 × 900: the Top-10 gives each finalist a rank band in words and what moves it, and names the publisher', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'leader');
  await page.getByTestId('nav-top-list').click();
  const list = page.getByTestId('top-list');
  await list.waitFor();
  expect(await list.innerText()).toContain('区科技局 王科长 于');
  await expect.poll(() => list.getByTestId('stability').count(), { timeout: 30_000 }).toBe(20);
  for (const band of await list.getByTestId('rank-band').allInnerTexts()) expect(band.trim()).toMatch(BAND);
  expect(await list.getByTestId('stability-driver').count()).toBe(20);
  expect(await list.innerText()).not.toMatch(/\[\d|\d\.\d \[/); // no "29.5 [10–138.1]"
  await fits(page);
  await screenshot(page, 'evaluation-1440-top-list');
  await page.close();
});

it("bureau: 评价体系 lists the preset schemes read-only, shows the leadership index's weights, and copies it as a new scheme", async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');
  await page.getByTestId('nav-evaluation-schemes').click();
  const presets = page.getByTestId('preset-schemes');
  await presets.getByTestId('preset-scheme-link').first().waitFor();
  await expect
    .poll(() => presets.getByTestId('preset-scheme-link').allInnerTexts(), { timeout: 30_000 })
    .toEqual(['企业科技创新引领指数', '镇街（园区）创新赛绩', '产业技术研究院绩效评价', '孵化器（众创空间）绩效评价']);
  await fits(page);
  await screenshot(page, 'evaluation-1440-schemes');

  await presets.getByTestId('preset-scheme-link').first().click();
  const tree = page.getByTestId('ps-table');
  await tree.waitFor();
  expect(await page.getByTestId('ps-name').innerText()).toBe('企业科技创新引领指数');
  const basics = tree.locator('tr', { has: page.getByTestId('ps-node-basics') });
  expect(await basics.getByTestId('ps-weight').innerText()).toBe('15.0%');
  const revenue = tree.locator('tr', { has: page.getByTestId('ps-node-revenue') });
  expect(await revenue.getByTestId('ps-global').innerText()).toBe('5.0%');
  expect(await page.getByTestId('ps-settings').innerText()).toContain('按行业大类中位数补缺');
  expect(await tree.innerText()).not.toMatch(CODES);
  await fits(page);
  await screenshot(page, 'evaluation-1440-preset-scheme');

  await page.getByTestId('copy-leadership').click();
  await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/\/evaluation\/schemes\/\d+$/);
  await expect.poll(() => page.getByTestId('scheme-name').inputValue(), { timeout: 30_000 }).toBe('企业科技创新引领指数（副本）');
  await page.close();
});

it('in English: methods, rank bands and what moves a finalist are English words', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await login(page, e.baseUrl, 'bureau');
  await page.getByTestId('lang-switch').getByText('EN').click();
  await page.goto(`${e.baseUrl}/evaluation/runs/${runId}`);
  await page.getByTestId('tab-sensitivity').click();
  await page.getByTestId('sensitivity-table').getByTestId('stability-driver').first().waitFor();
  expect(await page.getByTestId('mc-summary').innerText()).toBe(
    "100 samples (seed 3): each group's weights ±25%; normalisation: Min-max, Percentile; imputation: Median within each 行业大类, Mean within each 行业大类",
  );
  for (const band of await page.getByTestId('sensitivity-table').getByTestId('rank-band').allInnerTexts()) expect(band.trim()).toMatch(/^ranks? \d+(–\d+)?$/);
  for (const d of await page.getByTestId('sensitivity-table').getByTestId('stability-driver').allInnerTexts())
    expect(d).toMatch(/^(Moved mostly by the (weights|normalisation|imputation)|Its rank is the same in every sample)/);
  await fits(page);
  await screenshot(page, 'evaluation-1440-sensitivity-en');
  await page.getByTestId('lang-switch').getByText('中文').click();
  await page.close();
});
