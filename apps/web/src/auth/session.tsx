import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';

import { getJson, isSignedOut, postJson, type Me } from '../shared/api';

export const ME_QUERY = ['auth', 'me'] as const;

/** Who is signed in; `null` when nobody is (the session cookie is httpOnly, so the API is asked). */
export function useMe() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ME_QUERY,
    queryFn: async () => {
      try {
        return await getJson<Me>('/api/auth/me', i18n.language);
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
  const { i18n } = useTranslation();
  return async () => {
    await postJson('/api/auth/logout', {}, i18n.language);
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
