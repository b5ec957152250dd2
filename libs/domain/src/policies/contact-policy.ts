import { TZDate } from '@date-fns/tz';
import { differenceInMinutes } from 'date-fns';

import type { CaseState } from '../case/case-state';
import { phoneCallCount } from '../case/case-state';
import { refusal, type Refusal } from '../refusals/refusal';
import type { ContactChannel } from '../shared/vocabulary';
import type { ClockTime, ContactPolicy, TimeWindow } from './policy-config';

const minutesOfDay = (time: ClockTime): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** True when `time` falls in the window; a window whose end is before its start wraps past midnight. */
export function isWithinWindow(minutes: number, window: TimeWindow): boolean {
  const start = minutesOfDay(window.start);
  const end = minutesOfDay(window.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * The legal line of quiet hours (DESIGN §4): a lead may widen the window, never shrink it below
 * this. The contact rule refuses inside it whatever the stored policy says.
 */
export const LEGAL_QUIET_HOURS: TimeWindow = { start: '21:00', end: '08:00' };

const MINUTES_PER_DAY = 24 * 60;

/** True when every minute of `inner` falls inside `outer` (either may wrap past midnight). */
export function windowCovers(outer: TimeWindow, inner: TimeWindow): boolean {
  for (let minute = 0; minute < MINUTES_PER_DAY; minute++) {
    if (isWithinWindow(minute, inner) && !isWithinWindow(minute, outer)) return false;
  }
  return true;
}

/** The quiet window `minutes` falls in — the configured one, else the legal line — or null. */
export function quietWindowAt(minutes: number, policy: ContactPolicy): TimeWindow | null {
  if (isWithinWindow(minutes, policy.quietHours)) return policy.quietHours;
  return isWithinWindow(minutes, LEGAL_QUIET_HOURS) ? LEGAL_QUIET_HOURS : null;
}

export function buyerLocalTime(at: Date, timeZone: string): { minutes: number; label: string } {
  const local = new TZDate(at.getTime(), timeZone);
  const hours = local.getHours();
  const minutes = local.getMinutes();
  return {
    minutes: hours * 60 + minutes,
    label: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`,
  };
}

/** The buyer's local time now: their time zone if the shop knows it, else the policy's default. */
export function buyerLocalTimeOf(
  state: CaseState,
  at: Date,
  policy: ContactPolicy,
): { minutes: number; label: string } {
  return buyerLocalTime(at, state.buyerTimeZone || policy.defaultBuyerTimeZone);
}

const OUTBOUND_INTRUSIVE: readonly ContactChannel[] = ['phone', 'sms'];

/**
 * May the agent contact this buyer over `channel` at `at`? Returns the first rule that says no.
 * Platform IM and messages are not bound by quiet hours: the buyer reads them when they choose.
 */
export function checkContactAllowed(
  state: CaseState,
  channel: ContactChannel,
  at: Date,
  policy: ContactPolicy,
): Refusal | null {
  if (state.buyerDoNotContact) return refusal('contact.do_not_contact');

  if (channel === 'phone') {
    const calls = phoneCallCount(state);
    if (calls >= policy.maxPhoneCallsPerCase) {
      return refusal('contact.phone_limit_reached', { attempt: calls + 1, max: policy.maxPhoneCallsPerCase });
    }
  }

  if (OUTBOUND_INTRUSIVE.includes(channel)) {
    const local = buyerLocalTimeOf(state, at, policy);
    const quiet = quietWindowAt(local.minutes, policy);
    if (quiet) return refusal('contact.quiet_hours', { localTime: local.label, start: quiet.start, end: quiet.end });
    if (channel === 'phone' && isWithinWindow(local.minutes, policy.lunchRest)) {
      return refusal('contact.lunch_rest', {
        localTime: local.label,
        start: policy.lunchRest.start,
        end: policy.lunchRest.end,
      });
    }
  }

  if (channel === 'phone') {
    const lastCall = [...state.contactAttempts].reverse().find((attempt) => attempt.channel === 'phone');
    if (lastCall) {
      const minutesSince = differenceInMinutes(at, lastCall.at);
      if (minutesSince < policy.minMinutesBetweenPhoneCalls) {
        return refusal('contact.too_soon', {
          minutesSince: Math.max(0, minutesSince),
          minMinutes: policy.minMinutesBetweenPhoneCalls,
        });
      }
    }
  }
  return null;
}
