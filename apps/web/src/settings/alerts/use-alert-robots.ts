import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '../../shared/api-client';
import type { components } from '../../shared/api-schema';

/** A robot as the API shows it: the webhook's host only, never the webhook or the secret. */
export type Robot = components['schemas']['RobotDto'];
type RobotSettings = components['schemas']['ChangeRobotDto'];

/** The dialog's values; an empty webhook or secret keeps the stored one. */
export interface RobotForm extends RobotSettings {
  shopId: string;
}

/** The shop select's value for a robot that serves every shop (admins only). */
export const ALL_SHOPS = 'all';
const ROBOTS = ['alert-robots'];

/** Drops the write-only fields left empty, so the API keeps what it stored. */
function settingsToSend({ webhookUrl, secret, ...settings }: RobotSettings): RobotSettings {
  return {
    ...settings,
    ...(webhookUrl?.trim() ? { webhookUrl: webhookUrl.trim() } : {}),
    ...(secret?.trim() ? { secret: secret.trim() } : {}),
  };
}

/** The robots page's data: the caller's shops and robots, and what can be done to a robot. */
export function useAlertRobots() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ROBOTS });
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const robots = useQuery({ queryKey: ROBOTS, queryFn: () => unwrap(api.GET('/api/alerts/robots')) });

  const save = useMutation({
    mutationFn: ({ robot, values: { shopId, ...settings } }: { robot: Robot | null; values: RobotForm }) => {
      const body = settingsToSend(settings);
      return robot === null
        ? unwrap(api.POST('/api/alerts/robots', { body: { ...body, shopId: shopId === ALL_SHOPS ? null : shopId } }))
        : unwrap(api.PUT('/api/alerts/robots/{id}', { params: { path: { id: robot.id } }, body }));
    },
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/alerts/robots/{id}/test', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/alerts/robots/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return { shops, robots, save, test, remove };
}
