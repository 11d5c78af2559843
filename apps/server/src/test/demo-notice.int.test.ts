/** The demo notice: /api/notices says the figures include demo data when the demo is seeded, and not on a real deployment. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

describeEachDatabase('demo notice', (mode) => {
  let demo: TestApp;
  let real: TestApp;
  beforeAll(async () => {
    demo = await startTestApp(mode);
    real = await startTestApp(mode, { demo: false });
    await createUser(real.db, null, { username: 'officer', password: 'a-long-real-passphrase', role: 'bureauStaff', displayName: '真实用户' });
  }, 300_000);
  afterAll(async () => Promise.all([demo?.close(), real?.close()]));

  it('says demo data is present on the demo, to any signed-in user, and not to an anonymous caller', async () => {
    for (const user of ['bureau', 'town', 'enterprise', 'carrier']) {
      const res = await demo.app.inject({ url: '/api/notices', headers: { cookie: await demo.login(user) } });
      expect([user, json(res)]).toEqual([user, { demoData: true }]);
    }
    expect((await demo.app.inject({ url: '/api/notices' })).statusCode).toBe(401);
  });

  it("stores the demo carriers' figures as synthetic, not as an import", async () => {
    const sources = await demo.db.query<{ source: string }>('select distinct source from carrier_figures order by source');
    expect(sources.map((s) => s.source)).toEqual(['synthetic']);
  });

  it('says nothing of demo data on a deployment without it', async () => {
    const res = await real.app.inject({ url: '/api/notices', headers: { cookie: await real.login('officer', 'a-long-real-passphrase') } });
    expect(json(res)).toEqual({ demoData: false });
  });
});
