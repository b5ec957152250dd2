import { useState } from 'react';

import { ROOT_CAUSES, type RootCause } from '@chaping/domain';

import { campaignHours, toHourlyOrders, type OrdersByHour } from './expected-orders';

/** The create form's values; times are ISO UTC of whole hours, rates are per hundred orders. */
export interface CampaignDraft {
  name: string;
  startsAt: string | null;
  endsAt: string | null;
  peakStartsAt: string | null;
  peakEndsAt: string | null;
  minutesPerCase: number;
  ratePercent: Partial<Record<RootCause, number>>;
  orders: OrdersByHour;
}

export const DEFAULT_MINUTES_PER_CASE = 12;

/** Starting rates per hundred orders, for a shop without history; the lead changes them. */
const DEFAULT_RATE_PERCENT: Partial<Record<RootCause, number>> = {
  product_quality: 0.8,
  not_as_described: 0.3,
  logistics_delay: 0.5,
  logistics_damage: 0.2,
  promotion_rules: 0.2,
};

const EMPTY: CampaignDraft = {
  name: '',
  startsAt: null,
  endsAt: null,
  peakStartsAt: null,
  peakEndsAt: null,
  minutesPerCase: DEFAULT_MINUTES_PER_CASE,
  ratePercent: DEFAULT_RATE_PERCENT,
  orders: {},
};

/** Rates as the forecast and the API take them: shares 0..1, causes left blank left out. */
export function negativeRateByCause(draft: CampaignDraft): Partial<Record<RootCause, number>> {
  return Object.fromEntries(
    ROOT_CAUSES.flatMap((cause) => {
      const percent = draft.ratePercent[cause];
      return percent === undefined || percent === null ? [] : [[cause, percent / 100]];
    }),
  );
}

/** The draft's hours and their orders (hours the dates no longer cover are dropped). */
export function draftHours(draft: CampaignDraft) {
  const hours = campaignHours(draft.startsAt, draft.endsAt);
  return { hours, expectedOrders: toHourlyOrders(draft.orders, hours) };
}

/** The create form's state: one draft, changed a field or a few at a time. */
export function useCampaignDraft() {
  const [draft, setDraft] = useState<CampaignDraft>(EMPTY);
  const change = (patch: Partial<CampaignDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const reset = () => setDraft(EMPTY);
  return { draft, change, reset };
}
