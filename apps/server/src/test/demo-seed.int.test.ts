/**
 * The demo's enterprise registry as start-up seeds it: synthetic enterprises whose counts become the cockpit's
 * computed actuals, entries on every work list, the enterprise account, and the one-off seed of a demo data
 * directory from before the registry (never of a real deployment).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '@kechuang/platform-server';
import { loadConfig } from '../config.ts';
import { prepare } from '../boot.ts';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

const REGISTRY_INDICATORS = ['HNTE_COUNT', 'TECH_SME_COUNT', 'ABOVE_SCALE_RD_SHARE', 'PROV_ENGINEERING_CENTERS'];

describeEachDatabase('demo enterprises', (mode) => {
  let t: TestApp;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
  });
  afterAll(async () => t?.close());
  const get = async (url: string, cookie = bureau) => json(await t.app.inject({ url, headers: { cookie } }));
  const enterprises = async () =>
    (await t.db.query<{ n: number; synthetic: number }>('select count(*) as n, count(*) filter (where is_synthetic) as synthetic from enterprises'))[0];

  it("seeds 3,000 synthetic enterprises whose counts are the cockpit's computed actuals", async () => {
    expect(await enterprises()).toEqual({ n: 3000, synthetic: 3000 });
    const report = await get('/api/indicators/report?region=330211&period=2024');
    const items = report.items.filter((i: { code: string }) => REGISTRY_INDICATORS.includes(i.code));
    expect(items.map((i: { actualSource: string }) => i.actualSource)).toEqual(REGISTRY_INDICATORS.map(() => 'computed'));
    const hnte = items.find((i: { code: string }) => i.code === 'HNTE_COUNT');
    expect(hnte.actual).toBeGreaterThanOrEqual(480);
    expect(hnte.actual).toBeLessThanOrEqual(560);
    // 2020: the registry's counts match the 14th plan's real baselines
    const district = (await get('/api/enterprises/tiers?from=2020&to=2020')).items.find((c: { regionCode: string }) => c.regionCode === '330211');
    expect(district).toMatchObject({ hnte: 227, techSme: 1029, provEngineeringCenters: 48 });
  });

  it.each(['hnteCandidates', 'hnteExpiring', 'zeroRd', 'noRdInstitution', 'lapsedTechSme'])('has entries on the work list %s', async (list) => {
    expect((await get(`/api/enterprises/lists/${list}?asOf=2026-11-23&pageSize=1`)).total).toBeGreaterThan(20);
  });

  it('gives the enterprise account its own firm: a candidate in 招宝山街道, not an HNTE', async () => {
    const cookie = await t.login('enterprise');
    const list = await get('/api/enterprises?pageSize=10', cookie);
    expect(list.total).toBe(1);
    expect(list.items[0].regionCode).toBe('330211001');
    const profile = await get(`/api/enterprises/${list.items[0].id}`, cookie);
    expect(profile.enterprise.name).toBe(list.items[0].name);
    expect(['none', 'techSme']).toContain(profile.tier);
  });

  it('seeds a demo data directory from before the registry once', async () => {
    await t.db.query(`delete from users where username = 'enterprise'`);
    await t.db.query('delete from enterprises');
    await t.db.query(`delete from settings where key = 'demoEnterprisesSeeded'`);
    const config = loadConfig({ KECHUANG_DEMO: 'true' });
    await prepare(t.db, config);
    expect((await enterprises()).n).toBe(3000);
    expect((await get('/api/enterprises?pageSize=1', await t.login('enterprise'))).total).toBe(1);
    await prepare(t.db, config);
    expect((await enterprises()).n).toBe(3000);
  });
});

describeEachDatabase('a real deployment in demo mode', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { demo: false });
  });
  afterAll(async () => t?.close());

  it('gets no demo enterprises, whatever its settings say', async () => {
    await createUser(t.db, null, { username: 'chief', role: 'bureauAdmin', password: 'a-long-password' });
    await prepare(t.db, loadConfig({ KECHUANG_DEMO: 'true' }));
    const [{ n }] = await t.db.query<{ n: number }>('select count(*) as n from enterprises');
    expect(n).toBe(0);
    const [{ users }] = await t.db.query<{ users: number }>('select count(*) as users from users');
    expect(users).toBe(1);
  });
});
