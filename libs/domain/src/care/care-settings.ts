import { refusal, type Refusal } from '../refusals/refusal';
import { CONTACT_CHANNELS, type ContactChannel } from '../shared/vocabulary';

/** Which orders a shop follows up after delivery, and when (DESIGN §7a). */
export interface CareSettings {
  enabled: boolean;
  /** Orders of buyers who never ordered from the shop before. */
  firstTimeBuyers: boolean;
  /** Orders paid above this many fen; null: not a reason. */
  highValueAboveFen: number | null;
  /** Orders of a product whose share of negative reviews last month is above this (0–1); null: not a reason. */
  skuNegativeRateAbove: number | null;
  /** Orders delivered after the promised time. */
  lateDeliveries: boolean;
  /** Days after delivery (sign-for) on which a care task falls due, e.g. [1, 7]. */
  scheduleDays: number[];
  /** The channels care may reach buyers on; a shop may leave out the phone, which interrupts. */
  channels: ContactChannel[];
}

export const DEFAULT_CARE_SETTINGS: CareSettings = {
  enabled: true,
  firstTimeBuyers: true,
  highValueAboveFen: 50_000,
  skuNegativeRateAbove: 0.05,
  lateDeliveries: true,
  scheduleDays: [1, 7],
  channels: ['im', 'platform_message', 'sms'],
};

/** Care is a follow-up, not a campaign: a few contacts within the month after delivery. */
export const MAX_CARE_DAY = 30;
export const MAX_CARE_CONTACTS = 3;

/** Settings a lead may save, or why not. */
export function checkCareSettings(settings: CareSettings): Refusal | null {
  const days = settings.scheduleDays;
  const validDays =
    days.length >= 1 &&
    days.length <= MAX_CARE_CONTACTS &&
    days.every((day) => Number.isInteger(day) && day >= 1 && day <= MAX_CARE_DAY) &&
    new Set(days).size === days.length;
  if (!validDays) return refusal('care.invalid_schedule', { max: MAX_CARE_CONTACTS, maxDay: MAX_CARE_DAY });
  const channels = settings.channels;
  const validChannels =
    channels.length >= 1 &&
    channels.every((channel) => (CONTACT_CHANNELS as readonly string[]).includes(channel)) &&
    new Set(channels).size === channels.length;
  if (!validChannels) return refusal('care.invalid_channels');
  const rate = settings.skuNegativeRateAbove;
  if (rate !== null && !(rate >= 0 && rate < 1)) return refusal('care.invalid_rate');
  const amount = settings.highValueAboveFen;
  if (amount !== null && !(Number.isInteger(amount) && amount > 0)) return refusal('compensation.invalid_amount');
  return null;
}
