/**
 * 待办: the bureau sees how many things wait in the header, opens the inbox and goes from an item to the page
 * where it is handled; the carrier account sees its own missing figures.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

it('bureau: the header counts the to-dos; the inbox lists them by kind; an item opens where it is handled', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');
  const { total, groups } = (await (await page.request.get(`${e.baseUrl}/api/todos`)).json()) as {
    total: number;
    groups: { kind: string; items: { link: string }[] }[];
  };
  expect(total).toBeGreaterThan(0);
  const bell = page.getByTestId('todo-bell');
  await expect.poll(() => bell.getAttribute('aria-label')).toBe(`${total} 项待办`);
  expect(await bell.innerText()).toContain(total > 99 ? '99+' : String(total));
  await bell.click();
  await page.getByTestId(`todo-group-${groups[0].kind}`).waitFor();
  expect(await page.locator('[data-testid^="todo-group-"]').count()).toBe(groups.length);
  await screenshot(page, 'todos-bureau');
  const first = page.getByTestId(`todo-group-${groups[0].kind}`).getByTestId('todo-item').first();
  await first.click();
  await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe(groups[0].items[0].link);
  await page.close();
});

it('carrier: the inbox says which of its own figures are still to report and links to 我的载体', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'carrier');
  await page.goto(`${e.baseUrl}/todos`);
  const group = page.getByTestId('todo-group-myCarrierMissing');
  await group.waitFor();
  expect(await group.innerText()).toMatch(/还缺 \d+ 项/);
  await group.getByTestId('todo-item').click();
  await page.getByTestId('carrier-figures-form').waitFor();
  await page.close();
});
