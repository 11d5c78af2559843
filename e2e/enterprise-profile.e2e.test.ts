/**
 * The registry in the browser: a bureau user searches the registry, opens an enterprise's profile and
 * reads its HNTE conditions (actual / required / met) and what it would take, then opens the candidate
 * pool; a town officer opening another town's enterprise gets the API's 404 and the not-found page, in English
 * with the server's English message.
 * The two enterprises are made through the API here, so the test does not depend on the demo data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { usccCheckCharacter } from '@kechuang/enterprises/domain';
import { json } from '@kechuang/server/test';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

const NEAR = 'E2E测试近达标新材料有限公司'; // 招宝山街道: everything but the sci-tech staff share (8 of 100)
const OTHER = 'E2E测试蛟川精密机械有限公司'; // 蛟川街道: not the demo town officer's town

let e: E2e;
let nearId: number;
let otherId: number;

const uscc = (n: number) => {
  const first17 = `91330211E2E00000${n}`;
  return first17 + usccCheckCharacter(first17);
};

beforeAll(async () => {
  e = await startE2e();
  const cookie = await e.t.login('bureau');
  const send = async (method: 'POST' | 'PUT', url: string, payload: object) => {
    const res = await e.t.app.inject({ method, url, headers: { cookie }, payload });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return json(res);
  };
  const base = { foundedOn: '2015-03-01', hnteField: 'newMaterials', incidents: false, isAboveScale: false };
  nearId = (await send('POST', '/api/enterprises', { ...base, uscc: uscc(1), name: NEAR, regionCode: '330211001' })).id;
  otherId = (await send('POST', '/api/enterprises', { ...base, uscc: uscc(2), name: OTHER, regionCode: '330211002' })).id;
  // the three accounting years before this one: the window of an application next June
  const thisYear = new Date().getFullYear();
  for (const year of [thisYear - 3, thisYear - 2, thisYear - 1]) {
    await send('PUT', `/api/enterprises/${nearId}/years/${year}`, {
      revenue: 40_000_000,
      highTechRevenue: 30_000_000,
      rdExpense: 2_400_000,
      rdExpenseDomestic: 2_400_000,
      totalCost: 36_000_000,
      totalAssets: 60_000_000,
      netAssets: 20_000_000 + (year - thisYear) * 2_000_000,
      employees: 100,
      sciTechStaff: 8,
      conversions: 5,
    });
  }
  await send('PUT', `/api/enterprises/${nearId}/ip`, { items: [{ kind: 'inventionPatent', acquisition: 'own', count: 2 }] });
});
afterAll(async () => e?.close());

it('bureau: registry search, profile with HNTE conditions and gaps, candidate pool', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'bureau');

  await page.getByTestId('nav-enterprises').click();
  const search = page.getByTestId('enterprise-search').locator('input');
  await search.fill('E2E测试近达标');
  await search.press('Enter');
  const row = page.getByTestId('enterprise-row').filter({ hasText: NEAR });
  await row.waitFor();
  await expect.poll(() => page.getByTestId('enterprise-row').count()).toBe(1);
  expect(await row.innerText()).toContain('招宝山街道');
  await row.getByTestId('enterprise-link').click();

  await expect.poll(() => page.getByTestId('profile-name').innerText()).toBe(NEAR);
  const conditions = page.getByTestId('hnte-conditions');
  await conditions.waitFor();
  const cells = async (code: string) => (await conditions.locator(`tr[data-code="${code}"] td`).allInnerTexts()).map((c) => c.trim());
  // 条件 / 实际 / 要求 / 是否满足
  expect(await cells('sciTechStaffShare')).toEqual(['科技人员占职工总数比例', '8.00%', '≥ 10%', '✗ 不满足']);
  expect(await cells('rdExpenseShare')).toEqual(['研发费用占销售收入比例', '6.00%', '≥ 5%', '✓ 满足']);
  expect((await cells('registeredOneYear'))[3]).toBe('✓ 满足');
  const gaps = page.getByTestId('hnte-gaps');
  expect(await gaps.innerText()).toContain('职工总数不变时，还需 2 名职工从事研发');
  expect(await page.getByTestId('hnte-result').innerText()).toBe('不符合');
  expect(await page.getByTestId('techsme-result').innerText()).toContain('科技型中小企业评价');
  await screenshot(page, 'enterprise-profile');

  await page.getByTestId('nav-worklists').click();
  const pool = page.getByTestId('worklist-table');
  await pool.waitFor();
  const poolSearch = page.getByTestId('worklist-search').locator('input');
  await poolSearch.fill(NEAR);
  await poolSearch.press('Enter');
  const candidate = page.getByTestId('worklist-row').filter({ hasText: NEAR });
  await candidate.waitFor();
  expect(await candidate.innerText()).toContain('科技人员 +2 人');
  await screenshot(page, 'enterprise-candidates');
  await page.close();
});

it("town officer: another town's enterprise is not found", async () => {
  const cookie = await e.t.login('town');
  const res = await e.t.app.inject({ url: `/api/enterprises/${otherId}`, headers: { cookie } });
  expect(res.statusCode).toBe(404);

  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'town');
  await page.goto(`${e.baseUrl}/enterprises/${otherId}`);
  const notFound = page.getByTestId('profile-not-found');
  await notFound.waitFor();
  expect(await notFound.innerText()).toContain('企业不存在或不在您的管辖范围内');
  expect(await page.locator('body').innerText()).not.toContain(OTHER);
  // their own town's enterprise opens
  await page.goto(`${e.baseUrl}/enterprises/${nearId}`);
  await expect.poll(() => page.getByTestId('profile-name').innerText()).toBe(NEAR);

  // in English the server's message is English too, and the rules' reasons are worded in English
  await page.getByTestId('lang-switch').getByText('EN').click();
  // (a cited text keeps its number: 国科火字〔2022〕67号)
  await expect
    .poll(async () => (await page.getByTestId('techsme-result').innerText()).replace(/[\u4e00-\u9fff]+〔\d+〕\d+号/g, ''))
    .not.toMatch(/[\u4e00-\u9fff]/);
  expect(await page.getByTestId('techsme-result').innerText()).toContain('resident-enterprise status not recorded');
  await page.goto(`${e.baseUrl}/enterprises/${otherId}`);
  await page.getByTestId('profile-not-found').waitFor();
  expect(await page.getByTestId('profile-not-found').innerText()).toContain('No such enterprise in your jurisdiction');
  expect(await page.locator('body').innerText()).not.toContain('企业不存在');
  await page.getByTestId('lang-switch').getByText('中文').click();
  await page.close();
});

it('enterprise user (demo account): the menu is their own profile, nothing else', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await login(page, e.baseUrl, 'enterprise');
  await page.getByTestId('profile-name').waitFor(); // the start page is their profile
  expect(await page.getByTestId('nav-my-enterprise').count()).toBe(1);
  for (const other of ['nav-enterprises', 'nav-worklists', 'nav-tiers', 'nav-cockpit']) expect(await page.getByTestId(other).count()).toBe(0);
  expect(await page.getByTestId('year-add').innerText()).toContain('填报年度数据');
  expect(await page.getByTestId('master-edit').count()).toBe(0);

  // 科技体检 of their own enterprise: the peer group, the radar, each indicator against the peers, advice
  await page.getByTestId('profile-diagnosis').click();
  await page.getByTestId('diagnosis-page').waitFor();
  await expect.poll(() => page.getByTestId('diagnosis-peers').innerText(), { timeout: 30_000 }).toMatch(/\d+/);
  await page.getByTestId('diagnosis-radar').locator('canvas').waitFor();
  expect(await page.getByTestId('diagnosis-table').innerText()).toContain('研发投入强度');
  expect((await page.getByTestId('diagnosis-advice').innerText()).trim().length).toBeGreaterThan(10);
  await screenshot(page, 'diagnosis-own');

  await page.goto(`${e.baseUrl}/enterprises/${nearId}`);
  await page.getByTestId('profile-not-found').waitFor();
  // another enterprise's diagnosis is not found either
  await page.goto(`${e.baseUrl}/evaluation/diagnosis/${nearId}`);
  await expect.poll(() => page.locator('.ant-result-title').innerText()).toBe('404');
  await page.close();
});
