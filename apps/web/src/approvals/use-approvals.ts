import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import { useTranslation } from 'react-i18next';

import type { PendingCompensation } from '../shared/api';
import { api, unwrap } from '../shared/api-client';

export interface Decision {
  item: PendingCompensation;
  decision: 'approve' | 'reject';
  note?: string;
}

/** The approval queue and the lead's two decisions on it. */
export function useApprovals() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const pending = useQuery({
    queryKey: ['compensations', 'pending'],
    queryFn: () => unwrap(api.GET('/api/compensations/pending')),
    refetchInterval: 30_000,
  });
  const decide = useMutation({
    mutationFn: ({ item, decision, note }: Decision) => {
      const path = { id: item.caseId, compensationId: item.id };
      const expectedVersion = item.caseVersion;
      return unwrap(
        decision === 'approve'
          ? api.POST('/api/cases/{id}/compensations/{compensationId}/approve', {
              params: { path },
              body: { expectedVersion, ...(note ? { note } : {}) },
            })
          : api.POST('/api/cases/{id}/compensations/{compensationId}/reject', {
              params: { path },
              body: { expectedVersion, note: note ?? '' },
            }),
      );
    },
    onSuccess: (_, { decision }) => {
      void message.success(t(decision === 'approve' ? 'approvals.approved' : 'approvals.rejected'));
      void client.invalidateQueries({ queryKey: ['compensations', 'pending'] });
    },
    onError: (error) => void message.error(error.message),
  });
  return { pending, decide };
}
