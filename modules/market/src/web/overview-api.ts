/** TanStack Query hook for the market's page for leaders and the cockpit's market card (/api/market/overview). */
import { useQuery } from '@tanstack/react-query';
import { api } from '@kechuang/platform-web';
import type { MarketOverview, OverviewFigures } from '../contract/overview.ts';

export type { MarketOverview, OverviewFigures };

export interface OverviewPeriod {
  from?: string;
  to?: string;
}

export const useMarketOverview = (p: OverviewPeriod, enabled = true) =>
  useQuery({
    queryKey: ['market', 'overview', p],
    queryFn: () => api.get<MarketOverview>('/api/market/overview', { ...p }),
    placeholderData: (previous) => previous,
    enabled,
  });
