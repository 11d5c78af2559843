/** 科技体检's query hook and the answer's shape (type-only from the pure domain: nothing of it is bundled). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@kechuang/platform-web';
import type { Diagnosis } from '../domain/diagnosis.ts';

export type DiagnosisReport = Omit<Diagnosis, 'year'> & {
  enterprise: { id: number; uscc: string; name: string; regionName: string; industryCode: string | null };
  year: number | null;
  years: number[];
  isConfirmed: boolean;
};
export type DiagnosisIndicator = DiagnosisReport['indicators'][number];

export const diagnosisUrl = (id: number) => `/api/evaluation/diagnosis/${id}`;

export function useDiagnosis(id: number, year: number | undefined) {
  return useQuery({
    queryKey: ['diagnosis', id, year],
    queryFn: () => api.get<DiagnosisReport>(diagnosisUrl(id), { year }),
    enabled: Number.isInteger(id) && id > 0,
    placeholderData: keepPreviousData,
  });
}
