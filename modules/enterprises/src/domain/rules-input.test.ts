import { expect, it } from 'vitest';
import { applicationDate, toRulesInput, type RegistryYear } from './rules-input.ts';

const year = (y: number, over: Partial<RegistryYear> = {}): RegistryYear => ({
  year: y, revenue: 1000, highTechRevenue: 700, rdExpense: 60, rdExpenseDomestic: 60, totalCost: 900, totalAssets: 5000, netAssets: 2000, employees: 50, sciTechStaff: 6, conversions: 2, ...over,
});

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
  const input = toRulesInput({ id: 1, foundedOn: null, hnteField: null, ownsCoreIp: null, incidents: null }, years, [
    { kind: 'utilityModel', acquisition: 'own', count: 2 },
    { kind: 'pctApplication', acquisition: 'own', count: 1 },
  ], '2024-06-30');
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
  const input = toRulesInput({ id: 1, foundedOn: null, hnteField: null, ownsCoreIp: null, incidents: null, holdsHnte: true, hasProvincialRdInstitution: true }, [], [], '2024-06-30');
  expect(input.directRoutes).toEqual(['hnte', 'provincialRdInstitution']);
});
