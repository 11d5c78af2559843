/** The to-do inbox (GET /api/todos), asked again every two minutes and after the user comes back to the tab. */
import { useQuery } from '@tanstack/react-query';
import type { Todos } from '@kechuang/platform-core';
import { api } from '../api.ts';

export function useTodos() {
  return useQuery({ queryKey: ['todos'], queryFn: () => api.get<Todos>('/api/todos'), refetchInterval: 120_000, staleTime: 30_000 });
}
