/** TanStack Query hooks for the indicators API. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, listQueryKey, type Page } from '@kechuang/platform-web';
import type { Cockpit, Indicator, League, Plan, Report, Trend, ValueKind } from './types.ts';

const ROOT = '/api/indicators';

export function usePeriods() {
  return useQuery({
    queryKey: ['indicators', 'periods'],
    queryFn: () => api.get<{ items: string[]; default: string | null }>(`${ROOT}/periods`),
    staleTime: 60_000,
  });
}

export function usePlans() {
  return useQuery({ queryKey: ['indicators', 'plans'], queryFn: () => api.get<{ items: Plan[] }>(`${ROOT}/plans`), staleTime: 60_000 });
}

/** the whole catalogue (for selectors): one page of up to 500 entries, in the catalogue's order */
export function useCatalogue() {
  return useQuery({
    queryKey: ['indicators', 'catalogue', 'all'],
    queryFn: () => api.get<Page<Indicator>>(ROOT, { pageSize: 500, sort: 'sort', order: 'ascend' }),
    staleTime: 60_000,
  });
}

export function useReport(region: string | undefined, period: string | undefined, plan?: string) {
  return useQuery({
    queryKey: ['indicators', 'report', region, period, plan],
    queryFn: () => api.get<Report>(`${ROOT}/report`, { region, period, plan }),
    enabled: !!region && !!period,
    placeholderData: keepPreviousData,
  });
}

export interface LeagueQuery {
  period?: string;
  indicator?: string;
  sort?: string;
  order?: 'ascend' | 'descend';
  page?: number;
  pageSize?: number;
}

export function useLeague(query: LeagueQuery) {
  return useQuery({
    queryKey: ['indicators', 'league', query],
    queryFn: () => api.get<League>(`${ROOT}/league`, { ...query }),
    enabled: !!query.period,
    placeholderData: keepPreviousData,
  });
}

export function useTrend(region: string | undefined, indicator: string | undefined) {
  return useQuery({
    queryKey: ['indicators', 'trend', region, indicator],
    queryFn: () => api.get<Trend>(`${ROOT}/trend`, { region, indicator }),
    enabled: !!region && !!indicator,
    placeholderData: keepPreviousData,
  });
}

/** `refreshMs`: ask again on that interval (the wall display), also while the tab is in the background */
export function useCockpit(period: string | undefined, region?: string, refreshMs?: number) {
  return useQuery({
    queryKey: ['indicators', 'cockpit', period, region],
    queryFn: () => api.get<Cockpit>(`${ROOT}/cockpit`, { period, region }),
    enabled: !!period,
    placeholderData: keepPreviousData,
    ...(refreshMs ? { refetchInterval: refreshMs, refetchIntervalInBackground: true } : {}),
  });
}

export interface SetValueInput {
  region: string;
  indicator: string;
  period: string;
  kind: ValueKind;
  value: string | null;
}

/** after any write to values, every derived view is stale */
function useInvalidateIndicators() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['indicators'] }),
      queryClient.invalidateQueries({ queryKey: listQueryKey(`${ROOT}/values`) }),
      queryClient.invalidateQueries({ queryKey: listQueryKey(`${ROOT}/imports`) }),
    ]);
}

export function useSetValue() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (input: SetValueInput) => api.put<SetValueInput>(`${ROOT}/values`, input),
    onSuccess: () => invalidate(),
  });
}

export type IndicatorInput = Omit<Indicator, 'code'>;

export function useSaveIndicator() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: IndicatorInput }) => api.put<Indicator>(`${ROOT}/catalogue/${encodeURIComponent(code)}`, input),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: listQueryKey(ROOT) })]),
  });
}

export function useSavePlan() {
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: ({ code, ...input }: Plan) => api.put<Plan>(`${ROOT}/plans/${encodeURIComponent(code)}`, input),
    onSuccess: () => invalidate(),
  });
}

export { useInvalidateIndicators };
