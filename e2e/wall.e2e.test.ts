/**
 * The wall display (大屏): a leader opens it from the cockpit; at 1920×1080 and at 3840×2160 the headline
 * indicators, the light counts, the town league and the trends are all above the fold, in large type, with no
 * menu; a town officer's wall shows their town only. Screenshots for a person to look at (E2E_SCREENSHOTS).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

/** every part of the wall lies inside the viewport: nothing to scroll to */
async function expectAboveTheFold(page: Page, width: number, height: number): Promise<void> {
  for (const id of ['wall-title', 'wall-year', 'wall-lights', 'wall-league']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.y + box!.height, id).toBeLessThanOrEqual(height);
    expect(box!.x + box!.width, id).toBeLessThanOrEqual(width);
  }
  const trends = page.getByTestId('wall-trend');
  expect(await trends.count()).toBeGreaterThanOrEqual(3);
  const last = await trends.last().boundingBox();
  expect(last!.y + last!.height).toBeLessThanOrEqual(height);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height);
}

it('leader: opens the wall display from the cockpit; everything above the fold at 1920×1080, large type, no menu', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'leader');
  await page.getByTestId('nav-cockpit').click();
  await page.getByTestId('open-wall').click();
  await page.getByTestId('wall-league').waitFor();
  expect(page.url()).toMatch(/\/wall$/);
  expect(await page.locator('.ant-layout-sider').count()).toBe(0);
  expect(await page.getByTestId('wall-title').innerText()).toContain('科技创新驾驶舱');
  expect(await page.getByTestId('wall-year').innerText()).toMatch(/数据年份 \d{4}/);
  expect(await page.getByTestId('wall-headline').count()).toBeGreaterThanOrEqual(3);
  expect(await page.getByTestId('wall-league-row').count()).toBeGreaterThanOrEqual(7);
  // the demo's headline figures are computed from or rolled up over demo data, and each says so
  expect(await page.getByTestId('wall-demo-mark').count()).toBe(await page.getByTestId('wall-headline').count());
  expect(await page.getByTestId('wall-demo-mark').first().innerText()).toBe('演示数据');
  await page.locator('[data-testid="wall-trend"] canvas').first().waitFor();
  await expectAboveTheFold(page, 1920, 1080);
  // readable from a few metres: the headline figures at least 40 px at 1920 wide
  const size = await page
    .getByTestId('wall-headline')
    .first()
    .locator('span')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(40);
  // dark: the page's background is near black-blue
  const bg = await page.getByTestId('wall').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(6, 20, 43)');
  await screenshot(page, 'wall-1920x1080');

  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.getByTestId('wall-league').waitFor();
  await expectAboveTheFold(page, 3840, 2160);
  await screenshot(page, 'wall-3840x2160');

  await page.getByTestId('wall-exit').click();
  await page.getByTestId('cockpit-headline').waitFor();
  await page.close();
});

it('town officer: the wall shows their own town, not the others', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'town');
  await page.goto(`${e.baseUrl}/wall`);
  await page.getByTestId('wall-headline').first().waitFor();
  expect(await page.getByTestId('wall-title').innerText()).toContain('招宝山街道');
  const body = await page.locator('body').innerText();
  for (const other of ['蛟川街道', '骆驼街道', '九龙湖镇']) expect(body).not.toContain(other);
  await page.close();
});

it('an anonymous visitor of /wall is sent to the login page', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  await page.goto(`${e.baseUrl}/wall`);
  await page.getByTestId('login-username').waitFor();
  await page.close();
});
