/** The reporting units (towns and parks) the current user may see. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZRegion } from '@kechuang/platform-core/contract';
import { api } from './api.ts';

export type Region = z.infer<typeof ZRegion>;
export type RegionKind = Region['kind'];

export interface UnitsResponse {
  district: Region;
  units: Region[];
}

export function useUnits() {
  return useQuery({
    queryKey: ['regions', 'units'],
    queryFn: () => api.get<UnitsResponse>('/api/regions/units'),
    staleTime: 5 * 60_000,
  });
}
