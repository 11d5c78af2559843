/**
 * The English interface speaks English where the server speaks (issue 10 item 4): the bureau, in English, opens
 * the carriers' review, imports a carriers' file with bad cells and the registry's file with a bad USCC, and every
 * refusal — its message and each row's reason — is English (the file's own headers and values are as typed). While
 * the registry's file is on its way, what the file holds cannot be switched. The registry's list is walked too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

let e: E2e;

beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

async function englishPage(): Promise<Page> {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await page.addInitScript(() => localStorage.setItem('kechuang.lang', 'en'));
  await login(page, e.baseUrl, 'bureau');
  return page;
}

/** a refusal's words the server wrote: its message and each row's reason (the last cell) */
async function serverWords(page: Page, prefix: string): Promise<string[]> {
  const failed = page.getByTestId(`${prefix}-failed`);
  await failed.waitFor();
  const message = await page.getByTestId(`${prefix}-error-message`).innerText();
  const reasons = await page.getByTestId(`${prefix}-errors`).locator('tbody tr td:last-child').allInnerTexts();
  return [message, ...reasons].map((s) => s.trim());
}

it("carriers: the review page and a refused import's reasons in English", async () => {
  const page = await englishPage();
  await page.goto(`${e.baseUrl}/evaluation/reviews?review=incubator`);
  await page.getByTestId('carrier-row').first().waitFor();
  await screenshot(page, 'en-carriers');
  await page.getByTestId('carrier-import').click();
  const csv = ['载体名称,载体类型,所属镇街,级别,在孵企业数,场地入驻率', '英文测试孵化器,孵化器,招宝山街道,区级,-3,120'].join('\n');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'carriers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const words = await serverWords(page, 'carrier-import');
  expect(words).toEqual([
    'Import refused: nothing was written\nThe file has 2 errors: nothing was imported',
    'Tenant firms cannot be negative',
    'Occupancy rate is a percentage, between 0 and 100',
  ]);
  await screenshot(page, 'en-carriers-import-refused');
  await page.close();
});

it("the registry: its list, and a refused import's reasons in English, the kind fixed while the file is on its way", async () => {
  const page = await englishPage();
  await page.goto(`${e.baseUrl}/enterprises`);
  await page.locator('.ant-table-row').first().waitFor();
  await screenshot(page, 'en-registry');

  await page.goto(`${e.baseUrl}/enterprise-import`);
  const kind = page.getByTestId('import-kind');
  await kind.waitFor();
  // hold the upload's answer until the selector has been seen disabled
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/enterprises/import?**', async (route) => {
    await held;
    await route.continue();
  });
  const csv = ['统一社会信用代码,企业名称,所属镇街', '913302,英文测试企业,招宝山街道'].join('\n');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'registry.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-progress').waitFor();
  await expect.poll(() => kind.locator('.ant-segmented-item-disabled').count()).toBeGreaterThan(0);
  release();
  const words = await serverWords(page, 'import');
  expect(words).toEqual(['Import refused: nothing was written\nThe file has 1 error: nothing was imported', 'A USCC has 18 characters, this one 6']);
  expect(await kind.locator('.ant-segmented-item-disabled').count()).toBe(0);
  await screenshot(page, 'en-registry-import-refused');
  await page.close();
});
