import { useMutation, useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import { useTranslation } from 'react-i18next';

import { ME_QUERY } from '../auth/session';
import { api, unwrap } from '../shared/api-client';

import './i18n';

/** Puts an agent on or off shift; the signed-in user and the team's list are read again either way. */
export function useSetShift() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, onShift }: { userId: string; onShift: boolean }) =>
      unwrap(api.PUT('/api/users/{id}/on-shift', { params: { path: { id: userId } }, body: { onShift } })),
    onSuccess: (user) =>
      void message.success(
        t('shift.changed', { name: user.displayName, state: t(user.onShift ? 'shift.on' : 'shift.off') }),
      ),
    onError: (error) => void message.error(error.message),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ME_QUERY });
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
