import { useQuery } from '@tanstack/react-query';

import { SHOP_TIME_ZONE } from '@chaping/domain';

import { api, unwrap } from '../shared/api-client';

export const forecastKey = (id: string) => ['campaign-forecast', id];

/** The server's forecast of one campaign: cases and agents per hour, its basis, and the roster. */
export function useForecast(id: string) {
  return useQuery({
    queryKey: forecastKey(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/forecast', { params: { path: { id } } })),
  });
}

export type CampaignForecast = NonNullable<ReturnType<typeof useForecast>['data']>;

const parts = (iso: string) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: SHOP_TIME_ZONE,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  ) as Record<'month' | 'day' | 'hour' | 'minute', string>;

/** "MM-DD HH:mm" in the shop's time. */
export function shopTime(iso: string): string {
  const { month, day, hour, minute } = parts(iso);
  return `${month}-${day} ${hour}:${minute}`;
}

/** "YYYY-MM-DD": the shop's calendar day of a time. */
export const shopDay = (iso: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: SHOP_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

/** "MM-DD HH:mm – HH:mm" (or the end's day too when it differs) in the shop's time. */
export function shopSpan(start: string, end: string): string {
  const from = shopTime(start);
  const to = shopTime(end);
  return from.slice(0, 5) === to.slice(0, 5) || to.endsWith('00:00') ? `${from} – ${to.slice(6)}` : `${from} – ${to}`;
}

/** The delay after which most reviews come, in whole hours. */
export const commonestDelay = (delay: CampaignForecast['reviewDelay']) =>
  delay.reduce((best, each) => (each.share > best.share ? each : best), { afterHours: 0, share: -1 }).afterHours;
