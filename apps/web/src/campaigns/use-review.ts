import { useQuery } from '@tanstack/react-query';

import { api, unwrap } from '../shared/api-client';

export const reviewKey = (id: string) => ['campaign-review', id];

/** After the campaign: the forecast beside what came, hour by hour, and promotion-rule complaints per promotion. */
export function useCampaignReview(id: string) {
  return useQuery({
    queryKey: reviewKey(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/review', { params: { path: { id } } })),
  });
}

export type CampaignReview = NonNullable<ReturnType<typeof useCampaignReview>['data']>;

/** Forecast figures are fractional cases: the review shows them to a tenth, beside whole actual counts. */
export const tenth = (value: number) => Math.round(value * 10) / 10;
