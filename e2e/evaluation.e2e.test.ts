/**
 * The evaluation centre in the browser: a bureau user runs the leadership index (the preset's defaults:
 * the registry's newest year, the documented scheme), sees the 20 finalists (Top10 + 10) with their rank
 * intervals, opens a finalist's breakdown down to the raw figures, publishes, and finds the list under
 * Top10 评选 — where a leader reads it too; then replaces it with a second run of the year and withdraws that. A field of eligible firms is made through the API, so the test
 * needs no demo registry (with the demo's 3,000 firms it runs on those as well).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login, screenshot, startE2e, type E2e } from './harness.ts';
import { createFirm, fieldOfFirms } from '../modules/evaluation/src/test/registry-fixtures.ts';

let e: E2e;

beforeAll(async () => {
  e = await startE2e();
  const cookie = await e.t.login('bureau');
  for (const f of fieldOfFirms(700)) await createFirm(e.t, cookie, f);
});
afterAll(async () => e?.close());

it("bureau: runs the leadership index, sees the Top-10, opens a finalist's breakdown, publishes", async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');

  await page.getByTestId('nav-evaluation-runs').click();
  await page.getByTestId('run-new').click();
  await page.getByTestId('run-year').waitFor();
  await expect.poll(() => page.getByTestId('run-year').innerText()).toMatch(/^\d{4}$/);
  await page.getByTestId('run-submit').click();

  await expect.poll(() => page.getByTestId('run-name').innerText(), { timeout: 60_000 }).toContain('企业科技创新引领指数');
  await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('已计算');
  const table = page.getByTestId('result-table');
  await table.waitFor();
  await page.getByTestId('finalists-only').click();
  await expect.poll(() => table.getByTestId('result-row').count()).toBe(20);
  const tags = await table.getByTestId('tier-tag').allInnerTexts();
  expect(tags.filter((x) => x.trim() === '科技创新引领Top10')).toHaveLength(10);
  expect(tags.filter((x) => x.trim() === '科技创新引领优秀企业')).toHaveLength(10);
  const firstRow = table.getByTestId('result-row').first();
  expect((await firstRow.locator('td').first().innerText()).trim()).toBe('1');
  await screenshot(page, 'evaluation-results');

  await page.getByTestId('tab-sensitivity').click();
  await page.getByTestId('sensitivity-chart').locator('canvas').waitFor();
  expect(await page.getByTestId('sensitivity-panel').innerText()).toMatch(/\d+ \/ 20 个入围者排名稳定/);
  await screenshot(page, 'evaluation-sensitivity');

  await page.getByText('评价结果', { exact: true }).click();
  const link = page.getByTestId('result-table').getByTestId('result-link').first();
  await link.waitFor();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect.poll(() => page.getByTestId('bd-label').innerText()).toBe(name);
  const breakdown = page.getByTestId('bd-table');
  await breakdown.waitFor();
  for (const group of ['企业基础', '创新投入', '创新产出']) expect(await breakdown.innerText()).toContain(group);
  expect((await page.getByTestId('bd-node-rd_intensity').innerText()).trim()).toBe('研发投入强度');
  // the R&D intensity row shows the raw figures it divides, 研发费用 ÷ 营业收入, in 万元, and the ratio as a percentage
  const intensityRow = breakdown.locator('tr', { has: page.getByTestId('bd-node-rd_intensity') });
  expect(await intensityRow.getByTestId('bd-raw').innerText()).toMatch(/^[\d,.]+ 万元 ÷ [\d,.]+ 万元$/);
  expect(await intensityRow.getByTestId('bd-value').innerText()).toMatch(/^[\d.]+%$/);
  await page.getByTestId('bd-chart').locator('canvas').waitFor();
  expect(await page.getByTestId('tier-tag').first().innerText()).toContain('科技创新引领Top10');
  await screenshot(page, 'evaluation-breakdown');

  await page.goBack();
  await page.getByTestId('run-publish').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('已发布');

  await page.getByTestId('nav-top-list').click();
  const list = page.getByTestId('top-list');
  await list.waitFor();
  const tiers = list.getByTestId('top-tier');
  await expect.poll(() => tiers.count()).toBe(2);
  expect(await tiers.first().getByTestId('top-name').count()).toBe(10);
  expect(await tiers.first().getByTestId('top-name').first().innerText()).toBe(name);
  await screenshot(page, 'evaluation-top-list');
  // each tab shows its own published list, or says there is none — never the enterprises' list
  for (const [preset, label] of [
    ['towns', '镇街'],
    ['performanceReview', '绩效'],
  ] as const) {
    const { items } = (await (await page.request.get(`${e.baseUrl}/api/evaluation/published?preset=${preset}`)).json()) as { items: { name: string }[] };
    await page.locator('.ant-segmented-item', { hasText: label }).click();
    if (items.length === 0) {
      await expect.poll(() => page.getByText('尚无已发布的名单').count()).toBe(1);
      expect(await page.getByTestId('top-list').count()).toBe(0);
    } else {
      await expect.poll(() => page.getByTestId('top-pick').innerText()).toContain(items[0].name);
      expect(await page.getByTestId('top-tier').count()).toBe(0);
    }
  }
  await page.close();

  const leaderPage = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(leaderPage, e.baseUrl, 'leader');
  await leaderPage.getByTestId('nav-top-list').click();
  await leaderPage.getByTestId('top-list').waitFor();
  expect(await leaderPage.getByTestId('top-name').count()).toBe(20);
  expect(await leaderPage.getByTestId('nav-evaluation-runs').count()).toBe(0);
  await leaderPage.close();
});

it('bureau: a second list of the same year replaces the first only when asked, and a published list is withdrawn with a reason', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');
  const [published] = (await (await page.request.get(`${e.baseUrl}/api/evaluation/published?preset=leadership`)).json()).items;
  const created = await page.request.post(`${e.baseUrl}/api/evaluation/runs`, { data: { source: published.source, options: { samples: 0 } } });
  expect(created.status()).toBe(200);
  const second = (await created.json()).id as number;

  await page.goto(`${e.baseUrl}/evaluation/runs/${second}`);
  await page.getByTestId('run-publish').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  const confirm = page.locator('.ant-modal-confirm');
  await confirm.waitFor();
  expect(await confirm.innerText()).toContain(`#${published.runId}`);
  await confirm.getByRole('button', { name: '替换发布' }).click();
  await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('已发布');

  await page.getByTestId('run-withdraw').click();
  await page.getByTestId('withdraw-reason').fill('企业数据更正后重新评选');
  await page.locator('.ant-modal').getByRole('button', { name: '撤回发布' }).click();
  await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('已撤回');
  expect(await page.getByTestId('run-withdrawn').innerText()).toContain('企业数据更正后重新评选');
  await screenshot(page, 'evaluation-withdrawn');

  await page.goto(`${e.baseUrl}/evaluation/runs/${published.runId}`);
  await expect.poll(() => page.getByTestId('run-status').innerText()).toBe('已撤回');
  expect(await page.getByTestId('run-withdrawn').innerText()).toContain(`#${second}`);
  await page.getByTestId('nav-top-list').click();
  await expect.poll(() => page.getByText('尚无已发布的名单').count()).toBe(1);
  await page.close();
});
