/** TanStack Query hooks for the performance review's carriers (/api/evaluation/carriers, /my-carrier). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile, bureauYear } from '@kechuang/platform-web';
import { ROOT } from './api.ts';
import type { Carrier, CarrierCreate, CarrierFigures, CarrierImportResult, CarrierListItem, CarrierPatch, FiguresPut, ReviewKind, RunListItem } from './types.ts';

export const CARRIERS = `${ROOT}/carriers`;
const KEY = 'evaluation';

/** the year the reviews look at by default: the last calendar year */
export const lastYear = () => bureauYear() - 1;

export function useCarriers(review: ReviewKind, year: number) {
  return useQuery({ queryKey: [KEY, 'carriers', review, year], queryFn: () => api.get<{ items: CarrierListItem[] }>(CARRIERS, { review, year }) });
}

export function useCarrierFigures(id: number | undefined, year: number) {
  return useQuery({ queryKey: [KEY, 'carrierFigures', id, year], queryFn: () => api.get<CarrierFigures>(`${CARRIERS}/${id}/figures/${year}`), enabled: !!id });
}

export function useMyCarrier() {
  return useQuery({ queryKey: [KEY, 'myCarrier'], queryFn: () => api.get<Carrier>(`${ROOT}/my-carrier`), retry: false });
}

/** the review's past runs (the performanceReview preset), newest first */
export function useReviewRuns() {
  return useQuery({ queryKey: [KEY, 'reviewRuns'], queryFn: () => api.get<{ items: RunListItem[] }>(`${ROOT}/runs`, { preset: 'performanceReview', sort: 'computedAt', order: 'descend', pageSize: 50 }) });
}

/** every write here changes the carriers list, its counts and the figures: refresh the room's queries */
export function useRefreshCarriers(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [KEY] });
}

function useCarrierMutation<I, O>(fn: (input: I) => Promise<O>) {
  const refresh = useRefreshCarriers();
  return useMutation({ mutationFn: fn, onSuccess: refresh });
}

export const useCreateCarrier = () => useCarrierMutation((body: CarrierCreate) => api.post<Carrier>(CARRIERS, body));
export const usePatchCarrier = () => useCarrierMutation(({ id, body }: { id: number; body: CarrierPatch }) => api.patch<Carrier>(`${CARRIERS}/${id}`, body));
export const useDeleteCarrier = () => useCarrierMutation((id: number) => api.delete<{ ok: true }>(`${CARRIERS}/${id}`));
export const useSaveFigures = () =>
  useCarrierMutation(({ id, year, body }: { id: number; year: number; body: FiguresPut }) => api.put<CarrierFigures>(`${CARRIERS}/${id}/figures/${year}`, body));
export const useImportCarriers = () =>
  useCarrierMutation(({ file, year, onProgress }: { file: File; year: number; onProgress?: (share: number) => void }) =>
    uploadFile<CarrierImportResult>(`${CARRIERS}/import?year=${year}`, file, { onProgress }),
  );
