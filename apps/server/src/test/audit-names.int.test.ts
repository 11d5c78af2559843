/** The audit log names people and places: the actor's display name beside the username, the region's name beside its code. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

describeEachDatabase('audit log names', (mode) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it("returns the person's name and the region's name, and finds entries by the person's name", async () => {
    const bureau = await t.login('bureau');
    const me = json(await t.app.inject({ url: '/api/auth/me', headers: { cookie: bureau } })).user;
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/values',
      headers: { cookie: bureau },
      payload: { region: '330211001', indicator: 'HNTE_COUNT', kind: 'actual', period: '2023', value: 55 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const byName = json(await t.app.inject({ url: `/api/audit?username=${encodeURIComponent(me.displayName)}&pageSize=5`, headers: { cookie: admin } }));
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items[0]).toMatchObject({
      username: 'bureau',
      displayName: me.displayName,
      action: 'indicatorValue.set',
      regionCode: '330211001',
      regionName: '招宝山街道',
    });
    const byUsername = json(await t.app.inject({ url: '/api/audit?username=bureau&pageSize=5', headers: { cookie: admin } }));
    expect(byUsername.items[0].id).toBe(byName.items[0].id);
  });
});
