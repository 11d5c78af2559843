import { describe, expect, it } from 'vitest';
import { defaultValidUntil, isValidOn, tierOn, type QualificationSpan } from './tier.ts';

const q = (kind: QualificationSpan['kind'], issuedOn: string, validUntil: string, status: QualificationSpan['status'] = 'active'): QualificationSpan => ({
  kind,
  issuedOn,
  validUntil,
  status,
});

describe('tier ladder', () => {
  it('is the highest qualification valid on the date', () => {
    const quals = [q('techSme', '2023-05-10', '2024-12-31'), q('hnte', '2022-12-01', '2025-11-30'), q('techLittleGiant', '2026-03-01', '2029-02-28')];
    expect(tierOn(quals, '2022-11-30')).toBe('none');
    expect(tierOn(quals, '2023-06-01')).toBe('hnte');
    expect(tierOn(quals, '2025-11-30')).toBe('hnte'); // the last day of validity still counts
    expect(tierOn(quals, '2025-12-01')).toBe('none');
    expect(tierOn(quals, '2026-03-01')).toBe('techLittleGiant');
  });

  it('ignores a revoked certificate', () => {
    expect(isValidOn(q('hnte', '2022-12-01', '2025-11-30', 'revoked'), '2023-01-01')).toBe(false);
    expect(tierOn([q('hnte', '2022-12-01', '2025-11-30', 'revoked'), q('techSme', '2023-01-01', '2024-12-31')], '2023-06-01')).toBe('techSme');
  });

  it('gives HNTE three years less a day, a tech-SME registration to the end of the following year', () => {
    expect(defaultValidUntil('hnte', '2023-12-08')).toBe('2026-12-07');
    expect(defaultValidUntil('hnte', '2024-02-29')).toBe('2027-02-28');
    expect(defaultValidUntil('techSme', '2024-04-15')).toBe('2025-12-31');
  });
});
