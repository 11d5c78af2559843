/**
 * 待办: the bureau sees how many things wait in the header, opens the inbox and goes from an item to the page
 * where it is handled; the carrier account sees its own missing figures. Beside it, 消息: a notification counts
 * in the header until it is opened.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notify } from '@kechuang/platform-server';
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

it("town officer: a notification counts in the header's 消息, opens where it points and is then read", async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'town');
  const [{ id }] = await e.t.db.query<{ id: number }>(`select id::int as id from users where username = 'town'`);
  await notify(e.t.db, [id], {
    kind: 'market.match',
    title: { zh: '新匹配：<script>alert(1)</script>反应釜出料发黄', en: 'New match' },
    body: { zh: '共同术语：加氢、催化剂\n同一领域：新材料', en: 'Shared terms' },
    link: '/todos',
  });
  await page.goto(`${e.baseUrl}/notifications`);
  const bell = page.getByTestId('notification-bell');
  await expect.poll(() => bell.getAttribute('aria-label')).toBe('1 条未读消息');
  const item = page.getByTestId('notification-item').first();
  // the title is text, not markup
  expect(await item.innerText()).toContain('新匹配：<script>alert(1)</script>反应釜出料发黄');
  expect(await item.innerText()).toContain('同一领域：新材料');
  await screenshot(page, 'notifications-town');
  await item.getByRole('button', { name: '查看' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/todos');
  await expect.poll(() => bell.getAttribute('aria-label')).toBe('0 条未读消息');
  await page.close();
});
