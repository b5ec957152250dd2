import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { PromotionAcknowledgement, PromotionSignOffStep } from '@chaping/domain';

import { api, unwrap } from '../shared/api-client';
import type { Promotion } from './promotion';

export const campaignKey = (id: string) => ['campaign', id];

/** Everything one campaign's page reads and does: its detail, promotions, quiz and forecast. */
export function useCampaign(id: string) {
  const client = useQueryClient();
  const path = { params: { path: { id } } };
  const detail = useQuery({ queryKey: campaignKey(id), queryFn: () => unwrap(api.GET('/api/campaigns/{id}', path)) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: campaignKey(id) });
    void client.invalidateQueries({ queryKey: ['campaigns'] });
  };

  const addPromotion = useMutation({
    mutationFn: (body: { title: string; wording: string }) =>
      unwrap(api.POST('/api/campaigns/{id}/promotions', { ...path, body })),
    onSuccess: refresh,
  });
  const onPromotion = (promotion: Promotion) => ({ params: { path: { id, promotionId: promotion.id } } });
  const changeWording = useMutation({
    mutationFn: ({ promotion, wording }: { promotion: Promotion; wording: string }) =>
      unwrap(
        api.PUT('/api/campaigns/{id}/promotions/{promotionId}', {
          ...onPromotion(promotion),
          body: { wording, version: promotion.version },
        }),
      ),
    onSettled: refresh,
  });
  const sign = useMutation({
    mutationFn: (input: {
      promotion: Promotion;
      step: PromotionSignOffStep;
      acknowledgements: PromotionAcknowledgement[];
    }) =>
      unwrap(
        api.POST('/api/campaigns/{id}/promotions/{promotionId}/sign-offs', {
          ...onPromotion(input.promotion),
          body: {
            step: input.step,
            version: input.promotion.version,
            ...(input.acknowledgements.length > 0 ? { acknowledgements: input.acknowledgements } : {}),
          },
        }),
      ),
    onSettled: refresh,
  });

  return { detail, refresh, addPromotion, changeWording, sign };
}
