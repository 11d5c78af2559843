/** TanStack Query hooks for the market's push and follow-up (/api/market/matches, /leads, /follow-up). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@kechuang/platform-web';
import type { z } from 'zod';
import type { ZFollowUpFigures, ZLeadDetail, ZMarketLead, ZMarketMatch } from '../contract/follow-up.ts';
import type { LeadStatus } from '../contract/lead-stages.ts';

export type MarketMatch = z.infer<typeof ZMarketMatch>;
export type MarketLead = z.infer<typeof ZMarketLead>;
export type LeadDetail = z.infer<typeof ZLeadDetail>;
export type FollowUpFigures = z.infer<typeof ZFollowUpFigures>;

const KEY = 'market';

export interface MatchFilter {
  feedback?: 'useful' | 'notUseful' | 'none';
  lead?: 'with' | 'without';
  id?: number;
  page: number;
  pageSize: number;
}

export const useFollowUpMatches = (f: MatchFilter) =>
  useQuery({
    queryKey: [KEY, 'follow-up', 'matches', f],
    queryFn: () => api.get<{ items: MarketMatch[]; total: number }>('/api/market/matches', { ...f }),
    placeholderData: (previous) => previous,
  });

export const useLeads = () => useQuery({ queryKey: [KEY, 'follow-up', 'leads'], queryFn: () => api.get<{ items: MarketLead[] }>('/api/market/leads') });

export const useFollowUpFigures = (enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'follow-up', 'figures'], queryFn: () => api.get<FollowUpFigures>('/api/market/follow-up'), enabled });

/** every follow-up write changes the matches, the leads and the figures */
function useFollowUpMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }) });
}

export const useFeedback = () =>
  useFollowUpMutation(({ id, feedback }: { id: number; feedback: 'useful' | 'notUseful' }) =>
    api.post<MarketMatch>(`/api/market/matches/${id}/feedback`, { feedback }),
  );
export const useTakeLead = () => useFollowUpMutation((id: number) => api.post<LeadDetail>(`/api/market/matches/${id}/lead`, {}));
export const useMoveLead = () =>
  useFollowUpMutation(({ id, status, reason, contractId }: { id: number; status: LeadStatus; reason?: string; contractId?: number }) =>
    api.post<LeadDetail>(`/api/market/leads/${id}/move`, { status, ...(reason ? { reason } : {}), ...(contractId ? { contractId } : {}) }),
  );
