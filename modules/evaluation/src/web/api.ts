/** TanStack Query hooks for the evaluation API (/api/evaluation). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, listQueryKey, uploadFile, type UploadCallbacks } from '@kechuang/platform-web';
import type {
  EntityBreakdown,
  PresetCode,
  PresetInfo,
  PresetScheme,
  PublishedList,
  PublishedSummary,
  RawScheme,
  RerunResponse,
  Run,
  RunCreate,
  RunListItem,
  RunSourceInput,
  SchemeDetail,
  SchemeInput,
  Sensitivity,
  ValidateResponse,
  WeightsResponse,
} from './types.ts';

export const ROOT = '/api/evaluation';
const KEY = 'evaluation';

export function usePresets() {
  return useQuery({ queryKey: [KEY, 'presets'], queryFn: () => api.get<{ items: PresetInfo[] }>(`${ROOT}/presets`), staleTime: 5 * 60_000 });
}

/** the presets' documented schemes, read-only (leadership, towns, both performance reviews) */
export function usePresetSchemes() {
  return useQuery({ queryKey: [KEY, 'presetSchemes'], queryFn: () => api.get<{ items: PresetScheme[] }>(`${ROOT}/preset-schemes`), staleTime: 5 * 60_000 });
}

export function useSchemes(preset?: PresetCode | 'upload') {
  return useQuery({
    queryKey: [KEY, 'schemes', preset],
    queryFn: () => api.get<{ items: { id: number; name: string; preset: PresetCode | null }[] }>(`${ROOT}/schemes`, { preset, pageSize: 500, sort: 'name' }),
  });
}

export function useScheme(id: number | undefined) {
  return useQuery({ queryKey: [KEY, 'scheme', id], queryFn: () => api.get<SchemeDetail>(`${ROOT}/schemes/${id}`), enabled: id !== undefined && id > 0 });
}

export function useRun(id: number) {
  return useQuery({ queryKey: [KEY, 'run', id], queryFn: () => api.get<Run>(`${ROOT}/runs/${id}`), enabled: Number.isInteger(id) && id > 0 });
}

export function useSensitivity(id: number, enabled = true) {
  return useQuery({ queryKey: [KEY, 'sensitivity', id], queryFn: () => api.get<Sensitivity>(`${ROOT}/runs/${id}/sensitivity`), enabled: enabled && id > 0 });
}

export function useBreakdown(id: number, entityId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'breakdown', id, entityId],
    queryFn: () => api.get<EntityBreakdown>(`${ROOT}/runs/${id}/entities/${encodeURIComponent(entityId!)}`),
    enabled: id > 0 && !!entityId,
  });
}

export function usePublished(preset?: PresetCode) {
  return useQuery({ queryKey: [KEY, 'published', preset], queryFn: () => api.get<{ items: PublishedSummary[] }>(`${ROOT}/published`, { preset }) });
}

export function usePublishedList(runId: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'publishedList', runId],
    queryFn: () => api.get<PublishedList>(`${ROOT}/published/${runId}`),
    enabled: !!runId,
    placeholderData: keepPreviousData,
  });
}

/** 绩效评价's past runs (the performanceReview preset), newest first */
export function useReviewRuns() {
  return useQuery({
    queryKey: [KEY, 'reviewRuns'],
    queryFn: () => api.get<{ items: RunListItem[] }>(`${ROOT}/runs`, { preset: 'performanceReview', sort: 'computedAt', order: 'descend', pageSize: 50 }),
  });
}

/** after a write: the runs and schemes lists, the run pages and the published lists */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [KEY] }),
      queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === listQueryKey(ROOT)[0] && String(q.queryKey[1]).startsWith(ROOT) }),
    ]);
}

function useEvaluationMutation<I, O>(fn: (input: I) => Promise<O>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}

export const useCreateRun = () => useEvaluationMutation((body: RunCreate) => api.post<{ id: number }>(`${ROOT}/runs`, body));
export const useUploadRun = () =>
  useEvaluationMutation(({ file, query, callbacks }: { file: File; query: Record<string, string | number | undefined>; callbacks?: UploadCallbacks }) => {
    const search = new URLSearchParams(
      Object.entries(query)
        .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
        .map(([k, v]) => [k, String(v)]),
    );
    return uploadFile<{ id: number }>(`${ROOT}/runs/upload?${search.toString()}`, file, callbacks);
  });
export const useRerun = () => useEvaluationMutation((id: number) => api.post<RerunResponse>(`${ROOT}/runs/${id}/rerun`));
export const usePublish = () =>
  useEvaluationMutation(({ id, supersede = false }: { id: number; supersede?: boolean }) =>
    api.post<{ count: number; superseded: number | null }>(`${ROOT}/runs/${id}/publish`, { supersede }),
  );
export const useWithdraw = () =>
  useEvaluationMutation(({ id, reason }: { id: number; reason: string }) => api.post<{ status: 'withdrawn' }>(`${ROOT}/runs/${id}/withdraw`, { reason }));
export const useSaveScheme = () =>
  useEvaluationMutation(({ id, input }: { id?: number; input: SchemeInput }) =>
    id ? api.put<{ id: number; warnings: string[] }>(`${ROOT}/schemes/${id}`, input) : api.post<{ id: number; warnings: string[] }>(`${ROOT}/schemes`, input),
  );
export const useDeleteScheme = () => useEvaluationMutation((id: number) => api.delete<{ ok: true }>(`${ROOT}/schemes/${id}`));

/** checks without saving: the server's parseScheme and the preset's columns */
export const useValidateScheme = () =>
  useMutation({ mutationFn: (body: { scheme: RawScheme; preset: PresetCode | null }) => api.post<ValidateResponse>(`${ROOT}/schemes/validate`, body) });
export const usePreviewWeights = () =>
  useMutation({
    mutationFn: (body: { scheme: RawScheme; source: RunSourceInput | { kind: 'run'; runId: number } }) => api.post<WeightsResponse>(`${ROOT}/weights`, body),
  });
