import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';

import { api, unwrap } from '../shared/api-client';
import type { NewCampaign } from './CampaignForm';

export const campaignListKey = (shopId: string | undefined) => ['campaigns', shopId];

/**
 * The campaigns page's data: the caller's shops, the chosen shop's campaigns, the campaign opened
 * (shop and campaign are in the address, so a reload or a shared link shows the same) and creating one.
 */
export function useCampaigns() {
  const client = useQueryClient();
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const [search, setSearch] = useSearchParams();
  const chosenShopId = search.get('shopId') ?? undefined;
  const shopId = shops.data?.some((shop) => shop.id === chosenShopId) ? chosenShopId : shops.data?.[0]?.id;
  const campaignId = search.get('campaign') ?? undefined;
  const setShopId = (id: string) => setSearch({ shopId: id }, { replace: true });
  const open = (id: string | null) => setSearch(id && shopId ? { shopId, campaign: id } : shopId ? { shopId } : {});

  const list = useQuery({
    queryKey: campaignListKey(shopId),
    queryFn: () => unwrap(api.GET('/api/campaigns', { params: { query: { shopId: shopId ?? '' } } })),
    enabled: Boolean(shopId),
  });
  const create = useMutation({
    mutationFn: (campaign: NewCampaign) =>
      unwrap(api.POST('/api/campaigns', { body: { shopId: shopId ?? '', ...campaign } })),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: campaignListKey(shopId) });
      open(created.id);
    },
  });
  return { shops, shopId, setShopId, campaignId, open, list, create };
}
