/**
 * The plan tables as the demo loads them: every row of 表1 (13th plan, 8 rows) and 表2 (14th plan, 17 rows) and every
 * figure in their notes has a catalogue entry in the same unit, with the figures the CSVs state.
 */
import { describe, expect, it } from 'vitest';
import { planFigures, parseNoteFigures, readPlanTables } from './plan-tables.ts';
import { DEMO_DATA_DIR } from './seed-demo-indicators.ts';
import { ZHENHAI_CATALOGUE, type CatalogueEntry } from './zhenhai-catalogue.ts';

const tables = readPlanTables(DEMO_DATA_DIR);
const figures = planFigures(ZHENHAI_CATALOGUE, tables);
const of = (plan: string, indicator: string) =>
  Object.fromEntries(figures.filter((f) => f.plan === plan && f.indicator === indicator).map((f) => [`${f.kind} ${f.period}`, f.value]));
const unitOf = (code: string) => ZHENHAI_CATALOGUE.find((e) => e.code === code)!.unit;

describe('parseNoteFigures', () => {
  it.each([
    [
      '占GDP比重 2015: 2.41% -> 2020: 2.43%',
      {
        label: '占GDP比重',
        unit: '%',
        points: [
          { year: 2015, value: 2.41 },
          { year: 2020, value: 2.43 },
        ],
      },
    ],
    [
      '括号内全口径 2015: 51.9% -> 2020: 67.6%',
      {
        label: '括号内全口径',
        unit: '%',
        points: [
          { year: 2015, value: 51.9 },
          { year: 2020, value: 67.6 },
        ],
      },
    ],
    [
      '占固定资产投资额比重 2020：36.6% -> 2025：39.5%',
      {
        label: '占固定资产投资额比重',
        unit: '%',
        points: [
          { year: 2020, value: 36.6 },
          { year: 2025, value: 39.5 },
        ],
      },
    ],
  ])('reads the figures of "%s"', (note, expected) => expect(parseNoteFigures(note)).toEqual(expected));

  it.each(['', 'baseline is 2019'])('finds no figure in "%s"', (note) => expect(parseNoteFigures(note)).toBeNull());

  it('refuses a note whose figures are in different units', () => {
    expect(() => parseNoteFigures('2015: 2.41% -> 2020: 3')).toThrow(/different units/);
  });
});

describe('the plan tables in the demo catalogue', () => {
  it('has 8 rows in 表1 and 17 in 表2', () => {
    expect(tables.fyp13).toHaveLength(8);
    expect(tables.fyp14).toHaveLength(17);
  });

  it.each([
    ['表1', 'fyp13'],
    ['表2', 'fyp14'],
  ] as const)('gives every row of %s a catalogue entry in its unit', (_, table) => {
    for (const row of tables[table]) {
      const entry = ZHENHAI_CATALOGUE.find((e) => e[table]?.seq === Number(row.seq) && !e[table]?.note);
      expect(entry, `${table} row ${row.seq} ${row.name_zh}`).toBeDefined();
      expect(entry!.unit, `${table} row ${row.seq}`).toBe(row.unit);
    }
  });

  it('loads the 13th plan in full: 2015 figure, 2020 target where set, 2020 actual, each in its unit', () => {
    expect(of('FYP13', 'RD_EXPENDITURE')).toEqual({ 'baseline 2015': 15.99, 'actual 2015': 15.99, 'actual 2020': 25.03 });
    expect(of('FYP13', 'HNTE_COUNT')).toEqual({ 'baseline 2015': 85, 'actual 2015': 85, 'target 2020': 160, 'actual 2020': 227 });
    expect(of('FYP13', 'TECH_SME_COUNT')).toEqual({ 'baseline 2015': 522, 'actual 2015': 522, 'target 2020': 954, 'actual 2020': 1029 });
    expect(of('FYP13', 'HIGHTECH_VALUE_ADDED_SHARE')).toEqual({ 'baseline 2015': 26.4, 'actual 2015': 26.4, 'actual 2020': 40.6 });
    expect(of('FYP13', 'INVENTION_PATENTS_PER_10K')).toEqual({ 'target 2020': 55, 'actual 2020': 67.1 });
    expect(of('FYP13', 'TECH_TRANSACTION_VOLUME')).toEqual({ 'baseline 2015': 3.45, 'actual 2015': 3.45, 'target 2020': 11, 'actual 2020': 21.96 });
    expect(of('FYP13', 'HIGHTECH_INVESTMENT')).toEqual({ 'baseline 2015': 70.1, 'actual 2015': 70.1, 'actual 2020': 100.9 });
    expect(of('FYP13', 'ACADEMICIAN_STATIONS')).toEqual({ 'baseline 2015': 6, 'actual 2015': 6, 'actual 2020': 13 });
    expect([unitOf('HIGHTECH_VALUE_ADDED_SHARE'), unitOf('INVENTION_PATENTS_PER_10K'), unitOf('TECH_TRANSACTION_VOLUME')]).toEqual(['%', '件', '亿元']);
  });

  it('loads the figures the notes give: R&D share of GDP, the whole-scope value-added share, the high-tech investment share', () => {
    expect(of('FYP13', 'RD_INTENSITY')).toEqual({ 'baseline 2015': 2.41, 'actual 2015': 2.41, 'actual 2020': 2.43 });
    expect(of('FYP13', 'HIGHTECH_VALUE_ADDED_SHARE_ALL')).toEqual({ 'baseline 2015': 51.9, 'actual 2015': 51.9, 'actual 2020': 67.6 });
    expect(of('FYP14', 'HIGHTECH_INVESTMENT_SHARE')).toEqual({ 'baseline 2020': 36.6, 'target 2025': 39.5 });
    expect(figures.filter((f) => f.fromNote).every((f) => f.unit === '%' && unitOf(f.indicator) === '%')).toBe(true);
  });

  it('loads every row of 表2 as a 2020 baseline (2019 for one) and a 2025 target', () => {
    for (const row of tables.fyp14) {
      const entry = ZHENHAI_CATALOGUE.find((e) => e.fyp14?.seq === Number(row.seq) && !e.fyp14?.note)!;
      expect(of('FYP14', entry.code), row.name_zh).toEqual({ [`baseline ${row.baseline_year}`]: Number(row.baseline), 'target 2025': Number(row.target) });
    }
    expect(of('FYP14', 'RD_PERSONNEL_PER_10K')).toEqual({ 'baseline 2019': 132.1, 'target 2025': 190 });
  });

  const without = (code: string): CatalogueEntry[] => ZHENHAI_CATALOGUE.filter((e) => e.code !== code);
  const withUnit = (code: string, unit: string): CatalogueEntry[] => ZHENHAI_CATALOGUE.map((e) => (e.code === code ? { ...e, unit } : e));
  it.each([
    ['a row of 表1 has no entry', () => planFigures(without('TECH_TRANSACTION_VOLUME'), tables), /表1 row 6: no catalogue entry/],
    ['a note has no entry', () => planFigures(without('HIGHTECH_INVESTMENT_SHARE'), tables), /表2 row 4 \(note\): no catalogue entry/],
    ['a row is in another unit', () => planFigures(withUnit('TECH_TRANSACTION_VOLUME', '万元'), tables), /unit 亿元, but TECH_TRANSACTION_VOLUME is in 万元/],
    ['a note is in another unit', () => planFigures(withUnit('RD_INTENSITY', '‰'), tables), /unit %, but RD_INTENSITY is in ‰/],
    [
      'a figure is not a number',
      () => planFigures(ZHENHAI_CATALOGUE, { ...tables, fyp13: [{ ...tables.fyp13[1], actual_2020: '二百' }] }),
      /"二百" is not a number/,
    ],
  ])('refuses to load when %s', (_, load, message) => expect(load).toThrow(message));
});
