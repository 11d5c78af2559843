/** TanStack Query hooks for the registry API (/api/enterprises). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, listQueryKey } from '@kechuang/platform-web';
import type {
  Chain,
  ContactsInput,
  Doubling,
  EnterpriseInput,
  IpHolding,
  Profile,
  QualificationInput,
  RdInstitutionInput,
  RegistryActualsResult,
  UnitCounts,
  YearFigures,
} from './types.ts';

export const ROOT = '/api/enterprises';
const KEY = 'enterprises';

export function useProfile(id: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'profile', id],
    queryFn: () => api.get<Profile>(`${ROOT}/${id}`),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
  });
}

export function useChains() {
  return useQuery({ queryKey: [KEY, 'chains'], queryFn: () => api.get<{ items: Chain[] }>(`${ROOT}/chains`), staleTime: 5 * 60_000 });
}

export function useTierCounts(from: number, to: number) {
  return useQuery({
    queryKey: [KEY, 'tiers', from, to],
    queryFn: () => api.get<{ items: UnitCounts[] }>(`${ROOT}/tiers`, { from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useDoubling(region: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'doubling', region],
    queryFn: () => api.get<Doubling>(`${ROOT}/tiers/doubling`, { region }),
    placeholderData: keepPreviousData,
  });
}

/** after any write, the profile, the registry list, the work lists and the counts may all have changed */
function useInvalidateRegistry() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [KEY] }),
      queryClient.invalidateQueries({ queryKey: listQueryKey(ROOT) }),
      queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'list' && String(q.queryKey[1]).startsWith(`${ROOT}/lists/`) }),
    ]);
}

function useRegistryMutation<I, O>(fn: (input: I) => Promise<O>) {
  const invalidate = useInvalidateRegistry();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}

export const useCreateEnterprise = () => useRegistryMutation((input: EnterpriseInput) => api.post<{ id: number }>(ROOT, input));
export const useUpdateEnterprise = (id: number) => useRegistryMutation((input: EnterpriseInput) => api.put<{ ok: true }>(`${ROOT}/${id}`, input));
export const useUpdateContacts = (id: number) => useRegistryMutation((input: ContactsInput) => api.put<{ ok: true }>(`${ROOT}/${id}/contacts`, input));
export const useSaveYear = (id: number) =>
  useRegistryMutation(({ year, figures }: { year: number; figures: YearFigures }) =>
    api.put<{ source: string; confirmed: boolean }>(`${ROOT}/${id}/years/${year}`, figures),
  );
export const useConfirmYear = (id: number) => useRegistryMutation((year: number) => api.post<{ ok: true }>(`${ROOT}/${id}/years/${year}/confirm`));
export const useSetIp = (id: number) => useRegistryMutation((items: IpHolding[]) => api.put<{ ok: true }>(`${ROOT}/${id}/ip`, { items }));
export const useAddQualification = (id: number) =>
  useRegistryMutation((input: QualificationInput) => api.post<{ id: number }>(`${ROOT}/${id}/qualifications`, input));
export const useSetQualificationStatus = (id: number) =>
  useRegistryMutation(({ qualificationId, status }: { qualificationId: number; status: 'active' | 'revoked' }) =>
    api.put<{ ok: true }>(`${ROOT}/${id}/qualifications/${qualificationId}/status`, { status }),
  );
export const useAddRdInstitution = (id: number) =>
  useRegistryMutation((input: RdInstitutionInput) => api.post<{ id: number }>(`${ROOT}/${id}/rd-institutions`, input));
export const useDeleteRdInstitution = (id: number) =>
  useRegistryMutation((institutionId: number) => api.delete<{ ok: true }>(`${ROOT}/${id}/rd-institutions/${institutionId}`));

/** the registry's counts become computed indicator actuals: the monitoring views change too */
export function useWriteIndicatorActuals() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (years: { from: number; to: number }) => api.post<RegistryActualsResult>(`${ROOT}/tiers/indicator-actuals`, years),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['indicators'] }), queryClient.invalidateQueries({ queryKey: [KEY] })]),
  });
}
