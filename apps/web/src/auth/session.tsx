import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler, unwrap } from '../api/client';
import type { components } from '../api/schema.gen';
import { ApiError } from '../lib/problem';

export type User = components['schemas']['UserResponse'];
export type Role = User['role'];

interface Session {
  user: User | null;
  loading: boolean;
  login: (email: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const ME = ['me'] as const;

/** Who is signed in, from `GET /me` with the session cookie; login and logout through the API, which sets and clears the cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ME,
    queryFn: async (): Promise<User | null> => {
      try {
        return await unwrap(api.GET('/api/v1/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (queryClient.getQueryData(ME)) {
        // Keep the session query (now null) so the header and the areas react; drop everything else.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME[0] });
        queryClient.setQueryData(ME, null);
      }
    });
  }, [queryClient]);

  const loginMutation = useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (answer) => {
      queryClient.clear();
      queryClient.setQueryData(ME, answer.user);
    },
  });
  const logoutMutation = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout' as never)),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(ME, null);
    },
  });

  const session: Session = {
    user: me.data ?? null,
    loading: me.isPending,
    login: async (email, password) => (await loginMutation.mutateAsync({ email, password })).user,
    logout: async () => {
      await logoutMutation.mutateAsync();
    },
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Where each role starts after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'applicant':
      return '/applicant';
    case 'commission':
      return '/commission';
    case 'officer':
      return '/officer';
    case 'budget':
      return '/budget';
    case 'admin':
      return '/administration';
  }
}
