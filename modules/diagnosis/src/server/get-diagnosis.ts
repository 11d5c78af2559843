/**
 * 科技体检 (diagnosis) of one enterprise: read its figures and every enterprise's of the same year, compare
 * (domain/diagnosis.ts); export-diagnosis.ts gives the same as an .xlsx. The peers are the whole registry's
 * (their figures are shown only as medians and quartiles), whoever asks; the enterprise must be in the asker's
 * jurisdiction.
 */
import type { Actor, Db } from '@kechuang/platform-server';
import { diagnose } from '../domain/diagnosis.ts';
import { diagnosedEnterprise, diagnosisFigures, diagnosisYears } from '@kechuang/enterprises/server';
import type { DiagnosisResponse } from '../contract/schemas.ts';
import { diagnosisError } from './errors.ts';

export async function getDiagnosis(db: Db, actor: Actor, enterpriseId: number, askedYear?: number): Promise<DiagnosisResponse> {
  const e = await diagnosedEnterprise(db, actor.scope, enterpriseId);
  const enterprise = { id: e.id, uscc: e.uscc, name: e.name, regionName: e.regionName, industryCode: e.industryCode };
  const years = await diagnosisYears(db, e.id);
  const year = askedYear ?? years[0];
  if (year === undefined) {
    return {
      enterprise,
      year: null,
      years,
      isConfirmed: false,
      indicators: [],
      strengths: [],
      weaknesses: [],
      advice: ['该企业尚无年度数据，无法体检'],
      peers: { level: 'none', industry: null, band: null, count: 0, description: '无年度数据', isSufficient: false, minPeers: 0 },
    };
  }
  if (!years.includes(year)) throw diagnosisError('DX_YEAR_WITHOUT_FIGURES', { params: { year }, details: { field: 'year', value: year } });
  const rows = await diagnosisFigures(db, year, e.id);
  const target = rows.find((r) => r.id === e.id)!;
  const d = diagnose(
    target,
    rows.filter((r) => r.isConfirmed),
    year,
  );
  return { enterprise, years, isConfirmed: target.isConfirmed, ...d };
}
