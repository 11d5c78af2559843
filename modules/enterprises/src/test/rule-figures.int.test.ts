/**
 * The figures the rules read since ab0ec6a, kept by the registry (issue 14): 总收入 and the tech-SME basic
 * conditions per year with their source, through the API and the years import; the Class II IP used in an
 * earlier HNTE recognition; one core-IP judgement for 基本信息 and the HNTE check; and the stored checks of a
 * database upgraded to migration 0011, including its demo backfill.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loadRegionTree, migrate, MIGRATIONS_DIR, openEmbedded } from '@kechuang/platform-server';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { CHECKS_VERSION, recheckIfStale } from '../db/recheck.ts';
import { createEnterprise, figures, put, uscc } from './fixtures.ts';
import { csv } from './import-files.ts';

const TOWN = '330211001';
const FLAGS = { resident: true, industryExcluded: false, restrictedCatalogue: false, dishonestyListed: false };
type Condition = { code: string; actual: unknown; pass: boolean | null; reason?: { code: string } };

describeEachDatabase('figures the rules read (总收入, tech-SME basic conditions, IP used before)', (mode) => {
  let t: TestApp;
  let bureau: string;
  const get = (url: string, cookie = bureau) => t.app.inject({ url, headers: { cookie } });
  const profile = async (id: number, cookie = bureau) => json(await get(`/api/enterprises/${id}`, cookie));
  const condition = (p: { check: { hnte: { conditions: Condition[] } } }, code: string) => p.check.hnte.conditions.find((c) => c.code === code)!;
  const stored = async (id: number) =>
    (
      await t.db.query<{ techSme: boolean | null; failed: string[] }>(
        'select tech_sme_qualified as "techSme", failed_codes as failed from enterprise_checks where enterprise_id = $1',
        [id],
      )
    )[0];
  const firm = (n: number, name: string, over: Record<string, unknown> = {}) =>
    createEnterprise(t, bureau, { uscc: uscc(n), name, regionCode: TOWN, foundedOn: '2015-03-01', hnteField: 'newMaterials', incidents: false, ...over });
  const threeYears = async (id: number, over: (year: number) => Record<string, unknown>) => {
    for (const year of [2021, 2022, 2023]) {
      const res = await put(t, bureau, `/api/enterprises/${id}/years/${year}`, { ...figures(), ...over(year) });
      expect(res.statusCode).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
  });
  afterAll(async () => t?.close());

  describe("a year's 总收入 and basic conditions", () => {
    it("are read back with the year's source, from the bureau and from the enterprise's own report", async () => {
      const id = await firm(101, '规则数据甲科技有限公司');
      await threeYears(id, () => ({ ...FLAGS, totalIncome: 40_600_000 }));
      const y = (await profile(id)).years.find((r: { year: number }) => r.year === 2023);
      expect(y).toMatchObject({ totalIncome: 40_600_000, ...FLAGS, source: 'manual', confirmed: true, updatedBy: 'bureau' });

      await createUser(t.db, null, { username: 'owner-rules', password: 'kechuang-demo', role: 'enterpriseUser', boundId: id, displayName: '甲' });
      const owner = await t.login('owner-rules');
      const res = await put(t, owner, `/api/enterprises/${id}/years/2024`, {
        ...figures(),
        totalIncome: 41_000_000,
        resident: true,
        industryExcluded: false,
        restrictedCatalogue: null,
        dishonestyListed: false,
      });
      expect(json(res)).toEqual({ source: 'selfReport', confirmed: false });
      const own = (await profile(id, owner)).years.find((r: { year: number }) => r.year === 2024);
      expect(own).toMatchObject({
        totalIncome: 41_000_000,
        resident: true,
        restrictedCatalogue: null,
        source: 'selfReport',
        confirmed: false,
        updatedBy: 'owner-rules',
      });
    });

    it('refuses a flag that is not yes or no, and high-tech revenue above 总收入, naming the field', async () => {
      const id = await firm(102, '规则数据乙科技有限公司');
      const flag = await put(t, bureau, `/api/enterprises/${id}/years/2023`, { ...figures(), resident: '是' });
      expect(flag.statusCode).toBe(400);
      expect(json(flag).error.details.fields).toEqual([expect.objectContaining({ field: 'body.resident', message: expect.stringContaining('是否居民企业') })]);
      const above = await put(t, bureau, `/api/enterprises/${id}/years/2023`, { ...figures(), totalIncome: 29_000_000 });
      expect([above.statusCode, json(above).error.details.field, json(above).error.message]).toEqual([
        400,
        'highTechRevenue',
        '高新技术产品(服务)收入（30000000）大于总收入（29000000）',
      ]);
    });

    it('decide the tech-SME check: all met qualifies, a dishonesty listing fails it with the reason, an unrecorded one leaves it undecided', async () => {
      const id = await firm(103, '规则数据丙科技有限公司');
      await threeYears(id, () => FLAGS);
      let p = await profile(id);
      expect(p.check.techSme).toMatchObject({ qualified: true, route: 'score', ruleVersion: '国科火字〔2022〕67号' });
      expect(await stored(id)).toMatchObject({ techSme: true });

      await put(t, bureau, `/api/enterprises/${id}/years/2023`, { ...figures(), ...FLAGS, dishonestyListed: true });
      p = await profile(id);
      expect(p.check.techSme.qualified).toBe(false);
      expect(p.check.techSme.reasons).toContainEqual({ code: 'techSme.dishonest' });
      expect(await stored(id)).toMatchObject({ techSme: false });

      // only the latest year the rules read counts: an earlier year's listing does not
      await put(t, bureau, `/api/enterprises/${id}/years/2023`, { ...figures(), ...FLAGS });
      await put(t, bureau, `/api/enterprises/${id}/years/2022`, { ...figures(), ...FLAGS, dishonestyListed: true });
      expect((await profile(id)).check.techSme.qualified).toBe(true);

      await put(t, bureau, `/api/enterprises/${id}/years/2023`, figures());
      p = await profile(id);
      expect(p.check.techSme.qualified).toBeNull();
      expect(p.check.techSme.reasons).toEqual(
        expect.arrayContaining([{ code: 'techSme.residentMissing' }, { code: 'techSme.restrictedMissing' }, { code: 'techSme.dishonestMissing' }]),
      );
      expect(await stored(id)).toMatchObject({ techSme: null });
    });

    it('make the HNTE high-tech share read 总收入, and say so when sales revenue stands in for it', async () => {
      // high-tech revenue 25 M: 62.5% of 40 M revenue, 58.1% of 43 M total income
      const id = await firm(104, '规则数据丁新材料有限公司');
      await threeYears(id, (year) => ({ highTechRevenue: 25_000_000, ...(year === 2023 ? { totalIncome: 43_000_000 } : {}) }));
      let share = condition(await profile(id), 'highTechRevenueShare');
      expect(share).toEqual({ code: 'highTechRevenueShare', actual: 0.5814, required: 0.6, pass: false });
      expect((await profile(id)).check.hnte.gaps).toContainEqual(expect.objectContaining({ code: 'highTechRevenueShare', change: 800_000, unit: 'CNY' }));
      expect((await stored(id)).failed).toContain('highTechRevenueShare');

      await put(t, bureau, `/api/enterprises/${id}/years/2023`, { ...figures(), highTechRevenue: 25_000_000 });
      share = condition(await profile(id), 'highTechRevenueShare');
      expect(share).toMatchObject({ actual: 0.625, pass: true, reason: { code: 'hnte.revenueAsTotalIncome' } });
    });
  });

  describe('IP used in an earlier HNTE recognition', () => {
    it('is kept for Class II items, refused above the count or on Class I, and no longer scores for HNTE', async () => {
      const id = await firm(105, '规则数据戊电子有限公司');
      await threeYears(id, () => FLAGS);
      const ip = (usedInEarlierHnte: number, kind = 'utilityModel') =>
        put(t, bureau, `/api/enterprises/${id}/ip`, { items: [{ kind, acquisition: 'own', count: 6, usedInEarlierHnte }] });

      const above = await ip(7);
      expect([above.statusCode, json(above).error.details.field]).toEqual([400, 'items.0.usedInEarlierHnte']);
      expect(json(above).error.message).toBe('第 1 项 实用新型专利（自主研发）：已用于以往高企认定的数量（7）大于数量（6）');
      const classI = await ip(1, 'inventionPatent');
      expect([classI.statusCode, json(classI).error.details.field]).toEqual([400, 'items.0.usedInEarlierHnte']);
      expect(json(classI).error.message).toContain('不是 II 类知识产权');

      expect((await ip(0)).statusCode).toBe(200);
      const fresh = (await profile(id)).check.hnte.score.ip;
      expect((await ip(4)).statusCode).toBe(200);
      const p = await profile(id);
      expect(p.ip).toEqual([{ kind: 'utilityModel', acquisition: 'own', count: 6, usedInEarlierHnte: 4 }]);
      expect(fresh - p.check.hnte.score.ip).toBe(4); // ≥ 5 unused Class II items: 5–6 points; 2: 1–2
      const log = json(await get(`/api/audit?entity=enterprise&q=${id}`, await t.login('admin')));
      expect(log.items.find((e: { action: string }) => e.action === 'enterpriseIp.set').before).toEqual([
        { kind: 'utilityModel', acquisition: 'own', count: 6, usedInEarlierHnte: 0 },
      ]);
    });
  });

  describe('core IP', () => {
    it('is one judgement: 基本信息 and the HNTE condition agree for a firm with IP and no recorded judgement, and for a recorded one', async () => {
      const id = await firm(106, '规则数据己科技有限公司', { ownsCoreIp: null });
      await threeYears(id, () => FLAGS);
      await put(t, bureau, `/api/enterprises/${id}/ip`, { items: [{ kind: 'softwareCopyright', acquisition: 'own', count: 3 }] });
      let p = await profile(id);
      expect(p.enterprise.ownsCoreIp).toBeNull(); // nothing recorded …
      expect(p.coreIp).toEqual({ value: true, basis: 'fromIp' }); // … so the IP table decides, for both
      expect(condition(p, 'coreIp')).toMatchObject({ actual: p.coreIp.value, pass: true });

      await put(t, bureau, `/api/enterprises/${id}`, { ...p.enterprise, ownsCoreIp: false });
      p = await profile(id);
      expect(p.coreIp).toEqual({ value: false, basis: 'recorded' });
      expect(condition(p, 'coreIp')).toMatchObject({ actual: false, pass: false });
    });
  });

  describe('the years import', () => {
    const HEADER = [
      '统一社会信用代码',
      '年度',
      '营业收入（万元）',
      '总收入（万元）',
      '是否居民企业',
      '属于不适用加计扣除行业',
      '属于限制类或淘汰类产业',
      '列入失信名单',
    ];
    const upload = (name: string, data: string) => {
      const body = multipartFile(name, data);
      return t.app.inject({ method: 'POST', url: '/api/enterprises/import?kind=years', headers: { cookie: bureau, ...body.headers }, payload: body.payload });
    };
    const idOf = async (n: number) => (await t.db.query<{ id: number }>('select id from enterprises where uscc = $1', [uscc(n)]))[0].id;
    const yearRow = async (n: number, year: number) =>
      (
        await t.db.query<Record<string, unknown>>(
          `select total_income::text as "totalIncome", resident, industry_excluded as "industryExcluded", restricted_catalogue as "restrictedCatalogue",
                dishonesty_listed as "dishonestyListed", source from enterprise_years y join enterprises e on e.id = y.enterprise_id where e.uscc = $1 and y.year = $2`,
          [uscc(n), year],
        )
      )[0];

    it('writes 总收入 and the conditions from Chinese headers; a blank keeps what is on record; the change is recorded and rechecked', async () => {
      const id = await firm(107, '规则数据庚材料有限公司');
      const res = await upload(
        'years.csv',
        csv([HEADER, [uscc(107), 2023, '4000', '4,060.5', '是', 'N', '0', 'false'], [uscc(107), 2022, '3800', '', 'Y', '否', '否', '1']]),
      );
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ rows: 2, inserted: 2 });
      expect(await yearRow(107, 2023)).toEqual({ totalIncome: '40605000', ...FLAGS, source: 'import' });
      expect(await yearRow(107, 2022)).toEqual({ totalIncome: null, ...FLAGS, dishonestyListed: true, source: 'import' });

      const again = await upload('years2.csv', csv([HEADER, [uscc(107), 2023, '', '', '', '', '', '是']]));
      expect(json(again)).toMatchObject({ updated: 1 });
      expect(await yearRow(107, 2023)).toEqual({ totalIncome: '40605000', ...FLAGS, dishonestyListed: true, source: 'import' });
      const changes = json(await get(`/api/enterprises/import-runs/${json(again).importRunId}/changes`));
      expect(changes.items[0]).toMatchObject({
        before: { dishonestyListed: false, totalIncome: 40605000 },
        after: { dishonestyListed: true, totalIncome: 40605000 },
      });
      const p = await profile(id);
      expect(p.years.find((y: { year: number }) => y.year === 2023)).toMatchObject({ dishonestyListed: true, source: 'import' });
    });

    it('refuses a yes/no cell that is neither, and high-tech revenue that would exceed 总收入, by row and column, writing nothing', async () => {
      await firm(108, '规则数据辛化工有限公司');
      const bad = await upload(
        'bad.csv',
        csv([HEADER, [uscc(108), 2023, '100', '', '是', '否', '否', '否'], [uscc(108), 2022, '100', '', '是', '否', '待核实', '否']]),
      );
      expect(bad.statusCode).toBe(422);
      expect(json(bad).error.details.errors).toEqual([
        expect.objectContaining({ row: 3, column: '属于限制类或淘汰类产业', value: '待核实', reason: expect.stringContaining('是 或 否') }),
      ]);
      expect(await yearRow(108, 2023)).toBeUndefined();

      await put(t, bureau, `/api/enterprises/${await idOf(108)}/years/2021`, figures()); // high-tech revenue 30 M on record
      const clash = await upload('clash.csv', csv([HEADER, [uscc(108), 2021, '', '2000', '', '', '', '']]));
      expect(clash.statusCode).toBe(422);
      expect(json(clash).error.details.errors[0]).toMatchObject({ row: 2, reason: expect.stringContaining('将大于总收入（20000000') });
    });
  });

  describe('stored checks after an upgrade', () => {
    it('are recomputed once when they were made under other rules or inputs', async () => {
      const id = await firm(109, '规则数据壬科技有限公司');
      await threeYears(id, () => FLAGS);
      await t.db.query(`update enterprise_checks set tech_sme_qualified = null, hnte_score = -1 where enterprise_id = $1`, [id]);
      await t.db.query(`update settings set value = '"before 0011"' where key = 'enterpriseChecksVersion'`);
      const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from enterprises');
      expect(await recheckIfStale(t.db)).toBe(n);
      expect(await stored(id)).toMatchObject({ techSme: true });
      expect(await recheckIfStale(t.db)).toBeNull();
      const [v] = await t.db.query<{ value: string }>(`select value from settings where key = 'enterpriseChecksVersion'`);
      expect(v.value).toBe(CHECKS_VERSION);
    });
  });
});

describe('migration 0011 on a database of an earlier version', () => {
  let dir: string;
  afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

  it("adds the columns, gives the demo's synthetic rows plausible values, leaves real figures unrecorded, and the checks decide tech-SME again", async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kc-0010-'));
    for (const f of (await readdir(MIGRATIONS_DIR)).filter((x) => /^\d{4}_/.test(x) && x < '0011')) await cp(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const db = await openEmbedded(undefined);
    try {
      await migrate(db, dir);
      await loadRegionTree(db);
      // 200 demo firms of the earlier version (HNTE holders among them) and one real firm
      await db.query(
        `insert into enterprises (uscc, name, region_code, industry_code, hnte_field, incidents, founded_on, is_synthetic)
         select '9133021100000' || lpad(g::text, 5, '0'), '演示' || g, '${TOWN}', 'C2651', case when g % 4 = 0 then null else 'newMaterials' end, false, '2010-01-01', g <= 200
           from generate_series(1, 201) g`,
      );
      await db.query(
        `insert into enterprise_years (enterprise_id, year, revenue, high_tech_revenue, rd_expense, rd_expense_domestic, total_cost, total_assets, net_assets, employees, sci_tech_staff, conversions, source)
         select e.id, y, 40000000, case when e.id % 2 = 0 then 30000000 else 10000000 end, 2400000, 2400000, 36000000, 60000000, 20000000, 100, 20, 3,
                case when e.is_synthetic then 'synthetic' else 'manual' end
           from enterprises e, generate_series(2022, 2025) y`,
      );
      await db.query(`insert into enterprise_ip (enterprise_id, kind, acquisition, count) select id, 'utilityModel', 'own', 8 from enterprises`);
      await db.query(
        `insert into enterprise_ip (enterprise_id, kind, acquisition, count) select id, 'inventionPatent', 'own', 1 from enterprises where id % 3 = 0`,
      );
      await db.query(
        `insert into qualifications (enterprise_id, kind, certificate_no, issued_on, valid_until) select id, 'hnte', 'GR' || id, '2022-12-01', '2025-11-30' from enterprises where id % 2 = 0`,
      );

      expect(await migrate(db)).toContain('0011_enterprise_rule_figures.sql');
      const [years] = await db.query<Record<string, number>>(
        `select count(*) filter (where source = 'synthetic' and resident and not industry_excluded and total_income between revenue * 1.005 and revenue * 1.03)::int as plausible,
                count(*) filter (where source = 'synthetic')::int as synthetic,
                count(*) filter (where high_tech_revenue * 5 >= revenue * 3 and high_tech_revenue * 5 < total_income * 3)::int as "shareLost",
                count(*) filter (where source = 'manual' and coalesce(total_income::text, resident::text, dishonesty_listed::text) is null)::int as "realUnrecorded",
                count(distinct enterprise_id) filter (where dishonesty_listed)::int as dishonest,
                count(*) filter (where dishonesty_listed and year < 2024)::int as "listedEarly"
           from enterprise_years`,
      );
      expect(years).toMatchObject({ plausible: 800, synthetic: 800, shareLost: 0, realUnrecorded: 4, listedEarly: 0 });
      expect(years.dishonest).toBeLessThanOrEqual(12); // about 2% of 200
      const [ip] = await db.query<Record<string, number>>(
        `select count(*) filter (where used_in_earlier_hnte > 0)::int as used, count(*) filter (where used_in_earlier_hnte > 0 and enterprise_id % 2 = 1)::int as "neverHnte",
                count(*) filter (where used_in_earlier_hnte > 0 and kind = 'inventionPatent')::int as "classI",
                count(*) filter (where used_in_earlier_hnte > count or (enterprise_id % 3 <> 0 and used_in_earlier_hnte > 0 and count - used_in_earlier_hnte < 5))::int as "tooMany"
           from enterprise_ip`,
      );
      expect(ip).toMatchObject({ neverHnte: 0, classI: 0, tooMany: 0 });
      expect(ip.used).toBeGreaterThan(50);
      await expect(db.query(`update enterprise_ip set used_in_earlier_hnte = count + 1 where kind = 'utilityModel'`)).rejects.toThrow();

      // the checks made before 0011 are recomputed at start: the demo firms' tech-SME check is decided again
      expect(await recheckIfStale(db)).toBe(201);
      const checks = await db.query<{ synthetic: boolean; decided: number }>(
        `select e.is_synthetic as synthetic, count(*) filter (where c.tech_sme_qualified is not null)::int as decided
           from enterprise_checks c join enterprises e on e.id = c.enterprise_id group by e.is_synthetic order by e.is_synthetic`,
      );
      expect(checks).toEqual([
        { synthetic: false, decided: 0 },
        { synthetic: true, decided: 200 },
      ]);
    } finally {
      await db.close();
    }
  }, 180_000); // a second database, migrated twice: slower than one request
});
