/**
 * The market's page for leaders in the browser (issue 11 item 7): the bureau opens 市场成效 and reads the headline,
 * the charts and the town table over the demo data; a town officer's table holds its own town alone; the cockpit
 * shows the market's card for this year.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

let e: E2e;

beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

it('the bureau reads 市场成效 and the cockpit’s market card; a town officer its own town', async () => {
  const bureau = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(bureau, e.baseUrl, 'bureau');
  await bureau.goto(`${e.baseUrl}/cockpit`);
  const card = bureau.getByTestId('cockpit-market');
  await card.waitFor();
  await expect.poll(() => card.innerText()).toContain('推送匹配');
  await screenshot(bureau, 'market-cockpit-card');
  await bureau.getByTestId('nav-market-overview').click();
  await bureau.getByTestId('market-overview-towns').waitFor();
  await bureau.getByTestId('market-overview-listings').locator('canvas').waitFor();
  expect(await bureau.getByTestId('market-overview-towns').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(2);
  // the charts' entry animation, for the screenshot alone
  await bureau.waitForTimeout(1500);
  await screenshot(bureau, 'market-overview');
  await bureau.close();

  const town = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(town, e.baseUrl, 'town');
  await town.goto(`${e.baseUrl}/market/overview`);
  const rows = town.getByTestId('market-overview-towns').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(1);
  expect(await rows.first().innerText()).toContain('招宝山街道');
  await screenshot(town, 'market-overview-town');
  await town.close();
});
