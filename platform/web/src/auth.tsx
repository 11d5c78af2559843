/** The current user (GET /api/auth/me), login and logout, and the guards the shell wraps pages in. */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { ApiError, apiFetch, setUnauthenticatedHandler } from './api.ts';
import type { Role } from './roles.ts';
import type { z } from 'zod';
import type { ZActor, ZMe, ZRegionScope } from '@kechuang/platform-core/contract';

/** web pages serve region-scoped users; enterprise users get their own pages with the enterprise room */
export type Scope = z.infer<typeof ZRegionScope>;
export type CurrentUser = Omit<z.infer<typeof ZActor>, 'scope'> & { scope: Scope };
export type Session = Omit<z.infer<typeof ZMe>, 'user' | 'scope'> & { user: CurrentUser; scope: Scope };

interface AuthValue {
  user: CurrentUser | null;
  isLoading: boolean;
  login: (username: string, password: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
  hasRole: (...roles: readonly Role[]) => boolean;
}

const ME_KEY = ['auth', 'me'] as const;
const AuthContext = createContext<AuthValue | null>(null);

async function fetchMe(): Promise<Session | null> {
  try {
    return await apiFetch<Session>('/api/auth/me', { isAuthCall: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false });

  useEffect(() => {
    // an expired session anywhere: forget the user; RequireAuth then shows the login page
    setUnauthenticatedHandler(() => queryClient.setQueryData(ME_KEY, null));
  }, [queryClient]);

  const value = useMemo<AuthValue>(() => {
    const user = me.data?.user ?? null;
    return {
      user,
      isLoading: me.isLoading,
      hasRole: (...roles) => !!user && roles.includes(user.role),
      login: async (username, password) => {
        const session = await apiFetch<Session>('/api/auth/login', { method: 'POST', body: { username, password }, isAuthCall: true });
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        queryClient.setQueryData(ME_KEY, session);
        return session.user;
      },
      logout: async () => {
        try {
          await apiFetch('/api/auth/logout', { method: 'POST', isAuthCall: true });
        } finally {
          // keep the `me` query (its observer stays mounted) and drop everything the user could see
          queryClient.setQueryData(ME_KEY, null);
          queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        }
      },
    };
  }, [me.data, me.isLoading, queryClient]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** the signed-in user; only for pages rendered inside RequireAuth */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser without a signed-in user');
  return user;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <FullPageSpin />;
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
