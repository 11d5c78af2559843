/**
 * The tier ladder (梯队): techSme → hnte → techLittleGiant → techLeader. An enterprise's tier on a date is
 * the highest of its qualifications that is active and within its validity on that date.
 */
export const TIERS = ['none', 'techSme', 'hnte', 'techLittleGiant', 'techLeader'] as const;
export type Tier = (typeof TIERS)[number];
export const QUALIFICATION_KINDS = ['techSme', 'hnte', 'techLittleGiant', 'techLeader'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  none: '未入梯队',
  techSme: '科技型中小企业',
  hnte: '高新技术企业',
  techLittleGiant: '省科技小巨人企业',
  techLeader: '科技领军企业',
};

export interface QualificationSpan {
  kind: QualificationKind;
  issuedOn: string;
  validUntil: string;
  status: 'active' | 'revoked';
}

/** Valid on `date` (ISO): issued on or before it, not yet past its validity, not revoked. */
export function isValidOn(q: QualificationSpan, date: string): boolean {
  return q.status === 'active' && q.issuedOn <= date && date <= q.validUntil;
}

export function tierOn(qualifications: readonly QualificationSpan[], date: string): Tier {
  let best = 0;
  for (const q of qualifications) if (isValidOn(q, date)) best = Math.max(best, TIERS.indexOf(q.kind));
  return TIERS[best];
}

/**
 * The validity a certificate gets when a list gives only its issue date: HNTE three years
 * (《高新技术企业认定管理办法》Art. 8), a tech-SME registration until the end of the following year's
 * evaluation window (registration is yearly; we keep it to 31 December of the year after issue),
 * the provincial little giant and tech leader three years.
 */
export function defaultValidUntil(kind: QualificationKind, issuedOn: string): string {
  const d = new Date(`${issuedOn}T00:00:00Z`);
  if (kind === 'techSme') return `${d.getUTCFullYear() + 1}-12-31`;
  d.setUTCFullYear(d.getUTCFullYear() + 3);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
