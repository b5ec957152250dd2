import { addBusinessDays, addDays, addHours } from 'date-fns';

import type { CaseState } from '../case/case-state';
import type { Policy } from '../policies/policy-config';
import type { Locale } from '../refusals/labels';
import type { Platform, Severity, Stage } from '../shared/vocabulary';

export interface ReviewClockInput {
  platform: Platform;
  severity: Severity;
  reviewedAt: Date;
}

/** Deadlines fixed at intake: every clock runs from the review, not from when a case was opened. */
export interface ReviewDeadlines {
  firstContactDueAt: Date;
  /** Before any pause; see `resolutionClock` for the deadline in force. */
  resolutionDueAt: Date;
  revisionWindowEndsAt: Date;
  followUpWindowEndsAt: Date;
  appealDeadlineAt: Date;
}

export function reviewDeadlines(input: ReviewClockInput, policy: Policy): ReviewDeadlines {
  const rules = policy.platforms[input.platform];
  return {
    firstContactDueAt: addHours(input.reviewedAt, policy.sla.firstContactHours[input.severity]),
    resolutionDueAt: addHours(input.reviewedAt, policy.sla.resolutionHours[input.severity]),
    revisionWindowEndsAt: addDays(input.reviewedAt, rules.revisionWindowDays),
    followUpWindowEndsAt: addDays(input.reviewedAt, rules.followUpWindowDays),
    appealDeadlineAt: addDays(input.reviewedAt, rules.appealWindowDays),
  };
}

/** Paused time so far, including a wait that is still going on at `now`. */
export function pausedMsAt(state: CaseState, now: Date): number {
  const ongoing = state.waiting ? Math.max(0, now.getTime() - state.waiting.since.getTime()) : 0;
  return state.pausedMs + ongoing;
}

/**
 * The resolution deadline moves out by the time the case spent waiting on the buyer
 * (call-back requested, return in transit); while it waits, the clock is visibly paused.
 */
export function resolutionClock(
  state: CaseState,
  policy: Policy,
  now: Date,
): { dueAt: Date; paused: boolean; pausedMs: number } {
  const pausedMs = pausedMsAt(state, now);
  const base = reviewDeadlines(state, policy).resolutionDueAt;
  return { dueAt: new Date(base.getTime() + pausedMs), paused: state.waiting !== null, pausedMs };
}

/**
 * Payout is due a number of business days (Mon–Fri) after approval.
 * Chinese public holidays and their make-up working days are not modelled yet.
 */
export function payoutDueAt(approvedAt: Date, policy: Policy): Date {
  return addBusinessDays(approvedAt, policy.compensation.payoutBusinessDays);
}

export function caseDeadlines(state: CaseState, policy: Policy, now: Date) {
  const fixed = reviewDeadlines(state, policy);
  const resolution = resolutionClock(state, policy, now);
  const unpaidDue = state.compensations
    .filter((compensation) => compensation.status === 'approved' && compensation.payoutDueAt)
    .map((compensation) => compensation.payoutDueAt as Date)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    ...fixed,
    firstContactMet: state.firstContactAt !== null,
    resolutionDueAt: resolution.dueAt,
    resolutionPaused: resolution.paused,
    pausedMs: resolution.pausedMs,
    nextPayoutDueAt: unpaidDue ?? null,
  };
}

/**
 * The moment the queue sorts by: an appeal by its filing deadline; otherwise, until the first
 * contact attempt, the first-contact deadline (overdue first contacts come first); after that,
 * the resolution deadline.
 */
export function urgencyAt(state: CaseState, policy: Policy, now: Date): Date {
  switch (urgencyKind(state)) {
    case 'appeal':
      return reviewDeadlines(state, policy).appealDeadlineAt;
    case 'firstContact':
      return reviewDeadlines(state, policy).firstContactDueAt;
    case 'resolution':
      return resolutionClock(state, policy, now).dueAt;
  }
}

export type UrgencyKind = 'firstContact' | 'resolution' | 'appeal';

/** Which deadline `urgencyAt` is, so a countdown can say what it counts down to. */
export function urgencyKind(state: { stage: Stage; firstContactAt: Date | string | null }): UrgencyKind {
  if (state.stage === 'appealing') return 'appeal';
  return state.firstContactAt === null ? 'firstContact' : 'resolution';
}

const URGENCY_LABELS: Readonly<Record<UrgencyKind, Readonly<Record<Locale, string>>>> = {
  firstContact: { 'zh-CN': '首次联系', en: 'First contact' },
  resolution: { 'zh-CN': '处理完成', en: 'Resolution' },
  appeal: { 'zh-CN': '申诉截止', en: 'Appeal deadline' },
};

export const urgencyKindLabel = (kind: UrgencyKind, locale: Locale): string => URGENCY_LABELS[kind][locale];
