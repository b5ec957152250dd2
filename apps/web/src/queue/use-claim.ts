import { useMutation, useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import { useTranslation } from 'react-i18next';

import { api, unwrap } from '../shared/api-client';

/**
 * Takes a pool case for the signed-in agent. When another agent was quicker the API answers 409
 * with words saying so; either way the lists are read again.
 */
export function useClaim() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (caseId: string) => unwrap(api.POST('/api/cases/{id}/claim', { params: { path: { id: caseId } } })),
    onSuccess: () => void message.success(t('claim.done')),
    onError: (error) => void message.error(error.message),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['case-counts'] });
    },
  });
}
