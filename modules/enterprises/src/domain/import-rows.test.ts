import { describe, expect, it } from 'vitest';
import {
  mapHeaders,
  parseAmount,
  parseCount,
  parseDate,
  parseEnterpriseRow,
  parseQualificationRow,
  parseYearRow,
  parseYesNo,
  roundToWhole,
  sameName,
  type CellValue,
  type RowContext,
} from './import-rows.ts';
import { usccCheckCharacter } from './uscc.ts';

const USCC = `91330211MA2GQ0001${usccCheckCharacter('91330211MA2GQ0001')}`;

const ctx = (units: Record<string, string> = {}): RowContext => ({
  today: '2025-06-30',
  columnName: (f) => f,
  headerUnit: (f) => units[f] as '万元' | undefined,
  region: (t) =>
    ({
      招宝山街道: { code: '330211001', name: '招宝山街道', inScope: true },
      330211001: { code: '330211001', name: '招宝山街道', inScope: true },
      蛟川街道: { code: '330211002', name: '蛟川街道', inScope: false },
    })[t],
  chain: (t) => ({ 新材料: 'newMaterials', 绿色石化: 'petrochem' })[t],
  hnteField: (t) => (t === '新材料' ? 'newMaterials' : undefined),
});
const cells = (o: Record<string, CellValue>) => (f: string) => o[f];

describe('headers', () => {
  it('reads Chinese names, English codes and aliases, with a unit in full- or half-width brackets', () => {
    const h = mapHeaders('years', [
      '统一社会信用代码',
      'YEAR',
      '营业收入（万元）',
      '高新技术产品（服务）收入',
      'rd_expense(亿元)',
      ' 职工总数(人) ',
      '*净资产',
      '备注',
    ]);
    expect(h.index).toEqual({ uscc: 0, year: 1, revenue: 2, highTechRevenue: 3, rdExpense: 4, employees: 5, netAssets: 6 });
    expect(h.unit).toEqual({ revenue: '万元', rdExpense: '亿元' });
    expect(h.ignored).toEqual(['备注']);
    expect(h.missing).toEqual([]);
  });
  it('names the missing required columns and the duplicated ones', () => {
    const h = mapHeaders('enterprises', ['企业名称', '公司名称', '地址']);
    expect(h.missing).toEqual(['统一社会信用代码 (uscc)', '所属镇街 (town)']);
    expect(h.duplicated).toEqual(['公司名称']);
  });
});

describe('cells', () => {
  it.each([
    ['2018-03-15', '2018-03-15'],
    ['2018/3/5', '2018-03-05'],
    ['2018.03.15', '2018-03-15'],
    ['2018年3月15日', '2018-03-15'],
    ['20180315', '2018-03-15'],
    [20180315, '2018-03-15'],
    [43174, '2018-03-15'],
    [new Date(Date.UTC(2018, 2, 15)), '2018-03-15'],
  ])('reads the date %s', (cell, iso) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: iso });
  });
  it.each([['2019-02-29'], ['2018-13-01'], ['15/03/2018'], ['去年']])('refuses the date %s', (cell) => {
    expect(parseDate(cell).ok).toBe(false);
  });
  it('reads yes and no as the bureau writes them', () => {
    expect(['是', 'Y', 'true', '1', true].map((v) => parseYesNo(v))).toEqual(Array(5).fill({ ok: true, value: true }));
    expect(['否', 'n', 'FALSE', '0', false].map((v) => parseYesNo(v))).toEqual(Array(5).fill({ ok: true, value: false }));
    expect(parseYesNo('可能').ok).toBe(false);
  });
  it.each([
    ['12.5', '13'],
    ['12.4999', '12'],
    ['9.5', '10'],
    ['99.5', '100'],
    ['-1.5', '-2'],
    ['-0.4', '0'],
    ['0', '0'],
    ['007', '7'],
  ])('rounds %s to whole yuan: %s', (v, whole) => {
    expect(roundToWhole(v)).toBe(whole);
  });
  it.each([
    ['1234.5678', '万元', '12345678'],
    ['0.12345678', '亿元', '12345678'],
    ['98765432101234.56789', '万元', '987654321012345679'], // beyond a double's 15–17 digits, still exact
    ['1,234,567.49', '元', '1234567'],
    ['12.5万元', '元', '125000'],
    ['０.３亿元', '万元', '30000000'],
    [0.1, '万元', '1000'],
  ])('converts %s (unit %s) to %s yuan exactly', (cell, unit, yuan) => {
    expect(parseAmount(cell, unit as '万元')).toEqual({ ok: true, value: yuan });
  });
  it('refuses a percentage or text as an amount, and a fraction as a head count', () => {
    expect(parseAmount('12%', '元')).toEqual({ ok: false, reason: '金额不能带百分号' });
    expect(parseAmount('十万', '元')).toEqual({ ok: false, reason: '不是数字' });
    expect(parseCount('12.5')).toEqual({ ok: false, reason: '应为整数' });
    expect(parseCount('1,200人')).toEqual({ ok: true, value: 1200 });
  });
});

describe('rows', () => {
  it('reads an enterprise: town by name, chains by name in either separator, capital in 万元 by default', () => {
    const r = parseEnterpriseRow(
      2,
      cells({
        uscc: ` ${USCC.toLowerCase()} `,
        name: '宁波甲',
        town: '招宝山街道',
        registeredCapital: '500',
        chains: '新材料, 绿色石化、新材料',
        isAboveScale: '是',
        industryCode: 'c2651',
      }),
      ctx(),
    );
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({
      uscc: USCC,
      regionCode: '330211001',
      registeredCapital: '5000000',
      chainTags: ['newMaterials', 'petrochem'],
      isAboveScale: true,
      isListed: null,
      industryCode: 'C2651',
      address: null,
    });
  });
  it('gives every problem of an enterprise row, and its USCC for the duplicate check even so', () => {
    const r = parseEnterpriseRow(7, cells({ uscc: USCC, name: '', town: '蛟川街道', foundedOn: '2026-01-01', chains: '元宇宙', contactEmail: 'a@b' }), ctx());
    expect(r.uscc).toBe(USCC);
    expect(r.value).toBeNull();
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [7, 'name'],
      [7, 'town'],
      [7, 'foundedOn'],
      [7, 'chains'],
      [7, 'contactEmail'],
    ]);
  });
  it('refuses a USCC stored as a number (Excel has already dropped its digits)', () => {
    expect(parseEnterpriseRow(2, cells({ uscc: 913302117e8, name: 'x', town: '招宝山街道' }), ctx()).errors[0].reason).toContain('文本格式');
  });
  it("reads a year: the cell's unit first, then the header's, then the row's 金额单位", () => {
    const r = parseYearRow(
      3,
      cells({
        uscc: USCC,
        year: '2024年',
        revenue: '2亿元',
        highTechRevenue: '100',
        rdExpense: '10',
        netAssets: '-3',
        amountUnit: '万元',
        employees: 10,
        sciTechStaff: '2',
      }),
      ctx({ rdExpense: '万元' }),
    );
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({
      year: 2024,
      amounts: { revenue: '200000000', highTechRevenue: '1000000', rdExpense: '100000', netAssets: '-30000', totalCost: null },
      counts: { employees: 10, sciTechStaff: 2, conversions: null },
    });
  });
  it('reads 总收入 and the yes/no conditions under their Chinese headers; a blank keeps what is on record; a bad cell is refused by column', () => {
    const h = mapHeaders('years', [
      '统一社会信用代码',
      '年度',
      '总收入（万元）',
      '是否居民企业',
      '属于不适用加计扣除行业',
      '属于限制类或淘汰类产业',
      '列入失信名单',
    ]);
    expect(h.index).toEqual({ uscc: 0, year: 1, totalIncome: 2, resident: 3, industryExcluded: 4, restrictedCatalogue: 5, dishonestyListed: 6 });
    expect(h.unit).toEqual({ totalIncome: '万元' });
    const r = parseYearRow(
      2,
      cells({ uscc: USCC, year: 2024, totalIncome: '1,050.5', resident: '是', industryExcluded: 'N', restrictedCatalogue: '0', dishonestyListed: '' }),
      ctx({ totalIncome: '万元' }),
    );
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({
      amounts: { totalIncome: '10505000', revenue: null },
      flags: { resident: true, industryExcluded: false, restrictedCatalogue: false, dishonestyListed: null },
    });
    const bad = parseYearRow(4, cells({ uscc: USCC, year: 2024, dishonestyListed: '待查', highTechRevenue: '101', totalIncome: '100' }), ctx());
    expect(bad.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [4, 'dishonestyListed', '待查'],
      [4, 'highTechRevenue', '101'],
    ]);
    expect(bad.errors[0].reason).toContain('是 或 否');
  });
  it('refuses a year after this one and before 1990', () => {
    expect(parseYearRow(2, cells({ uscc: USCC, year: 2026, revenue: 1 }), ctx()).errors[0].reason).toContain('1990–2025');
    expect(parseYearRow(2, cells({ uscc: USCC, year: 1989, revenue: 1 }), ctx()).errors[0].reason).toContain('超出范围');
  });
  it('reads a qualification by its Chinese label, short name or code', () => {
    for (const kind of ['高新技术企业', '高企', 'hnte', 'HNTE']) {
      expect(parseQualificationRow(2, cells({ uscc: USCC, kind, certificateNo: 'GR1', issuedOn: '2024-12-06' }), ctx()).value).toMatchObject({
        kind: 'hnte',
        validUntil: null,
      });
    }
    expect(
      parseQualificationRow(2, cells({ uscc: USCC, kind: '科技型中小企业', certificateNo: 'X', issuedOn: '2025-07-01' }), ctx()).errors[0].reason,
    ).toContain('晚于今天');
  });
  it('compares names with full- and half-width brackets alike', () => {
    expect(sameName('宁波甲（集团）有限公司', '宁波甲(集团)有限公司 ')).toBe(true);
    expect(sameName('宁波甲有限公司', '宁波乙有限公司')).toBe(false);
  });
});
