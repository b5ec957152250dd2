import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { isSignedOut } from '../shared/api';
import { api, unwrap } from '../shared/api-client';

export const ME_QUERY = ['auth', 'me'] as const;

/** Who is signed in; `null` when nobody is (the session cookie is httpOnly, so the API is asked). */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/auth/me'));
      } catch (error) {
        if (isSignedOut(error)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await unwrap(api.POST('/api/auth/logout'));
    client.clear();
    client.setQueryData(ME_QUERY, null);
  };
}

/** Shows its children to a signed-in user and sends everyone else to the sign-in page. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading) return <Spin />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
