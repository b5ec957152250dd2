import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '../shared/api-client';
import { forecastKey } from './use-forecast';

export const adoptedRosterKey = (id: string) => ['campaign-roster', id];

/** The roster a lead adopted for the campaign, and adopting the forecast's roster (it then refreshes). */
export function useAdoptedRoster(id: string) {
  const client = useQueryClient();
  const path = { params: { path: { id } } };
  const adopted = useQuery({
    queryKey: adoptedRosterKey(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/roster', path)),
  });
  const adopt = useMutation({
    mutationFn: () => unwrap(api.POST('/api/campaigns/{id}/roster', path)),
    onSuccess: (roster) => client.setQueryData(adoptedRosterKey(id), roster),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: adoptedRosterKey(id) });
      void client.invalidateQueries({ queryKey: forecastKey(id) });
    },
  });
  return { adopted, adopt };
}

export type AdoptedShift = NonNullable<ReturnType<typeof useAdoptedRoster>['adopted']['data']>['shifts'][number];
