/**
 * 技术合同认定登记 in the browser: the demo enterprise submits a contract with itself as the seller through the
 * form and corrects its amount while it waits; the bureau's clerk opens it from the list, registers it, and the district's computed technology-transaction
 * figure of the year grows by its amount; the statistics page draws its chart. No page error nor CSP violation on the way.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bureauToday } from '@kechuang/platform-core';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

const TITLE = '浏览器测试·加氢催化剂委托开发';

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

const volume = async (year: number) =>
  (
    await e.t.db.query<{ value: number }>(
      `select value::float8 as value from indicator_values where indicator_code = 'TECH_TRANSACTION_VOLUME' and kind = 'actual' and region_code = '330211' and period = $1`,
      [String(year)],
    )
  )[0]?.value ?? 0;

it('an enterprise submits, the clerk registers, the technology-transaction figure moves', async () => {
  const pageErrors: string[] = [];
  const own = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  own.on('pageerror', (err) => pageErrors.push(`${own.url()}: ${err.message}`));
  own.on('console', (msg) => void (msg.text().includes('Content Security Policy') && pageErrors.push(`${own.url()}: ${msg.text()}`)));
  await login(own, e.baseUrl, 'enterprise');
  await own.goto(`${e.baseUrl}/tech-contracts/new`);
  await own.getByTestId('tc-own-seller').waitFor();
  await own.getByTestId('tc-form-title').fill(TITLE);
  await own.locator('#signedOn').click();
  await own.locator('#signedOn').fill(bureauToday());
  await own.locator('#signedOn').press('Enter');
  await choose(own, 'tc-form-type', '技术开发');
  await choose(own, 'tc-form-subtype', '委托开发');
  await choose(own, 'tc-form-field', '新材料及其应用');
  await own.getByTestId('tc-buyer-name').fill('上海某化工有限公司');
  await own.getByTestId('tc-buyer-uscc').fill('913101150000');
  await own.getByTestId('tc-form-amount').fill('500');
  await own.getByTestId('tc-form-submit').click();
  // a wrong code: the server names the field, nothing is stored
  await expect.poll(() => own.locator('.ant-message').innerText()).toContain('统一社会信用代码');
  // a buyer abroad needs none
  await own.getByTestId('tc-buyer-uscc').fill('');
  await choose(own, 'tc-buyer-location', '境外');
  await own.getByTestId('tc-form-submit').click();
  await own.getByTestId('tc-title').waitFor();
  expect(await own.getByTestId('tc-title').innerText()).toBe(TITLE);
  expect(await own.getByTestId('tc-status').first().innerText()).toBe('待认定');
  await screenshot(own, 'tech-contract-submitted');
  // while it waits, its seller corrects the amount through the same form
  await own.getByTestId('tc-edit').click();
  await expect.poll(() => own.getByTestId('tc-form-amount').inputValue()).toBe('500');
  await own.getByTestId('tc-form-amount').fill('600');
  await own.getByTestId('tc-form-submit').click();
  await expect.poll(() => own.getByTestId('tc-contract-amount').innerText()).toContain('6,000,000');

  const year = Number(bureauToday().slice(0, 4));
  const before = await volume(year);
  const clerk = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  clerk.on('pageerror', (err) => pageErrors.push(`${clerk.url()}: ${err.message}`));
  clerk.on('console', (msg) => void (msg.text().includes('Content Security Policy') && pageErrors.push(`${clerk.url()}: ${msg.text()}`)));
  await login(clerk, e.baseUrl, 'bureau');
  await clerk.getByTestId('nav-tech-contracts').click();
  await clerk.getByTestId('tc-table').waitFor();
  await clerk.getByTestId('tc-link').filter({ hasText: TITLE }).first().click();
  await clerk.getByTestId('tc-register').click();
  await clerk.locator('.ant-modal-confirm .ant-btn-primary').click();
  await expect.poll(() => clerk.getByTestId('tc-status').first().innerText()).toBe('已登记');
  await expect.poll(() => volume(year)).toBeCloseTo(before + 0.06, 4);
  await screenshot(clerk, 'tech-contract-registered');

  await clerk.goto(`${e.baseUrl}/tech-contract-stats`);
  await clerk.getByTestId('tc-stats-chart').waitFor();
  await clerk.getByTestId('tc-stats-table').waitFor();
  // the bars grow in: let them settle before the picture
  await clerk.waitForTimeout(1500);
  await screenshot(clerk, 'tech-contract-stats');
  expect(pageErrors).toEqual([]);
});
