import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

import { checkCareSettings, type CareSettings } from '@chaping/domain';

import { api, unwrap } from '../../shared/api-client';

const settingsKey = (shopId: string | undefined) => ['care-settings', shopId];

/**
 * The care settings page's data: the caller's shops, the chosen shop's settings as a draft the
 * lead edits, the domain's verdict on the draft (the same check the API makes) and saving it.
 */
export function useCareSettings() {
  const client = useQueryClient();
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  // The shop is in the address, so that a reload or a shared link shows the same shop.
  const [search, setSearch] = useSearchParams();
  const chosenShopId = search.get('shopId') ?? undefined;
  const setShopId = (id: string) => setSearch({ shopId: id }, { replace: true });
  const shopId = shops.data?.some((shop) => shop.id === chosenShopId) ? chosenShopId : shops.data?.[0]?.id;
  const stored = useQuery({
    queryKey: settingsKey(shopId),
    queryFn: () => unwrap(api.GET('/api/care/settings', { params: { query: { shopId: shopId ?? '' } } })),
    enabled: Boolean(shopId),
  });
  const [draft, setDraft] = useState<CareSettings | null>(null);
  useEffect(() => setDraft(stored.data ?? null), [stored.data]);

  const save = useMutation({
    mutationFn: (settings: CareSettings) =>
      unwrap(api.PUT('/api/care/settings', { params: { query: { shopId: shopId ?? '' } }, body: settings })),
    onSuccess: (saved) => client.setQueryData(settingsKey(shopId), saved),
  });

  const change = (patch: Partial<CareSettings>) => {
    save.reset();
    setDraft((current) => (current ? { ...current, ...patch } : current));
  };
  const problem = draft ? checkCareSettings(draft) : null;
  const changed = draft !== null && JSON.stringify(draft) !== JSON.stringify(stored.data);
  return { shops, shopId, setShopId, stored, draft, change, problem, changed, save };
}
