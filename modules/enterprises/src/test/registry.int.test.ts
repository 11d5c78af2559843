/**
 * The registry through its API: master data and its checks, yearly figures and self-reports, rule checks
 * on the profile, the work lists, tier counts, the registry's indicator actuals, and jurisdiction —
 * a town officer sees only their town's enterprises, an enterprise user only their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createUser } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { createEnterprise, figures, post, put, uscc } from './fixtures.ts';

const OWN = '330211001'; // 招宝山街道, the demo town officer's town
const OTHER = '330211002'; // 蛟川街道
const TAG = '测试企业';

describeEachDatabase('enterprise registry', (mode) => {
  let t: TestApp;
  let bureau: string, town: string, town2: string, leader: string, owner: string;
  let near: number, far: number, expiring: number, aboveScale: number;
  const get = (url: string, cookie = bureau) => t.app.inject({ url, headers: { cookie } });

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, town, town2, leader] = await Promise.all(['bureau', 'town', 'town2', 'leader'].map((u) => t.login(u)));
    const base = { address: '', foundedOn: '2015-03-01', hnteField: 'newMaterials', chainTags: [], isAboveScale: false, isListed: false, incidents: false };
    // near: everything but the staff share (8 of 100) — one condition short
    near = await createEnterprise(t, bureau, { ...base, uscc: uscc(1), name: `${TAG}近达标新材料有限公司`, regionCode: OWN });
    // far: small R&D, no field on record, in the other town
    far = await createEnterprise(t, bureau, { ...base, uscc: uscc(2), name: `${TAG}远未达标机械有限公司`, regionCode: OTHER, hnteField: null });
    expiring = await createEnterprise(t, bureau, { ...base, uscc: uscc(3), name: `${TAG}证书将到期科技有限公司`, regionCode: OWN });
    aboveScale = await createEnterprise(t, bureau, {
      ...base,
      uscc: uscc(4),
      name: `${TAG}规上无研发化工有限公司`,
      regionCode: OTHER,
      isAboveScale: true,
      hnteField: null,
    });
    for (const year of [2021, 2022, 2023]) {
      await put(t, bureau, `/api/enterprises/${near}/years/${year}`, figures({ sciTechStaff: 8 }));
      await put(t, bureau, `/api/enterprises/${far}/years/${year}`, figures({ rdExpense: 400_000, rdExpenseDomestic: 400_000, sciTechStaff: 3 }));
      await put(t, bureau, `/api/enterprises/${expiring}/years/${year}`, figures());
      await put(
        t,
        bureau,
        `/api/enterprises/${aboveScale}/years/${year}`,
        figures({ revenue: 300_000_000, highTechRevenue: 0, rdExpense: 0, rdExpenseDomestic: 0 }),
      );
    }
    await put(t, bureau, `/api/enterprises/${near}/ip`, { items: [{ kind: 'inventionPatent', acquisition: 'own', count: 2 }] });
    await post(t, bureau, `/api/enterprises/${expiring}/qualifications`, { kind: 'hnte', certificateNo: 'GR202133100001', issuedOn: '2021-12-10' });
    await post(t, bureau, `/api/enterprises/${near}/qualifications`, { kind: 'techSme', certificateNo: '2023330211A0000001', issuedOn: '2023-04-01' });
    const u = await createUser(t.db, null, { username: 'owner-near', password: 'kechuang-demo', role: 'enterpriseUser', boundId: near, displayName: '近达标' });
    expect(u.role).toBe('enterpriseUser');
    owner = await t.login('owner-near');
  });
  afterAll(async () => t?.close());

  describe('master data', () => {
    it('refuses a USCC with a wrong check character, naming the expected one', async () => {
      const good = uscc(9);
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const res = await post(t, bureau, '/api/enterprises', { uscc: bad, name: '错码企业', regionCode: OWN });
      expect(res.statusCode).toBe(400);
      expect(json(res).error.details.field).toBe('uscc');
      expect(json(res).error.message).toBe(`统一社会信用代码校验位有误：第 18 位应为 ${good[17]}`);
    });

    it('refuses a duplicate USCC, a future founding date, an unknown chain and a region outside the district', async () => {
      const dup = await post(t, bureau, '/api/enterprises', { uscc: uscc(1), name: '重复', regionCode: OWN });
      expect([dup.statusCode, json(dup).error.message]).toEqual([409, `统一社会信用代码 ${uscc(1)} 已登记为“${TAG}近达标新材料有限公司”`]);
      const future = await post(t, bureau, '/api/enterprises', { uscc: uscc(10), name: '未来', regionCode: OWN, foundedOn: '2099-01-01' });
      expect([future.statusCode, json(future).error.details.field]).toEqual([400, 'foundedOn']);
      const chain = await post(t, bureau, '/api/enterprises', { uscc: uscc(11), name: '链', regionCode: OWN, chainTags: ['noSuchChain'] });
      expect([chain.statusCode, json(chain).error.details.field]).toEqual([400, 'chainTags']);
      const outside = await post(t, bureau, '/api/enterprises', { uscc: uscc(12), name: '外区', regionCode: '330203' });
      expect(outside.statusCode).toBe(403);
      expect(json(await get(`/api/enterprises?q=${encodeURIComponent('未来')}`)).total).toBe(0);
    });

    it('records every edit in the audit log with before and after', async () => {
      const before = json(await get(`/api/enterprises/${far}`)).enterprise;
      const res = await put(t, bureau, `/api/enterprises/${far}`, { ...before, address: '镇海区蛟川街道临江路 1 号' });
      expect(res.statusCode).toBe(200);
      const log = json(await get(`/api/audit?entity=enterprise&q=${far}`, await t.login('admin')));
      const entry = log.items.find((e: { action: string; entityId: string }) => e.action === 'enterprise.update' && e.entityId === String(far));
      expect(entry.before.address).toBe('');
      expect(entry.after.address).toBe('镇海区蛟川街道临江路 1 号');
    });
  });

  describe('rule checks on the profile', () => {
    it('shows each HNTE condition with its figure, the requirement and the gap', async () => {
      const p = json(await get(`/api/enterprises/${near}`));
      expect(p.check.asOf).toBe('2024-06-30');
      expect(p.check.hnte.window).toEqual([2021, 2022, 2023]);
      const staff = p.check.hnte.conditions.find((c: { code: string }) => c.code === 'sciTechStaffShare');
      expect(staff).toMatchObject({ actual: 0.08, required: 0.1, pass: false });
      expect(p.check.hnte.gaps).toContainEqual({ code: 'sciTechStaffShare', change: 2, unit: 'people' });
      const rd = p.check.hnte.conditions.find((c: { code: string }) => c.code === 'rdExpenseShare');
      expect(rd).toMatchObject({ actual: 0.06, required: 0.05, pass: true });
      expect(p.tier).toBe('none'); // the 2023 tech-SME registration ran to 2024-12-31
      expect(p.qualifications[0]).toMatchObject({ kind: 'techSme', validUntil: '2024-12-31', validNow: false });
      expect(p.check.superDeduction).toMatchObject({ year: 2023, rate: 1 });
    });

    it('says which conditions lack figures instead of failing them', async () => {
      const p = json(await get(`/api/enterprises/${far}`));
      const field = p.check.hnte.conditions.find((c: { code: string }) => c.code === 'keyField');
      expect(field).toMatchObject({ pass: null, reason: { code: 'hnte.keyFieldMissing' } });
    });
  });

  describe('figures and self-reports', () => {
    it('refuses staff above employees and negative revenue, naming the field', async () => {
      const staff = await put(t, bureau, `/api/enterprises/${near}/years/2023`, figures({ employees: 10, sciTechStaff: 11 }));
      expect([staff.statusCode, json(staff).error.details.field, json(staff).error.message]).toEqual([
        400,
        'sciTechStaff',
        '科技人员数（11）大于职工总数（10）',
      ]);
      const negative = await put(t, bureau, `/api/enterprises/${near}/years/2023`, figures({ revenue: -5 }));
      expect(negative.statusCode).toBe(400);
      expect(JSON.stringify(json(negative).error)).toContain('revenue');
      expect(json(await get(`/api/enterprises/${near}`)).years.find((y: { year: number }) => y.year === 2023).employees).toBe(100);
    });

    it("keeps an enterprise user's figures as an unconfirmed self-report until the bureau confirms", async () => {
      const res = await put(t, owner, `/api/enterprises/${near}/years/2024`, figures({ sciTechStaff: 8 }));
      expect(json(res)).toEqual({ source: 'selfReport', confirmed: false });
      let y = json(await get(`/api/enterprises/${near}`, owner)).years.find((x: { year: number }) => x.year === 2024);
      expect(y).toMatchObject({ source: 'selfReport', confirmed: false, updatedBy: 'owner-near' });
      expect((await post(t, owner, `/api/enterprises/${near}/years/2024/confirm`, {})).statusCode).toBe(403);
      expect((await post(t, bureau, `/api/enterprises/${near}/years/2024/confirm`, {})).statusCode).toBe(200);
      y = json(await get(`/api/enterprises/${near}`)).years.find((x: { year: number }) => x.year === 2024);
      expect(y).toMatchObject({ source: 'selfReport', confirmed: true });
      expect((await post(t, bureau, `/api/enterprises/${near}/years/2024/confirm`, {})).statusCode).toBe(404);
    });

    it('lets an enterprise user change their contacts but not their master data or IP', async () => {
      expect(
        (
          await put(t, owner, `/api/enterprises/${near}/contacts`, {
            address: '招宝山街道 8 号',
            contactName: '王会计',
            contactPhone: '0574-86000000',
            contactEmail: 'a@b.cn',
          })
        ).statusCode,
      ).toBe(200);
      const p = json(await get(`/api/enterprises/${near}`, owner));
      expect(p.enterprise.contactName).toBe('王会计');
      expect(p.canEdit).toBe(false);
      expect((await put(t, owner, `/api/enterprises/${near}`, { ...p.enterprise, name: '改名' })).statusCode).toBe(403);
      expect((await put(t, owner, `/api/enterprises/${near}/ip`, { items: [] })).statusCode).toBe(403);
    });
  });

  describe('jurisdiction', () => {
    it("shows a town officer only their town's enterprises", async () => {
      const list = json(await get(`/api/enterprises?q=${encodeURIComponent(TAG)}&pageSize=100`, town));
      expect(list.items.map((e: { id: number }) => e.id).sort()).toEqual([near, expiring].sort());
      const other = json(await get(`/api/enterprises?q=${encodeURIComponent(TAG)}&pageSize=100`, town2));
      expect(other.items.map((e: { id: number }) => e.id).sort()).toEqual([far, aboveScale].sort());
    });

    it("answers 404 for another town's or another enterprise's profile, and refuses their writes", async () => {
      expect((await get(`/api/enterprises/${far}`, town)).statusCode).toBe(404);
      expect((await get(`/api/enterprises/${far}`, owner)).statusCode).toBe(404);
      expect((await put(t, owner, `/api/enterprises/${far}/years/2023`, figures())).statusCode).toBe(404);
      expect((await put(t, owner, `/api/enterprises/${far}/contacts`, { address: 'x' })).statusCode).toBe(404);
      expect((await put(t, town, `/api/enterprises/${near}/years/2023`, figures())).statusCode).toBe(403);
      expect((await post(t, leader, `/api/enterprises/${near}/qualifications`, { kind: 'hnte', certificateNo: 'X1', issuedOn: '2024-01-01' })).statusCode).toBe(
        403,
      );
      const list = json(await get('/api/enterprises?pageSize=100', owner));
      expect(list.items.map((e: { id: number }) => e.id)).toEqual([near]);
    });

    it('scopes every work list and its export to the town', async () => {
      for (const list of ['hnteCandidates', 'hnteExpiring', 'zeroRd', 'noRdInstitution', 'lapsedTechSme']) {
        const items = json(await get(`/api/enterprises/lists/${list}?asOf=2024-10-01&months=6&year=2023&pageSize=500`, town)).items;
        for (const i of items) expect(i.regionCode).toBe(OWN);
      }
      expect((await get('/api/enterprises/lists/hnteCandidates', owner)).statusCode).toBe(403);
      const res = await get(`/api/enterprises/lists/zeroRd/export?year=2023&asOf=2024-10-01`, town);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const names: string[] = [];
      wb.worksheets[0].eachRow((row) => names.push(row.getCell(2).text));
      expect(names.join()).not.toContain(`${TAG}规上无研发化工有限公司`);
    });
  });

  describe('enterprise accounts', () => {
    it('are opened by an administrator from the enterprise, and see that enterprise only', async () => {
      const admin = await t.login('admin');
      const res = await post(t, admin, `/api/enterprises/${far}/accounts`, { username: 'owner-far', password: 'kechuang-demo' });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ role: 'enterpriseUser', displayName: `${TAG}远未达标机械有限公司` });
      const cookie = await t.login('owner-far');
      expect(json(await get('/api/enterprises?pageSize=100', cookie)).items.map((e: { id: number }) => e.id)).toEqual([far]);
      expect((await get(`/api/enterprises/${near}`, cookie)).statusCode).toBe(404);
      expect((await post(t, bureau, `/api/enterprises/${far}/accounts`, { username: 'x-far', password: 'kechuang-demo' })).statusCode).toBe(403);
      // an enterprise user without an enterprise would see nothing: the users page refuses to make one
      const orphan = await post(t, admin, '/api/users', { username: 'orphan', role: 'enterpriseUser', password: 'kechuang-demo' });
      expect([orphan.statusCode, json(orphan).error.details.field]).toEqual([400, 'role']);
    });
  });

  describe('work lists', () => {
    const ids = async (list: string, query: string) =>
      json(await get(`/api/enterprises/lists/${list}?q=${encodeURIComponent(TAG)}&pageSize=100&${query}`)).items;

    it('orders the candidate pool by how close each firm is', async () => {
      const items = await ids('hnteCandidates', 'asOf=2024-10-01');
      expect(items.map((i: { id: number }) => i.id)).toEqual([near, far, aboveScale]);
      expect(items[0].detail).toMatchObject({ failed: 1 });
      expect(items[0].detail.failedCodes).toContain('sciTechStaffShare');
      expect(items[0].detail.gaps).toContainEqual({ code: 'sciTechStaffShare', change: 2, unit: 'people' });
    });

    it('lists HNTE certificates that end within N months and have no successor', async () => {
      // GR202133100001: issued 2021-12-10, valid to 2024-12-09
      expect((await ids('hnteExpiring', 'asOf=2024-10-01&months=3')).map((i: { id: number }) => i.id)).toEqual([expiring]);
      expect(await ids('hnteExpiring', 'asOf=2024-10-01&months=2')).toEqual([]);
      const [row] = await ids('hnteExpiring', 'asOf=2024-10-01&months=6');
      expect(row.detail).toMatchObject({ certificateNo: 'GR202133100001', validUntil: '2024-12-09', daysLeft: 69 });
      await post(t, bureau, `/api/enterprises/${expiring}/qualifications`, { kind: 'hnte', certificateNo: 'GR202433100002', issuedOn: '2024-11-20' });
      expect(await ids('hnteExpiring', 'asOf=2024-10-01&months=6')).toEqual([]);
      // the expiring firm is an HNTE, so not a candidate
      expect((await ids('hnteCandidates', 'asOf=2024-10-01')).map((i: { id: number }) => i.id)).not.toContain(expiring);
    });

    it('lists above-scale firms with zero R&D and with no R&D institution (两清零)', async () => {
      expect((await ids('zeroRd', 'year=2023')).map((i: { id: number }) => i.id)).toEqual([aboveScale]);
      expect((await ids('zeroRd', 'year=2020')).map((i: { detail: { reported: boolean } }) => i.detail.reported)).toEqual([false]);
      expect((await ids('noRdInstitution', '')).map((i: { id: number }) => i.id)).toEqual([aboveScale]);
      const inst = await post(t, bureau, `/api/enterprises/${aboveScale}/rd-institutions`, {
        name: '企业工程技术中心',
        type: 'engineeringCenter',
        level: 'municipal',
        recognisedYear: 2024,
      });
      expect(inst.statusCode).toBe(200);
      expect(await ids('noRdInstitution', '')).toEqual([]);
    });

    it('lists tech-SME registrations that lapsed without renewal', async () => {
      // the 2023 registration ran to 2024-12-31
      expect(await ids('lapsedTechSme', 'asOf=2024-10-01')).toEqual([]);
      expect((await ids('lapsedTechSme', 'asOf=2025-02-01')).map((i: { id: number }) => i.id)).toEqual([near]);
      await post(t, bureau, `/api/enterprises/${near}/qualifications`, { kind: 'techSme', certificateNo: '2025330211A0000009', issuedOn: '2025-01-20' });
      expect(await ids('lapsedTechSme', 'asOf=2025-02-01')).toEqual([]);
    });
  });

  describe('tier counts and indicator actuals', () => {
    it('counts per town, and writes them as computed actuals without overwriting official figures', async () => {
      const before = json(await get('/api/enterprises/tiers?from=2023&to=2023')).items;
      const own = before.find((c: { regionCode: string }) => c.regionCode === OWN);
      await post(t, bureau, `/api/enterprises/${far}/qualifications`, { kind: 'techSme', certificateNo: '2023330211A0000077', issuedOn: '2023-06-01' });
      const after = json(await get('/api/enterprises/tiers?from=2023&to=2023')).items;
      expect(after.find((c: { regionCode: string }) => c.regionCode === OTHER).techSme).toBe(
        before.find((c: { regionCode: string }) => c.regionCode === OTHER).techSme + 1,
      );
      expect(after.find((c: { regionCode: string }) => c.regionCode === '330211').techSme).toBe(
        before.find((c: { regionCode: string }) => c.regionCode === '330211').techSme + 1,
      );
      // a town officer sees their own town's row only
      expect(json(await get('/api/enterprises/tiers?from=2023&to=2023', town)).items.map((c: { regionCode: string }) => c.regionCode)).toEqual([OWN]);

      // an official figure typed in by the bureau is kept; the rest become 'computed'
      const admin = await t.login('admin');
      await put(t, admin, '/api/indicators/values', { region: OTHER, indicator: 'TECH_SME_COUNT', period: '2023', kind: 'actual', value: 999 });
      const res = await post(t, bureau, '/api/enterprises/tiers/indicator-actuals', { from: 2023, to: 2023 });
      expect(res.statusCode).toBe(200);
      const r = json(res);
      expect(r.kept).toContainEqual(
        expect.objectContaining({ regionCode: OTHER, indicatorCode: 'TECH_SME_COUNT', period: '2023', source: 'manual', value: '999' }),
      );
      const report = json(await get(`/api/indicators/report?region=${OWN}&period=2023`));
      const hnte = report.items.find((i: { code: string }) => i.code === 'HNTE_COUNT');
      expect(hnte.actualSource).toBe('computed');
      expect(Number(hnte.actual)).toBe(own.hnte);
      expect((await post(t, town, '/api/enterprises/tiers/indicator-actuals', { from: 2023, to: 2023 })).statusCode).toBe(403);
      // a second run changes nothing
      const again = json(await post(t, bureau, '/api/enterprises/tiers/indicator-actuals', { from: 2023, to: 2023 }));
      expect(again.written).toBe(0);
    });
  });
});
