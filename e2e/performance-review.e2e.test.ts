/**
 * The performance review (绩效评价) in the browser: a bureau user opens the incubators' review of last year,
 * enters a carrier's figures through the 填报 drawer, starts the review and sees the grades A/B/C on the run
 * page; a file import lists every bad cell when refused and its counts when taken; an administrator opens a
 * reporting account for a carrier; the demo carrier account (载体填报员) sees 我的载体 (beside the market), saves a figure
 * (marked 载体填报) and has a refused value's message shown under its field.
 * The carriers the review needs are made through the API, so the grading does not depend on the demo
 * carriers (with them it grades those as well).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login, screenshot, startE2e, type E2e } from './harness.ts';
import { REVIEW_INDICATORS } from '../modules/carriers/src/domain/review-catalogue.ts';
import { DEMO_ACCOUNT_CARRIER } from '../modules/carriers/src/demo/seed-demo-carriers.ts';
import { TOWN } from '../modules/evaluation/src/test/registry-fixtures.ts';

/** the reviews page opens on the last calendar year */
const YEAR = new Date().getFullYear() - 1;
const INDICATORS = REVIEW_INDICATORS.incubator;
const FILLED = '浏览器测试孵化器';

let e: E2e;

/** carrier k's figures: every indicator grows with k, so the grades follow k */
const figuresFor = (k: number) => Object.fromEntries(INDICATORS.map((i, j) => [i.code, i.unit === '%' ? 40 + 5 * k : (k + 1) * (j + 2)]));

beforeAll(async () => {
  e = await startE2e();
  const bureau = await e.t.login('bureau');
  const req = async (method: 'POST' | 'PUT', url: string, payload: object, cookie = bureau) => {
    const res = await e.t.app.inject({ method, url, headers: { cookie }, payload });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body) as { id: number };
  };
  for (let k = 0; k < 6; k++) {
    const { id } = await req('POST', '/api/evaluation/carriers', {
      name: `浏览器测试载体${k + 1}`,
      kind: k % 2 ? 'makerspace' : 'incubator',
      level: 'district',
      regionCode: TOWN,
    });
    await req('PUT', `/api/evaluation/carriers/${id}/figures/${YEAR}`, { figures: figuresFor(k) });
  }
  // the carrier whose figures are entered in the browser
  await req('POST', '/api/evaluation/carriers', { name: FILLED, kind: 'incubator', level: 'municipal', regionCode: TOWN });
});
afterAll(async () => e?.close());

it("bureau: enters a carrier's figures in the drawer, starts the review and sees grades A/B/C", async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');

  await page.getByTestId('nav-evaluation-reviews').click();
  await page.getByTestId('review-tab-incubator').click();
  const table = page.getByTestId('carrier-table');
  const row = table.getByTestId('carrier-row').filter({ hasText: FILLED });
  await row.waitFor();
  expect(await row.getByTestId('carrier-progress').getAttribute('data-state')).toBe('none');
  expect(await row.innerText()).toContain(`0/${INDICATORS.length}`);
  // accounts are opened by administrators only
  expect(await table.getByTestId('carrier-account').count()).toBe(0);
  await screenshot(page, 'review-list');

  await row.getByTestId('carrier-fill').click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByTestId('carrier-figures-form').waitFor();
  expect(await drawer.locator('.ant-drawer-title').innerText()).toBe(`${FILLED} · ${YEAR} 年数据`);
  expect(await drawer.getByTestId('figure-group').count()).toBe(3);
  const values = figuresFor(3);
  for (const i of INDICATORS) await drawer.getByTestId(`figure-${i.code}`).fill(String(values[i.code]));
  await drawer.getByTestId('figures-save').click();
  await page.locator('.ant-message').getByText(`已保存 ${INDICATORS.length} 项`).waitFor();
  await expect.poll(() => drawer.getByTestId('figure-last-tenant_firms').innerText()).toMatch(/局录入\s*区科技局 王科长 · \d{4}-\d\d-\d\d \d\d:\d\d/);
  await screenshot(page, 'review-drawer');
  await page.locator('.ant-drawer-close').click();
  await expect.poll(() => row.getByTestId('carrier-progress').getAttribute('data-state')).toBe('complete');

  await page.getByTestId('review-start').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect.poll(() => page.getByTestId('run-name').innerText(), { timeout: 60_000 }).toContain('孵化器');
  const summary = page.getByTestId('grade-summary');
  await summary.waitFor();
  expect(await summary.innerText()).toMatch(/A\s*\d+ 个（限 \d+ 个）\s*B\s*\d+ 个（限 \d+ 个）\s*C\s*\d+ 个/);
  const grades = page.getByTestId('result-table').getByTestId('grade-tag');
  await expect.poll(() => grades.count()).toBeGreaterThanOrEqual(7);
  const shown = (await grades.allInnerTexts()).map((g) => g.trim());
  for (const g of ['A', 'B', 'C']) expect(shown).toContain(g);
  // best first: the grades never improve down the ranking
  expect([...shown].sort()).toEqual(shown);
  await screenshot(page, 'review-run');
  await page.close();
});

it("bureau: imports a year's figures from a file — every bad cell listed when refused, the counts when taken", async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');
  await page.goto(`${e.baseUrl}/evaluation/reviews?review=incubator`);
  await page.getByTestId('carrier-row').first().waitFor();
  await page.getByTestId('carrier-import').click();
  const csv = (rows: string[]) => ({
    name: 'carriers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['载体名称,载体类型,所属镇街,级别,在孵企业数,场地入驻率', ...rows].join('\n')),
  });
  await page.getByTestId('import-file-input').setInputFiles(csv(['导入测试孵化器,孵化器,招宝山街道,区级,-3,120']));
  const failed = page.getByTestId('carrier-import-failed');
  await failed.waitFor();
  expect(await failed.innerText()).toContain('未写入任何数据');
  expect(await failed.getByTestId('carrier-import-errors').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: '换一个文件' }).click();
  await page.getByTestId('import-file-input').setInputFiles(csv(['导入测试孵化器,孵化器,招宝山街道,区级,30,88']));
  const result = page.getByTestId('carrier-import-result');
  await result.waitFor();
  expect(await result.innerText()).toMatch(/新建载体\s*1[\s\S]*写入数据\s*2/);
  await page.keyboard.press('Escape');
  const row = page.getByTestId('carrier-row').filter({ hasText: '导入测试孵化器' });
  await expect.poll(() => row.getByTestId('carrier-progress').getAttribute('data-state')).toBe('partial');
  await page.close();
});

it('admin: opens a reporting account for a carrier, counted in its row', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'admin');
  await page.goto(`${e.baseUrl}/evaluation/reviews?review=incubator`);
  const row = page.getByTestId('carrier-table').getByTestId('carrier-row').filter({ hasText: FILLED });
  await row.waitFor();
  await row.getByTestId('carrier-account').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '开通填报账号' });
  await dialog.getByLabel('用户名').fill('carrier-e2e');
  await dialog.getByLabel('初始密码').fill('e2e-carrier-pass');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-message').getByText('已开通账号 carrier-e2e').waitFor();
  await expect.poll(async () => (await row.locator('td').nth(5).innerText()).trim()).toBe('1');
  await page.close();
});

it('carrier: sees 我的载体 (and the market), saves a figure as its own report and sees a refusal under the field', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'carrier');
  await expect.poll(() => page.getByTestId('my-carrier-name').innerText()).toBe(DEMO_ACCOUNT_CARRIER);
  const nav = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((x) => x.getAttribute('data-testid')));
  // its own carrier, and the technology market every account may search (and its events, which it may sign up for)
  expect(nav).toEqual(['nav-my-carrier', 'nav-market', 'nav-market-events']);
  expect(await page.getByTestId('my-carrier-note').innerText()).toContain('科技局可以看到每项数据由谁');

  const form = page.getByTestId('carrier-figures-form');
  await form.getByTestId('figure-mentors').waitFor();
  await form.getByTestId('figure-mentors').fill('42');
  await form.getByTestId('figures-save').click();
  await page.locator('.ant-message').getByText('已保存 1 项').waitFor();
  await expect.poll(() => form.getByTestId('figure-last-mentors').innerText()).toMatch(/载体填报\s*甬江科创孵化器 填报员 · /);

  // bad figures are refused under their field, not quietly changed: −3 mentors stays −3, 120% stays 120
  let puts = 0;
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().includes('/figures/')) puts++;
  });
  await form.getByTestId('figure-mentors').fill('-3');
  await form.getByTestId('figure-service_events').fill('2.5');
  await form.getByTestId('figures-save').click();
  const errorOf = (code: string) => form.locator('.ant-form-item', { has: page.getByTestId(`figure-${code}`) }).locator('.ant-form-item-explain-error');
  await expect.poll(() => errorOf('mentors').innerText()).toContain('不能为负数');
  await expect.poll(() => errorOf('service_events').innerText()).toContain('应为整数');
  expect(await form.getByTestId('figure-mentors').inputValue()).toBe('-3');
  expect(puts).toBe(0);
  // nothing was stored: the mentors figure is still the 42 saved above
  const mine = (await (await page.request.get(`${e.baseUrl}/api/evaluation/my-carrier`)).json()) as { id: number };
  const stored = (await (
    await page.request.get(`${e.baseUrl}/api/evaluation/carriers/${mine.id}/figures/${/\d{4}/.exec(await page.getByTestId('my-carrier-year').innerText())![0]}`)
  ).json()) as { figures: { indicator: string; value: number | null }[] };
  expect(stored.figures.find((f) => f.indicator === 'mentors')?.value).toBe(42);

  // unsaved edits are not lost on a year switch without asking
  const yearSelect = page.getByTestId('my-carrier-year');
  const yearBefore = await yearSelect.innerText();
  await yearSelect.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasNotText: yearBefore.trim() }).first().click();
  const ask = page.locator('.ant-modal-confirm');
  await ask.waitFor();
  expect(await ask.innerText()).toContain('有未保存的修改');
  await ask.getByRole('button', { name: '留在本页' }).click();
  expect(await yearSelect.innerText()).toBe(yearBefore);
  expect(await form.getByTestId('figure-mentors').inputValue()).toBe('-3');
  await form.getByTestId('figure-mentors').fill('42');
  await form.getByTestId('figure-service_events').fill('');
  await screenshot(page, 'review-my-carrier');
  await page.close();
});
