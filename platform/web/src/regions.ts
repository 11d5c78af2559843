/** The reporting units (towns and parks) the current user may see. */
import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

export type RegionKind = 'province' | 'city' | 'district' | 'town' | 'park';

export interface Region {
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
  path: string;
}

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
