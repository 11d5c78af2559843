/** TanStack Query hooks for /api/tech-contracts. Every write refreshes the room's queries and the lists. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, listQueryKey } from '@kechuang/platform-web';
import type { ContractInput, Correction, InstalmentInput, Refusal, Stats, StatsBy, TechContractDetail } from './types.ts';

export const ROOT = '/api/tech-contracts';
const KEY = 'techContracts';

export function useContract(id: number, enabled = true) {
  return useQuery({ queryKey: [KEY, 'contract', id], queryFn: () => api.get<TechContractDetail>(`${ROOT}/${id}`), retry: false, enabled });
}

export function useStats(by: StatsBy) {
  return useQuery({ queryKey: [KEY, 'stats', by], queryFn: () => api.get<Stats>(`${ROOT}/stats`, { by }) });
}

export function useRefreshContracts(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: [KEY] }), queryClient.invalidateQueries({ queryKey: listQueryKey(ROOT) })]);
  };
}

function useContractMutation<I>(fn: (input: I) => Promise<TechContractDetail>) {
  const refresh = useRefreshContracts();
  return useMutation({ mutationFn: fn, onSuccess: refresh });
}

export const useSubmitContract = () => useContractMutation((body: ContractInput) => api.post<TechContractDetail>(ROOT, body));
export const useEditContract = () =>
  useContractMutation(({ id, body }: { id: number; body: ContractInput }) => api.put<TechContractDetail>(`${ROOT}/${id}`, body));
export const useDecision = () =>
  useContractMutation(({ id, action, body }: { id: number; action: 'register' | 'refuse' | 'return' | 'resubmit' | 'deregister'; body?: object | Refusal }) =>
    api.post<TechContractDetail>(`${ROOT}/${id}/${action}`, body ?? {}),
  );
export const useCorrect = () =>
  useContractMutation(({ id, body }: { id: number; body: Correction }) => api.post<TechContractDetail>(`${ROOT}/${id}/correct`, body));
export const useAddInstalment = () =>
  useContractMutation(({ id, body }: { id: number; body: InstalmentInput }) => api.post<TechContractDetail>(`${ROOT}/${id}/instalments`, body));
