import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { CONNECTABLE_PLATFORMS } from '@chaping/domain';

import { api, unwrap } from '../../shared/api-client';
import type { components } from '../../shared/api-schema';

/** A connection as the API shows it: never the app secret or the session key. */
export type Connection = components['schemas']['ConnectionDto'];
export type ConnectForm = components['schemas']['CreateConnectionDto'];
export type Shop = components['schemas']['ShopDto'];

/** Whether the API can connect the platform (the domain's list); the others are listed as not connectable. */
export const canConnect = (platform: string) => (CONNECTABLE_PLATFORMS as readonly string[]).includes(platform);
const CONNECTIONS = ['connections'];

/** The connections page's data: the caller's shops, their connections, and what can be done to them. */
export function useConnections() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: CONNECTIONS });
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const connections = useQuery({ queryKey: CONNECTIONS, queryFn: () => unwrap(api.GET('/api/connections')) });
  const connect = useMutation({
    mutationFn: ({ shopId, form }: { shopId: string; form: ConnectForm }) =>
      unwrap(api.POST('/api/shops/{shopId}/connection', { params: { path: { shopId } }, body: form })),
    onSuccess: refresh,
  });
  const pullNow = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/connections/{id}/pull', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/connections/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  /** Each shop with its live connection (a revoked one only when the shop has no live one). */
  const rows = (shops.data ?? []).map((shop) => {
    const ofShop = (connections.data ?? []).filter((connection) => connection.shopId === shop.id);
    return { shop, connection: ofShop.find((connection) => connection.status !== 'revoked') ?? ofShop[0] ?? null };
  });
  return { shops, connections, rows, connect, pullNow, revoke };
}
