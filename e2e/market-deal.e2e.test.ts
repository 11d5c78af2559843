/**
 * The technology market from a demand to a deal (issue 11, "Done when"): the demo enterprise publishes a demand on
 * 我的发布; once the bureau approves it, the pushed match arrives in the demo institute's 消息; the demo broker opens
 * the match from its own 消息, takes it up on 对接跟进 and moves it on; the register clerk registers the contract
 * the two sides signed, the broker marks the lead signed with it, and the district's technology-transaction figure
 * grows by its amount. No page error on the way.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bureauToday, bureauYear } from '@kechuang/platform-core';
import { usccCheckCharacter } from '@kechuang/enterprises/domain';
import { login, screenshot, startE2e, type E2e } from './harness.ts';

const DEMAND = '浏览器测试：聚合釜出料发黄副产物多';
const DEMAND_TEXT = '我司聚合釜出料发黄、副产物偏多，希望找到选择性更好的加氢催化剂，降低副产物。';
const ACHIEVEMENT = '聚合釜加氢副产物控制与选择性加氢催化剂';
/** the institute's credit code (an institution's: 12…), which the contract's seller must give; the demo institutes have none on record */
const INSTITUTE_USCC = '12330211MB2E20001' + usccCheckCharacter('12330211MB2E20001');

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await e.t.db.query<T>(sql, params))[0];
const volume = async (year: number) =>
  (
    await one<{ value: number } | undefined>(
      `select value::float8 as value from indicator_values where indicator_code = 'TECH_TRANSACTION_VOLUME' and kind = 'actual' and region_code = '330211' and period = $1`,
      [String(year)],
    )
  )?.value ?? 0;

async function open(username: string, errors: string[]): Promise<Page> {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (err) => errors.push(`${username} ${page.url()}: ${err.message}`));
  await login(page, e.baseUrl, username);
  return page;
}

/** opens the account's newest notification that names all of `texts`, from the list page, and follows its link */
async function openNotification(page: Page, ...texts: string[]): Promise<void> {
  await page.getByTestId('notification-bell').click();
  const item = texts.reduce((l, text) => l.filter({ hasText: text }), page.getByTestId('notification-item')).first();
  await item.waitFor();
  await item.getByRole('button', { name: '查看' }).click();
}

it('a demand published by an enterprise reaches an institute and a broker, and its deal moves the district’s figure', async () => {
  const errors: string[] = [];
  const institute = await one<{ id: number; name: string; regionCode: string }>(
    `select i.id::int as id, i.name, i.region_code as "regionCode" from users u join institutes i on i.id = u.bound_id where u.username = 'institute'`,
  );
  const { field } = await one<{ field: string }>(`select b.field from users u join brokers b on b.id = u.bound_id where u.username = 'broker'`);
  const enterprise = await one<{ id: number; name: string; uscc: string }>(
    `select e.id::int as id, e.name, e.uscc from users u join enterprises e on e.id = u.bound_id where u.username = 'enterprise'`,
  );

  // the institute's achievement, published (the bureau writes and approves it for the institute)
  const bureau = await open('bureau', errors);
  const post = async (url: string, data: object) => {
    const res = await bureau.request.post(`${e.baseUrl}${url}`, { data });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return (await res.json()) as { id: number };
  };
  const achievement = await post('/api/market/achievements', {
    instituteId: institute.id,
    title: ACHIEVEMENT,
    text: '针对聚合釜出料发黄、副产物偏多，开发选择性加氢催化剂与工艺，副产物降低 60%。',
    keywords: ['聚合釜', '选择性加氢', '催化剂', '副产物'],
    field,
    trl: 6,
  });
  await post(`/api/market/achievements/${achievement.id}/submit`, {});
  await post(`/api/market/achievements/${achievement.id}/approve`, {});

  // the enterprise writes its demand and submits it
  const own = await open('enterprise', errors);
  await own.getByTestId('nav-market-mine').click();
  await own.getByTestId('mine-table').waitFor();
  await own.getByTestId('listing-new').click();
  await own.getByTestId('listing-title').fill(DEMAND);
  await own.getByTestId('listing-text').fill(DEMAND_TEXT);
  await choose(own, 'listing-field', field);
  await own.getByTestId('listing-save').click();
  // saved as a draft, and its page opens
  await own.locator('span[data-testid="listing-title"]').filter({ hasText: DEMAND }).waitFor();
  await own.getByTestId('listing-submit').click();
  await expect.poll(() => own.getByTestId('listing-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');
  const demandId = Number(new URL(own.url()).pathname.split('/').pop());
  await post(`/api/market/demands/${demandId}/approve`, {});

  // the pushed match in the institute's 消息 leads to the demand
  const inst = await open('institute', errors);
  await openNotification(inst, DEMAND, ACHIEVEMENT);
  await expect.poll(() => new URL(inst.url()).pathname, { timeout: 15_000 }).toBe(`/market/demands/${demandId}`);
  await screenshot(inst, 'market-deal-institute');

  // the broker of the field takes the match up from its own 消息
  const broker = await open('broker', errors);
  await openNotification(broker, DEMAND, ACHIEVEMENT);
  await expect.poll(() => new URL(broker.url()).pathname, { timeout: 15_000 }).toBe('/market/follow-up');
  const match = broker.getByTestId('follow-up-matches').locator('tbody tr').filter({ hasText: ACHIEVEMENT });
  await match.getByTestId('match-take').click();
  const lead = broker.getByTestId('follow-up-leads').locator('tbody tr').filter({ hasText: DEMAND });
  await lead.waitFor();
  await lead.getByTestId('lead-move').click();
  await broker.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect.poll(() => lead.innerText(), { timeout: 15_000 }).toContain('洽谈中');

  // the contract the two sides signed, entered and registered by the clerk
  const year = bureauYear();
  const before = await volume(year);
  const contract = await post('/api/tech-contracts', {
    title: `${ACHIEVEMENT}委托开发`,
    type: 'development',
    subtype: 'commissioned',
    signedOn: bureauToday(),
    seller: { name: institute.name, uscc: INSTITUTE_USCC, location: 'district', regionCode: institute.regionCode },
    buyer: { name: enterprise.name, uscc: enterprise.uscc, location: 'district', enterpriseId: enterprise.id },
    contractAmount: 80,
    unit: '万元',
    items: [],
    field: 'newMaterials',
  });
  await post(`/api/tech-contracts/${contract.id}/register`, {});
  expect(await volume(year)).toBeCloseTo(before + 0.008, 6);

  // the broker marks the lead signed with that contract
  await lead.getByTestId('lead-move').click();
  await choose(broker, 'lead-status', '已签约');
  // antd puts the test id on the input itself or on its wrapper, by version
  await broker.locator('input[data-testid="lead-contract"], [data-testid="lead-contract"] input').first().fill(String(contract.id));
  await broker.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect.poll(() => lead.innerText(), { timeout: 15_000 }).toContain('已签约');
  expect(await lead.innerText()).toContain(String(contract.id));
  await screenshot(broker, 'market-deal-broker');

  // the bureau reads it on 对接跟进
  await bureau.goto(`${e.baseUrl}/market/follow-up`);
  await bureau.getByTestId('follow-up-figures').getByText('已签约').first().waitFor();
  await screenshot(bureau, 'market-deal-bureau');
  expect(errors).toEqual([]);
});
