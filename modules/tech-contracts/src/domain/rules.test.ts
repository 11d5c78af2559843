import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  contractIssues,
  deadlineClock,
  isWorkingDay,
  normaliseType,
  regimeOn,
  registrationDeadline,
  subtypeAllowed,
  technicalAmount,
  unitFactor,
  type ContractInput,
} from './index.ts';

describe('the regime by date', () => {
  it('the 2000/2001 rules before 2026-03-01, the 2026 办法 from that day', () => {
    expect(regimeOn('2026-02-28').version).toBe('2001');
    expect(regimeOn('2026-03-01').version).toBe('2026');
    expect(regimeOn('2019-06-30').version).toBe('2001');
  });

  it('the old regime has four types, 专利实施许可 under 转让 counted as 技术许可; the new has five', () => {
    const old = regimeOn('2025-05-01');
    const now = regimeOn('2026-05-01');
    expect(Object.keys(old.types)).not.toContain('licence');
    expect(Object.keys(now.types)).toContain('licence');
    expect(subtypeAllowed(old, 'transfer', 'patentLicence')).toBe(true);
    expect(subtypeAllowed(now, 'transfer', 'patentLicence')).toBe(false);
    expect(subtypeAllowed(now, 'licence', 'patentLicence')).toBe(true);
    expect(normaliseType('transfer', 'patentLicence')).toBe('licence');
    expect(normaliseType('transfer', 'patentTransfer')).toBe('transfer');
  });
});

describe('the deadline clock', () => {
  it('old regime: 30 calendar days from the submission', () => {
    expect(registrationDeadline('2025-09-20', 100_000)).toEqual({ deadline: '2025-10-20', large: false, version: '2001' });
  });

  it('new regime: 15 working days, weekends and holidays skipped, a worked weekend counted', () => {
    // Mon 2026-03-02 + 15 working days = Mon 2026-03-23
    expect(registrationDeadline('2026-03-02', 100_000).deadline).toBe('2026-03-23');
    // over 劳动节 (May 1–5 off) and the worked Saturday 2026-05-09
    expect(isWorkingDay('2026-05-04')).toBe(false);
    expect(isWorkingDay('2026-05-09')).toBe(true);
    expect(addWorkingDays('2026-04-30', 2)).toBe('2026-05-07');
    expect(addWorkingDays('2026-05-08', 1)).toBe('2026-05-09');
  });

  it('a large contract (技术交易额 ≥ 5,000,000) gets the expert review’s 30 working days', () => {
    const r = registrationDeadline('2026-03-02', 5_000_000);
    expect(r.large).toBe(true);
    expect(r.deadline).toBe('2026-04-14'); // 30 working days, 清明 (Apr 4–6) skipped
    expect(registrationDeadline('2025-03-03', 9_000_000).large).toBe(false);
  });

  it('days left, 0 on the day, negative and overdue after', () => {
    expect(deadlineClock('2026-03-23', '2026-03-20')).toEqual({ daysLeft: 3, overdue: false });
    expect(deadlineClock('2026-03-23', '2026-03-23')).toEqual({ daysLeft: 0, overdue: false });
    expect(deadlineClock('2026-03-23', '2026-03-25')).toEqual({ daysLeft: -2, overdue: true });
  });
});

describe('the two amounts', () => {
  const items = [
    { kind: 'equipment' as const, name: '反应釜', amount: 300_000, quantity: 1, carrier: true },
    { kind: 'materials' as const, name: '催化剂原料', amount: 120_000, carrier: false },
    { kind: 'parts' as const, name: '阀门', amount: 30_000, carrier: false },
  ];
  it('the technical amount is the total less the deductible parts, the carrier set not deducted', () => {
    expect(technicalAmount(1_000_000, items)).toBe(850_000);
  });
  it('never above the total nor below 0', () => {
    expect(technicalAmount(100_000, items)).toBe(0);
    expect(technicalAmount(500, [])).toBe(500);
  });
  it('units: 元 and 万元 by their spellings; anything else unknown', () => {
    expect(unitFactor('万元')).toBe(10_000);
    expect(unitFactor(' Yuan ')).toBe(1);
    expect(unitFactor(undefined)).toBe(1);
    expect(unitFactor('美元')).toBeNull();
    expect(unitFactor('亿元')).toBeNull();
  });
});

describe('contract checks: codes with fields', () => {
  const base: ContractInput = {
    type: 'development',
    subtype: 'commissioned',
    signedOn: '2026-04-01',
    seller: { name: '甲公司', uscc: '91330211MA2AAAAA0X', location: 'district', regionCode: '330211001' },
    buyer: { name: '乙公司', uscc: null, location: 'abroad' },
    contractAmount: 100,
    items: [],
  };
  const codes = (c: Partial<ContractInput>) => contractIssues({ ...base, ...c }, '2026-12-01').map((i) => `${i.code}@${i.field}`);

  it('a USCC with a wrong check character', () => {
    expect(codes({})).toEqual(['TC_USCC_INVALID@seller.uscc']);
  });
  it('the rest', () => {
    const ok = { seller: { ...base.seller, uscc: null, location: 'domestic' as const } };
    expect(codes(ok)).toEqual(['TC_USCC_REQUIRED@seller.uscc']);
    const valid = { seller: { name: '甲公司', location: 'abroad' as const } };
    expect(codes(valid)).toEqual([]);
    expect(codes({ ...valid, techAmount: 101 })).toEqual(['TC_TECH_EXCEEDS_TOTAL@techAmount']);
    expect(codes({ ...valid, contractAmount: -1 })).toEqual(['TC_AMOUNT_NEGATIVE@contractAmount']);
    expect(codes({ ...valid, buyer: { name: ' 甲公司', location: 'abroad' } })).toEqual(['TC_PARTIES_SAME@buyer.name']);
    expect(codes({ ...valid, type: 'licence', subtype: 'patentTransfer' })).toEqual(['TC_SUBTYPE_MISMATCH@subtype']);
    expect(codes({ ...valid, signedOn: '2027-01-01' })).toEqual(['TC_SIGNED_IN_FUTURE@signedOn']);
    expect(codes({ ...valid, items: [{ kind: 'materials', name: 'x', amount: 200, carrier: false }] })).toEqual(['TC_ITEMS_EXCEED_TOTAL@items']);
    expect(codes({ ...valid, seller: { name: '甲公司', location: 'district' } })).toEqual([
      'TC_REGION_REQUIRED@seller.regionCode',
      'TC_USCC_REQUIRED@seller.uscc',
    ]);
  });
  it('the old regime accepts 专利实施许可 under 转让, the new does not', () => {
    const valid = { seller: { name: '甲公司', location: 'abroad' as const }, type: 'transfer' as const, subtype: 'patentLicence' as const };
    expect(codes({ ...valid, signedOn: '2025-06-01' })).toEqual([]);
    expect(codes({ ...valid, signedOn: '2026-06-01' })).toEqual(['TC_SUBTYPE_MISMATCH@subtype']);
  });
});
