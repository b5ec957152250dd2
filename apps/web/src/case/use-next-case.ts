import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { queueHref } from '../queue/queue-href';
import { fetchNextCaseId } from './case-queries';

/** Opens the most urgent case after this one, or the queue when none is left. */
export function useOpenNextCase(currentId: string) {
  const navigate = useNavigate();
  const client = useQueryClient();
  return async () => {
    const next = await client.fetchQuery({
      queryKey: ['cases', 'next-after', currentId],
      queryFn: () => fetchNextCaseId(currentId),
      staleTime: 0,
    });
    void navigate(next ? `/cases/${next}` : queueHref());
  };
}
