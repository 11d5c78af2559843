/** TanStack Query hooks for the performance review's carriers (/api/evaluation/carriers, /my-carrier). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile, bureauYear } from '@kechuang/platform-web';
import type { Carrier, CarrierCreate, CarrierFigures, CarrierImportResult, CarrierListItem, CarrierPatch, FiguresPut, ReviewKind } from './types.ts';

/** the carriers' API kept the paths under /api/evaluation where the performance review began */
const ROOT = '/api/evaluation';
export const CARRIERS = `${ROOT}/carriers`;
const KEY = 'carriers';

/** the year the reviews look at by default: the last calendar year */
export const lastYear = () => bureauYear() - 1;

export function useCarriers(review: ReviewKind, year: number) {
  return useQuery({ queryKey: [KEY, 'carriers', review, year], queryFn: () => api.get<{ items: CarrierListItem[] }>(CARRIERS, { review, year }) });
}

/** the query key of a carrier's figures of a year (the form writes a saved answer under it) */
export const carrierFiguresKey = (id: number | undefined, year: number) => [KEY, 'carrierFigures', id, year];

export function useCarrierFigures(id: number | undefined, year: number) {
  return useQuery({ queryKey: carrierFiguresKey(id, year), queryFn: () => api.get<CarrierFigures>(`${CARRIERS}/${id}/figures/${year}`), enabled: !!id });
}

export function useMyCarrier() {
  return useQuery({ queryKey: [KEY, 'myCarrier'], queryFn: () => api.get<Carrier>(`${ROOT}/my-carrier`), retry: false });
}

/**
 * Every write here changes the carriers list, its counts and the figures: refresh the room's queries, and the
 * evaluation centre's too (its performance-review preset lists the years carriers have figures of).
 */
export function useRefreshCarriers(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: [KEY] }), queryClient.invalidateQueries({ queryKey: ['evaluation'] })]);
  };
}

function useCarrierMutation<I, O>(fn: (input: I) => Promise<O>) {
  const refresh = useRefreshCarriers();
  return useMutation({ mutationFn: fn, onSuccess: refresh });
}

export const useCreateCarrier = () => useCarrierMutation((body: CarrierCreate) => api.post<Carrier>(CARRIERS, body));
export const usePatchCarrier = () => useCarrierMutation(({ id, body }: { id: number; body: CarrierPatch }) => api.patch<Carrier>(`${CARRIERS}/${id}`, body));
export const useDeleteCarrier = () => useCarrierMutation((id: number) => api.delete<{ ok: true }>(`${CARRIERS}/${id}`));
export const useSaveFigures = () =>
  useCarrierMutation(({ id, year, body }: { id: number; year: number; body: FiguresPut }) =>
    api.put<CarrierFigures>(`${CARRIERS}/${id}/figures/${year}`, body),
  );
export const useImportCarriers = () =>
  useCarrierMutation(({ file, year, onProgress }: { file: File; year: number; onProgress?: (share: number) => void }) =>
    uploadFile<CarrierImportResult>(`${CARRIERS}/import?year=${year}`, file, { onProgress }),
  );
