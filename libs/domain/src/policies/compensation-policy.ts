import { subDays } from 'date-fns';

import { isMaliciousCase, type ApprovalReason, type CaseState } from '../case/case-state';
import { findReviewLink } from '../compliance/rules';
import { refusal, type Refusal } from '../refusals/refusal';
import type { CompensationType } from '../shared/vocabulary';
import type { CompensationPolicy } from './policy-config';

export interface CompensationOffer {
  type: CompensationType;
  amountFen: number;
  note: string;
}

/** How many compensations this buyer already received, on any case, within the policy period. */
export interface BuyerCompensationHistory {
  compensationsInPeriod: number;
}

/** Where the period of BuyerCompensationHistory starts: `buyerPeriodDays` back from now. */
export function buyerCompensationPeriodStart(now: Date, policy: CompensationPolicy): Date {
  return subDays(now, policy.buyerPeriodDays);
}

export function compensationLimitFen(state: CaseState, type: CompensationType, policy: CompensationPolicy): number {
  return policy.limitsFen[type][state.severity];
}

/**
 * Either a refusal (the offer may never be made) or the reasons a team lead must approve it first
 * (an empty list means the agent may go ahead).
 */
export function evaluateCompensation(
  state: CaseState,
  offer: CompensationOffer,
  history: BuyerCompensationHistory,
  policy: CompensationPolicy,
): Refusal | { approvalReasons: ApprovalReason[] } {
  if (isMaliciousCase(state)) return refusal('compensation.malicious_case');
  if (!Number.isSafeInteger(offer.amountFen) || offer.amountFen <= 0) return refusal('compensation.invalid_amount');
  const reviewLink = findReviewLink(offer.note);
  if (reviewLink !== null)
    return refusal('compensation.tied_to_review', { phrase: reviewLink.phrase, rule: reviewLink.ruleId });

  const approvalReasons: ApprovalReason[] = [];
  if (offer.amountFen > compensationLimitFen(state, offer.type, policy)) approvalReasons.push('over_limit');
  const earlierOnThisCase = state.compensations.filter((c) => c.status !== 'rejected').length;
  if (history.compensationsInPeriod + earlierOnThisCase >= policy.maxPerBuyerWithoutApproval) {
    approvalReasons.push('buyer_already_compensated');
  }
  return { approvalReasons };
}
