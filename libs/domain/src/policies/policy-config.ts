import { DEFAULT_KPI_WEIGHTS, type KpiWeights } from '../reports/agent-kpis';
import type { CompensationType, Platform, Severity } from '../shared/vocabulary';
import type { AssignmentPolicy } from './assignment-policy';

/** A time of day as "HH:mm" in the buyer's own time zone. */
export type ClockTime = `${number}${number}:${number}${number}`;

export interface TimeWindow {
  start: ClockTime;
  end: ClockTime;
}

export interface ContactPolicy {
  maxPhoneCallsPerCase: number;
  minMinutesBetweenPhoneCalls: number;
  /** Phone and SMS are refused inside this window (it may wrap past midnight). */
  quietHours: TimeWindow;
  /** Phone calls only are refused inside this window. */
  lunchRest: TimeWindow;
  suggestedCallTime: ClockTime;
  /** Unanswered attempts, over any channel, after which the agent may go to a public reply. */
  attemptsBeforeGivingUp: number;
  defaultBuyerTimeZone: string;
}

export interface CompensationPolicy {
  /** Highest amount in fen an agent may give without a lead, by type and severity. */
  limitsFen: Record<CompensationType, Record<Severity, number>>;
  /** At most this many compensations per buyer per period without a lead's approval. */
  maxPerBuyerWithoutApproval: number;
  buyerPeriodDays: number;
  payoutBusinessDays: number;
}

export interface ReplyPolicy {
  maxLength: number;
}

export interface PlatformRules {
  /** A buyer may revise a neutral/negative review once within this many days. */
  revisionWindowDays: number;
  /** A follow-up review (追评) may be added within this many days. */
  followUpWindowDays: number;
  appealWindowDays: number;
  /** Whether the shop may ever ask the buyer to change a review (never with a benefit). */
  allowsRevisionRequest: boolean;
}

export interface SlaPolicy {
  firstContactHours: Record<Severity, number>;
  resolutionHours: Record<Severity, number>;
}

export interface Policy {
  contact: ContactPolicy;
  compensation: CompensationPolicy;
  reply: ReplyPolicy;
  sla: SlaPolicy;
  platforms: Record<Platform, PlatformRules>;
  assignment: AssignmentPolicy;
  privacy: PrivacyPolicy;
  kpi: KpiPolicy;
}

export interface KpiPolicy {
  /** Weights of the agents' composite score. */
  weights: KpiWeights;
}

export interface PrivacyPolicy {
  /** A buyer's phone, address and name are erased this many days after their last case closed. */
  retentionDaysAfterClose: number;
}

const limitsBySeverity = (low: number, medium: number, high: number, critical: number) => ({
  low,
  medium,
  high,
  critical,
});

export const DEFAULT_POLICY: Policy = {
  contact: {
    maxPhoneCallsPerCase: 3,
    minMinutesBetweenPhoneCalls: 120,
    quietHours: { start: '21:00', end: '09:00' },
    lunchRest: { start: '12:00', end: '13:30' },
    suggestedCallTime: '20:00',
    attemptsBeforeGivingUp: 3,
    defaultBuyerTimeZone: 'Asia/Shanghai',
  },
  compensation: {
    limitsFen: {
      coupon: limitsBySeverity(1000, 2000, 3000, 5000),
      cash: limitsBySeverity(500, 1000, 2000, 3000),
      gift: limitsBySeverity(1500, 3000, 5000, 8000),
      free_shipping: limitsBySeverity(1500, 1500, 1500, 1500),
      membership_upgrade: limitsBySeverity(0, 0, 1000, 2000),
      next_order_discount: limitsBySeverity(1000, 2000, 3000, 5000),
    },
    maxPerBuyerWithoutApproval: 1,
    buyerPeriodDays: 90,
    payoutBusinessDays: 3,
  },
  reply: { maxLength: 500 },
  sla: {
    firstContactHours: { low: 48, medium: 24, high: 12, critical: 4 },
    resolutionHours: { low: 168, medium: 120, high: 72, critical: 48 },
  },
  platforms: {
    taobao: { revisionWindowDays: 30, followUpWindowDays: 180, appealWindowDays: 30, allowsRevisionRequest: false },
    tmall: { revisionWindowDays: 30, followUpWindowDays: 180, appealWindowDays: 30, allowsRevisionRequest: false },
    jd: { revisionWindowDays: 30, followUpWindowDays: 180, appealWindowDays: 30, allowsRevisionRequest: false },
    pinduoduo: { revisionWindowDays: 30, followUpWindowDays: 90, appealWindowDays: 30, allowsRevisionRequest: false },
    douyin: { revisionWindowDays: 30, followUpWindowDays: 90, appealWindowDays: 30, allowsRevisionRequest: false },
  },
  assignment: { severityWeights: { low: 1, medium: 2, high: 3, critical: 5 } },
  privacy: { retentionDaysAfterClose: 180 },
  kpi: { weights: DEFAULT_KPI_WEIGHTS },
};

/**
 * A saved policy with the sections added since it was saved taken from the defaults, so a policy
 * saved by an older version keeps working after an upgrade.
 */
export function withPolicyDefaults(saved: Partial<Policy>): Policy {
  return { ...DEFAULT_POLICY, ...saved };
}
