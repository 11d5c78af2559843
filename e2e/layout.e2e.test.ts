/**
 * The shell at 1440×900: the administrator's last menu entry (审计日志) is not hidden under the collapse bar,
 * and a page about one enterprise names it in the breadcrumb.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login, startE2e, type E2e } from './harness.ts';

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

it('admin: 审计日志 can be seen and clicked above the collapse bar at 1440×900', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'admin');
  const sider = page.locator('.ant-layout-sider');
  await sider.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const audit = page.getByTestId('nav-audit');
  const trigger = await page.locator('.ant-layout-sider-trigger').boundingBox();
  const item = await audit.boundingBox();
  expect(item).not.toBeNull();
  expect(item!.y + item!.height).toBeLessThanOrEqual(trigger!.y);
  await audit.click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/audit');
  await page.close();
});

it("bureau: the profile's breadcrumb names the company", async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');
  const { items } = (await (await page.request.get(`${e.baseUrl}/api/enterprises?pageSize=1`)).json()) as { items: { id: number; name: string }[] };
  await page.goto(`${e.baseUrl}/enterprises/${items[0].id}`);
  await expect.poll(() => page.getByTestId('breadcrumb-name').innerText()).toBe(items[0].name);
  await page.getByTestId('nav-enterprises').click();
  await expect.poll(() => page.getByTestId('breadcrumb-name').count()).toBe(0);
  await page.close();
});
