import { addHours, differenceInMinutes } from 'date-fns';

import { buyerLocalTime, isWithinWindow, quietWindowAt } from '../policies/contact-policy';
import type { ContactPolicy } from '../policies/policy-config';
import { refusal, type Refusal } from '../refusals/refusal';
import type { ContactChannel } from '../shared/vocabulary';

/** At most one proactive care message per buyer in this many hours, across all their care tasks. */
export const CARE_MESSAGE_GAP_HOURS = 24;

export interface CareContactInput {
  readonly buyer: { readonly doNotContact: boolean; readonly timeZone: string | null };
  readonly channel: ContactChannel;
  readonly at: Date;
  /** When the shop last sent this buyer a proactive care message, on any care task. */
  readonly lastCareMessageAt: Date | null;
}

/**
 * May a care message go to this buyer now? The case contact rules (do-not-contact, quiet hours,
 * lunch rest) apply as they are, and on top the platforms' cap on invitations: one proactive
 * message per buyer per 24 hours.
 */
export function checkCareContact(input: CareContactInput, policy: ContactPolicy): Refusal | null {
  if (input.buyer.doNotContact) return refusal('contact.do_not_contact');
  if (input.channel === 'phone' || input.channel === 'sms') {
    const local = buyerLocalTime(input.at, input.buyer.timeZone || policy.defaultBuyerTimeZone);
    const quiet = quietWindowAt(local.minutes, policy);
    if (quiet) return refusal('contact.quiet_hours', { localTime: local.label, start: quiet.start, end: quiet.end });
    if (input.channel === 'phone' && isWithinWindow(local.minutes, policy.lunchRest)) {
      return refusal('contact.lunch_rest', {
        localTime: local.label,
        start: policy.lunchRest.start,
        end: policy.lunchRest.end,
      });
    }
  }
  if (input.lastCareMessageAt) {
    const nextAt = addHours(input.lastCareMessageAt, CARE_MESSAGE_GAP_HOURS);
    if (input.at < nextAt) {
      return refusal('care.frequency_cap', {
        hoursSince: Math.floor(Math.max(0, differenceInMinutes(input.at, input.lastCareMessageAt)) / 60),
        gapHours: CARE_MESSAGE_GAP_HOURS,
        nextAt: nextAt.toISOString(),
      });
    }
  }
  return null;
}
