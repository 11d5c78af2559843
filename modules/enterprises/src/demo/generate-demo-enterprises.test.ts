import { beforeAll, describe, expect, it } from 'vitest';
import { checkEnterprise } from '@kechuang/eligibility/domain';
import { applicationDate, defaultValidUntil, hnteCloseness, isValidOn, toRulesInput, validateUscc, type RegistryIp } from '../domain/index.ts';
import type { Firm } from './firms.ts';
import { generateDemoEnterprises } from './generate-demo-enterprises.ts';
import { completePlans, plannedPath } from './plan.ts';

const UNITS = [
  ['330211001', '招宝山街道'],
  ['330211002', '蛟川街道'],
  ['330211003', '骆驼街道'],
  ['330211004', '庄市街道'],
  ['330211005', '贵驷街道'],
  ['330211100', '澥浦镇'],
  ['330211101', '九龙湖镇'],
  ['330211P01', '镇海高端新材料产业园'],
].map(([code, name]) => ({ code, name }));
const WEIGHTS = [0.1, 0.17, 0.16, 0.18, 0.09, 0.12, 0.08, 0.1];
const TODAY = '2026-11-23';

const validAt = (f: Firm, kind: string, date: string) => f.qualifications.some((q) => q.kind === kind && isValidOn({ ...q, status: 'active' }, date));
const year = (f: Firm, y: number) => f.years.find((r) => r.year === y);
const aboveScaleRdShare = (firms: Firm[], y: number) => {
  const reporting = firms.filter((f) => f.aboveScale && year(f, y));
  return (100 * reporting.filter((f) => year(f, y)!.rdExpense > 0).length) / reporting.length;
};

describe('demo enterprises', () => {
  let firms: Firm[];
  beforeAll(() => {
    firms = generateDemoEnterprises({ district: '330211', units: UNITS, addressPrefix: '浙江省宁波市镇海区', plans: {} });
  });

  it('are the same on every run', () => {
    const again = generateDemoEnterprises({ district: '330211', units: UNITS, addressPrefix: '浙江省宁波市镇海区', plans: {} });
    expect(JSON.stringify(again.map((f) => [f.identity, f.years, f.ip, f.qualifications, f.institutions]))).toBe(
      JSON.stringify(firms.map((f) => [f.identity, f.years, f.ip, f.qualifications, f.institutions])),
    );
  });

  it('spread 3,000 firms over the towns and the park by weight, with valid, unique USCCs and names', () => {
    expect(firms).toHaveLength(3000);
    expect(UNITS.map((u) => firms.filter((f) => f.unit.code === u.code).length)).toEqual(WEIGHTS.map((w) => Math.round(w * 3000)));
    const ids = firms.map((f) => f.identity!);
    expect(ids.every((i) => validateUscc(i.uscc).problem === null && i.uscc.startsWith('91330211'))).toBe(true);
    expect(new Set(ids.map((i) => i.uscc)).size).toBe(3000);
    expect(new Set(ids.map((i) => i.name)).size).toBe(3000);
    expect(ids.every((i) => /^(宁波|宁波市镇海|镇海)\p{Script=Han}{3,}(股份)?有限公司$/u.test(i.name) && /^0574-8\d{7}$/.test(i.contactPhone))).toBe(true);
    expect(firms.every((f) => f.identity!.address.startsWith(`浙江省宁波市镇海区${f.unit.name}`) && f.foundedYear >= 1995 && f.foundedYear <= 2024)).toBe(true);
  });

  it("keep every figure within the registry's constraints, in whole CNY", () => {
    const wrong = firms
      .flatMap((f) => f.years)
      .filter((y) => {
        const amounts = [
          y.revenue,
          y.highTechRevenue,
          y.rdExpense,
          y.rdExpenseDomestic,
          y.totalCost,
          y.totalAssets,
          y.netAssets,
          y.employees,
          y.sciTechStaff,
          y.conversions,
        ];
        return (
          amounts.some((v) => v !== null && !(Number.isInteger(v) && v >= 0)) ||
          (y.sciTechStaff ?? 0) > y.employees ||
          (y.highTechRevenue ?? 0) > y.revenue ||
          (y.rdExpenseDomestic ?? 0) > y.rdExpense ||
          y.year < 2020 ||
          y.year > 2025
        );
      });
    expect(wrong).toEqual([]);
  });

  it('record total income and the tech-SME basic conditions plausibly: resident, ~2% dishonesty-listed from 2024, ~1% restricted', () => {
    const years = firms.flatMap((f) => f.years);
    expect(years.every((y) => y.totalIncome >= y.revenue && y.totalIncome <= Math.round(y.revenue * 1.03) && (y.highTechRevenue ?? 0) <= y.totalIncome)).toBe(
      true,
    );
    // a high-tech share of 60% or more of revenue is not taken below 60% by the other income
    expect(years.filter((y) => y.highTechRevenue !== null && y.highTechRevenue * 5 >= y.revenue * 3 && y.highTechRevenue * 5 < y.totalIncome * 3)).toEqual([]);
    expect(years.every((y) => y.resident && !y.industryExcluded)).toBe(true); // no demo industry is one 财税〔2015〕119号 excludes
    const share = (pred: (f: Firm) => boolean) => firms.filter(pred).length / firms.length;
    expect(share((f) => f.years.some((y) => y.dishonestyListed))).toBeGreaterThan(0.01);
    expect(share((f) => f.years.some((y) => y.dishonestyListed))).toBeLessThan(0.03);
    expect(years.filter((y) => y.dishonestyListed && y.year < 2024)).toEqual([]);
    expect(share((f) => f.years.some((y) => y.restrictedCatalogue))).toBeGreaterThan(0.004);
    expect(share((f) => f.years.some((y) => y.restrictedCatalogue))).toBeLessThan(0.02);
    expect(firms.filter((f) => f.role !== 'nontech' && f.years.some((y) => y.restrictedCatalogue))).toEqual([]);
  });

  it('mark Class II IP used in earlier HNTE recognitions only for firms that hold or held one, within each count', () => {
    const classII = new Set(['utilityModel', 'design', 'softwareCopyright']);
    const used = firms.flatMap((f) => f.ip.filter((h) => h.usedInEarlierHnte > 0).map((h) => ({ f, h })));
    expect(used.length).toBeGreaterThan(200);
    expect(used.every(({ f, h }) => f.role === 'hnte' && classII.has(h.kind) && h.usedInEarlierHnte <= h.count)).toBe(true);
  });

  it("follow each unit's HNTE plan path exactly, 227 in 2020 growing to 480–560 in 2024", () => {
    const plans = completePlans(
      UNITS.map((u) => u.code),
      {},
    );
    for (const u of UNITS) {
      const path = plannedPath(u.code, 'HNTE_COUNT', plans[u.code].HNTE_COUNT!);
      const counts = [2020, 2021, 2022, 2023, 2024].map((y) => firms.filter((f) => f.unit.code === u.code && validAt(f, 'hnte', `${y}-12-31`)).length);
      expect(counts).toEqual([2020, 2021, 2022, 2023, 2024].map((y) => Math.round(path(y))));
    }
    const district = (y: number) => firms.filter((f) => validAt(f, 'hnte', `${y}-12-31`)).length;
    expect(district(2020)).toBe(227);
    expect(district(2024)).toBeGreaterThanOrEqual(480);
    expect(district(2024)).toBeLessThanOrEqual(560);
  });

  it('register about a thousand tech-SMEs in 2020, more each year, with unique numbers', () => {
    const registered = (y: number) => firms.filter((f) => f.qualifications.some((q) => q.kind === 'techSme' && q.issuedOn.startsWith(String(y)))).length;
    const counts = [2020, 2021, 2022, 2023, 2024, 2025].map(registered);
    expect(counts[0]).toBe(1029);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[4]).toBeLessThanOrEqual(1900);
    const quals = firms.flatMap((f) => f.qualifications);
    for (const kind of ['techSme', 'hnte', 'techLittleGiant', 'techLeader']) {
      const numbers = quals.filter((q) => q.kind === kind).map((q) => q.certificateNo);
      expect(new Set(numbers).size).toBe(numbers.length);
    }
    expect(quals.every((q) => q.issuedOn <= '2026-06-30' && q.validUntil === defaultValidUntil(q.kind, q.issuedOn))).toBe(true);
    expect(quals.filter((q) => q.kind === 'hnte').every((q) => /^GR\d{4}331\d{5}$/.test(q.certificateNo))).toBe(true);
    expect(quals.filter((q) => q.kind === 'techSme').every((q) => /^\d{4}330211A\d{7}$/.test(q.certificateNo))).toBe(true);
    expect(quals.filter((q) => q.kind === 'techLittleGiant').length).toBeGreaterThanOrEqual(35);
    expect(quals.filter((q) => q.kind === 'techLeader').length).toBeGreaterThanOrEqual(8);
  });

  it('raise the share of above-scale firms with R&D from about 62% to about 85%, and engineering centres from 48 to about 60', () => {
    const above = firms.filter((f) => f.aboveScale);
    expect(above.length).toBeGreaterThanOrEqual(300);
    expect(above.length).toBeLessThanOrEqual(400);
    expect(above.every((f) => f.years.every((y) => y.revenue >= 20_000_000))).toBe(true);
    expect(aboveScaleRdShare(firms, 2020)).toBeCloseTo(62, -0.5);
    expect(aboveScaleRdShare(firms, 2024)).toBeCloseTo(85, -0.5);
    const centres = (y: number) =>
      firms
        .flatMap((f) => f.institutions)
        .filter((i) => i.type === 'engineeringCenter' && i.level !== 'municipal' && i.level !== 'district' && i.recognisedYear <= y).length;
    expect(centres(2020)).toBe(48);
    expect(centres(2024)).toBeGreaterThanOrEqual(56);
  });

  it('give every HNTE Class I IP or at least five Class II items', () => {
    const classI = new Set(['inventionPatent', 'plantVariety', 'icLayout', 'newDrug', 'tcmVariety']);
    for (const f of firms.filter((x) => x.role === 'hnte')) {
      const count = (pred: (kind: string) => boolean) => f.ip.filter((h) => pred(h.kind)).reduce((s, h) => s + h.count, 0);
      expect(count((k) => classI.has(k)) > 0 || count((k) => !classI.has(k) && k !== 'pctApplication') >= 5).toBe(true);
    }
  });

  it('leave entries on every work list as of 2026-11-23', () => {
    const expiring = firms.filter((f) => {
      const last = f.qualifications
        .filter((q) => q.kind === 'hnte')
        .sort((a, b) => a.validUntil.localeCompare(b.validUntil))
        .at(-1);
      return last && last.validUntil >= TODAY && last.validUntil <= '2027-05-23';
    });
    expect(expiring.length).toBeGreaterThan(50);
    const lapsed = firms.filter((f) => f.qualifications.some((q) => q.kind === 'techSme' && q.issuedOn.startsWith('2024')) && !validAt(f, 'techSme', TODAY));
    expect(lapsed.length).toBeGreaterThan(50);
    expect(firms.filter((f) => f.aboveScale && !year(f, 2025)?.rdExpense).length).toBeGreaterThan(20);
    expect(firms.filter((f) => f.aboveScale && f.institutions.length === 0).length).toBeGreaterThan(20);
    expect(
      firms.filter((f) => f.years.some((y) => y.sciTechStaff === null || y.highTechRevenue === null || y.rdExpenseDomestic === null)).length,
    ).toBeGreaterThan(10);
  });

  it('put a good number of non-HNTE firms one condition or less from qualifying', () => {
    let near = 0;
    for (const f of firms.filter((x) => x.role === 'candidate')) {
      const asOf = applicationDate(f.years, TODAY);
      const e = { id: 1, foundedOn: f.foundedOn, hnteField: f.hnteField, ownsCoreIp: null, incidents: f.incidents, holdsHnte: validAt(f, 'hnte', asOf) };
      const c = hnteCloseness(checkEnterprise(toRulesInput(e, f.years, f.ip as RegistryIp[], asOf)).hnte);
      if (c.failed <= 1) near++;
    }
    expect(near).toBeGreaterThanOrEqual(150);
  });
});
