import { expect, it } from 'vitest';
import { checkEnterprise } from '@kechuang/eligibility/domain';
import { applicationDate, coreIpJudgement, toRulesInput, type RegistryYear } from './rules-input.ts';

const year = (y: number, over: Partial<RegistryYear> = {}): RegistryYear => ({
  year: y,
  revenue: 1000,
  highTechRevenue: 700,
  rdExpense: 60,
  rdExpenseDomestic: 60,
  totalCost: 900,
  totalAssets: 5000,
  netAssets: 2000,
  employees: 50,
  sciTechStaff: 6,
  conversions: 2,
  totalIncome: null,
  resident: null,
  industryExcluded: null,
  restrictedCatalogue: null,
  dishonestyListed: null,
  ...over,
});
const FLAGS = { resident: true, industryExcluded: false, restrictedCatalogue: false, dishonestyListed: false };

it('applies in the year after the latest accounts, reading the three years before it', () => {
  const years = [2020, 2021, 2022, 2023].map((y) => year(y));
  expect(applicationDate(years, '2026-11-23')).toBe('2024-06-30');
  expect(applicationDate([], '2026-11-23')).toBe('2026-11-23');
  const input = toRulesInput({ id: 7, foundedOn: '2010-01-01', hnteField: 'newMaterials', ownsCoreIp: null, incidents: false }, years, [], '2024-06-30');
  expect(input.years!.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023]); // the rules pick their own window
  expect(input.employees).toBe(50);
  expect(input.keyField).toBe(true);
  expect(input.ownsCoreIp).toBe(false); // no IP held and nothing recorded
  expect(input.conversions).toEqual({ 2020: 2, 2021: 2, 2022: 2, 2023: 2 });
});

it('takes headcounts from the latest year before the application, and leaves missing figures out', () => {
  const years = [year(2022, { employees: 40 }), year(2023, { employees: 60, sciTechStaff: null, conversions: null }), year(2024, { employees: 99 })];
  const input = toRulesInput(
    { id: 1, foundedOn: null, hnteField: null, ownsCoreIp: null, incidents: null },
    years,
    [
      { kind: 'utilityModel', acquisition: 'own', count: 2 },
      { kind: 'pctApplication', acquisition: 'own', count: 1 },
    ],
    '2024-06-30',
  );
  expect(input.employees).toBe(60);
  expect(input.sciTechStaff).toBeUndefined();
  expect(input.foundedOn).toBeUndefined();
  expect(input.keyField).toBeUndefined();
  expect(input.incidents).toBeUndefined();
  expect(input.ip).toEqual([{ kind: 'utilityModel', acquisition: 'own', count: 2 }]); // PCT applications are not held IP
  expect(input.ownsCoreIp).toBe(true);
  expect(input.conversions).toEqual({ 2022: 2 });
});

it('claims the tech-SME direct routes the registry can see', () => {
  const input = toRulesInput(
    { id: 1, foundedOn: null, hnteField: null, ownsCoreIp: null, incidents: null, holdsHnte: true, hasProvincialRdInstitution: true },
    [],
    [],
    '2024-06-30',
  );
  expect(input.directRoutes).toEqual(['hnte', 'provincialRdInstitution']);
});

it('reads the tech-SME basic conditions from the latest year the rules read, and 总收入 per year', () => {
  const years = [
    year(2022, { ...FLAGS, dishonestyListed: true, totalIncome: 1010 }),
    year(2023, { ...FLAGS, totalIncome: 1020 }),
    year(2024, { ...FLAGS, resident: false }),
  ];
  const input = toRulesInput({ id: 1, foundedOn: null, hnteField: null, ownsCoreIp: null, incidents: false }, years, [], '2024-06-30');
  expect(input).toMatchObject({ resident: true, industryExcluded: false, restrictedCatalogue: false, dishonestyListed: false });
  expect(input.years!.map((y) => y.totalIncome)).toEqual([1010, 1020]);
  const unrecorded = toRulesInput({ id: 1, foundedOn: null, hnteField: null, ownsCoreIp: null, incidents: false }, [year(2023)], [], '2024-06-30');
  for (const k of ['resident', 'industryExcluded', 'restrictedCatalogue', 'dishonestyListed'] as const) expect(unrecorded[k]).toBeUndefined();
  expect(unrecorded.years![0].totalIncome).toBeUndefined();
});

it('passes the Class II items used in an earlier HNTE recognition, which then do not score for HNTE', () => {
  const e = { id: 1, foundedOn: '2015-01-01', hnteField: 'newMaterials', ownsCoreIp: null, incidents: false };
  const years = [2021, 2022, 2023].map((y) => year(y, FLAGS));
  const fresh = toRulesInput(e, years, [{ kind: 'utilityModel', acquisition: 'own', count: 6 }], '2024-06-30');
  const used = toRulesInput(e, years, [{ kind: 'utilityModel', acquisition: 'own', count: 6, usedInEarlierHnte: 4 }], '2024-06-30');
  expect(used.ip).toEqual([{ kind: 'utilityModel', acquisition: 'own', count: 6, usedInEarlierHnte: 4 }]);
  // ≥ 5 Class II items score 5–6 for quantity; 2 unused items score 1–2
  expect(checkEnterprise(fresh).hnte.score.ip - checkEnterprise(used).hnte.score.ip).toBe(4);
  expect(checkEnterprise(used).techSme.score.ip).toBe(checkEnterprise(fresh).techSme.score.ip); // the tech-SME score has no such rule
});

it("decides core IP once: the bureau's record, else the IP table, and says which", () => {
  expect(coreIpJudgement(false, [{ kind: 'inventionPatent', acquisition: 'own', count: 3 }])).toEqual({ value: false, basis: 'recorded' });
  expect(coreIpJudgement(null, [{ kind: 'design', acquisition: 'transferred', count: 1 }])).toEqual({ value: true, basis: 'fromIp' });
  expect(
    coreIpJudgement(null, [
      { kind: 'pctApplication', acquisition: 'own', count: 2 },
      { kind: 'inventionPatent', acquisition: 'own', count: 0 },
    ]),
  ).toEqual({ value: false, basis: 'fromIp' });
});
