/**
 * The technology market in the browser (issue 11 item 1): the demo enterprise account writes a demand on 我的发布
 * and submits it; the bureau approves it from 挂牌审核; the demo institute account then finds it on 技术市场 by a
 * search in other words than the demand's, with the engine's reasons, and opens its page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

const TITLE = '浏览器测试：聚合釜出料发黄';
const TEXT = '我司加氢装置反应釜出料发黄，副产物偏多，希望找到能降低副产物的技术。';

let e: E2e;

beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

it('an enterprise submits a demand, the bureau approves it, an institute finds it by search', async () => {
  const enterprise = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(enterprise, e.baseUrl, 'enterprise');
  await enterprise.getByTestId('nav-market-mine').click();
  await enterprise.getByTestId('mine-table').waitFor();
  await enterprise.getByTestId('listing-new').click();
  await enterprise.getByTestId('listing-title').fill(TITLE);
  await enterprise.getByTestId('listing-text').fill(TEXT);
  await enterprise.getByTestId('listing-save').click();
  // saved as a draft, and its page opens
  await expect.poll(() => enterprise.getByTestId('listing-title').innerText()).toBe(TITLE);
  expect(await enterprise.getByTestId('listing-status').getAttribute('data-status')).toBe('draft');
  await enterprise.getByTestId('listing-submit').click();
  await expect.poll(() => enterprise.getByTestId('listing-status').getAttribute('data-status')).toBe('pending');
  await screenshot(enterprise, 'market-submitted');
  await enterprise.close();

  const bureau = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(bureau, e.baseUrl, 'bureau');
  await bureau.getByTestId('nav-market-moderation').click();
  const row = bureau.getByTestId('queue-row').filter({ hasText: TITLE });
  await row.waitFor();
  await row.getByTestId('queue-approve').click();
  await expect.poll(() => bureau.getByTestId('queue-row').filter({ hasText: TITLE }).count()).toBe(0);
  await bureau.close();

  const institute = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(institute, e.baseUrl, 'institute');
  await institute.getByTestId('nav-market').click();
  await institute.getByTestId('market-tab-demand').click();
  // other words than the demand's: the technology its symptom calls for
  await institute.getByTestId('market-search').locator('input').fill('选择性加氢催化剂');
  await institute.getByTestId('market-search').locator('input').press('Enter');
  await institute.getByTestId('market-ranked').waitFor();
  const found = institute.getByTestId('listing-row').filter({ hasText: TITLE });
  await found.waitFor();
  expect(await found.getByTestId('listing-reasons').innerText()).toContain('问题对应技术');
  await screenshot(institute, 'market-search');
  await found.getByTestId('listing-link').click();
  await expect.poll(() => institute.getByTestId('listing-title').innerText()).toBe(TITLE);
  expect(await institute.getByTestId('listing-status').getAttribute('data-status')).toBe('published');
  await institute.getByTestId('matches-achievement').waitFor();
  expect(await institute.getByTestId('matches-achievement').getByTestId('match-row').count()).toBeGreaterThan(0);
  await institute.close();
});
