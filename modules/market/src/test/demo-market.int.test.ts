/**
 * The demo market a fresh demo start seeds: labelled synthetic, of the sizes the issue asks for, with its demo
 * institute and broker accounts, and something waiting in the moderation queue.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';

describeEachDatabase('market: the demo', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(async () => t?.close());

  it('seeds institutes and every kind of listing, all synthetic', async () => {
    const [c] = await t.db.query<Record<string, number>>(
      `select (select count(*) from institutes)::int as institutes, (select count(*) from achievements)::int as achievements,
              (select count(*) from demands)::int as demands, (select count(*) from experts)::int as experts,
              (select count(*) from brokers)::int as brokers, (select count(*) from service_providers)::int as providers,
              (select count(*) from achievements where not is_synthetic)::int + (select count(*) from demands where not is_synthetic)::int as real`,
    );
    expect(c).toEqual({ institutes: 20, achievements: 300, demands: 150, experts: 60, brokers: 20, providers: 15, real: 0 });
    const [s] = await t.db.query<{ published: number; pending: number }>(
      `select count(*) filter (where status = 'published')::int as published, count(*) filter (where status = 'pending')::int as pending from achievements`,
    );
    expect(s.published).toBeGreaterThan(250);
    expect(s.pending).toBeGreaterThan(0);
  });

  it('has a demo institute account and a demo broker account', async () => {
    const institute = await t.login('institute');
    expect(json(await t.app.inject({ method: 'GET', url: '/api/market/me', headers: { cookie: institute } }))).toMatchObject({
      owner: { kind: 'institute', name: '镇海先进材料研究所' },
      creates: ['achievement', 'expert'],
    });
    const broker = await t.login('broker');
    const me = json(await t.app.inject({ method: 'GET', url: '/api/market/me', headers: { cookie: broker } }));
    expect(me.owner.kind).toBe('broker');
    const own = await t.app.inject({ method: 'GET', url: `/api/market/brokers/${me.owner.id}`, headers: { cookie: broker } });
    expect(json(own)).toMatchObject({ status: 'published', canEdit: true });
    const enterprise = await t.login('enterprise');
    const mine = json(await t.app.inject({ method: 'POST', url: '/api/market/demands/search', headers: { cookie: enterprise }, payload: { mine: true } }));
    expect(mine.items.map((d: { status: string }) => d.status).sort()).toEqual(['draft', 'published']);
  });

  it('finds the labelled set’s achievement for a symptom-style search', async () => {
    const bureau = await t.login('bureau');
    const res = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/market/achievements/search',
        headers: { cookie: bureau },
        payload: { q: '反应釜出料发黄，想降低副产物' },
      }),
    );
    expect(res.ranked).toBe(true);
    expect(res.items[0].reasons.join(' ')).toContain('问题对应技术');
  });
});
