import type { BuyerType } from '../shared/vocabulary';
import type { BuyerHistory } from './triage-types';

/** From the shop's own records only; a lead can override the result on the case. */
export const BUYER_TYPE_THRESHOLDS = {
  /** One earlier case flagged malicious is enough to treat the buyer with care. */
  professionalMaliciousFlags: 1,
  /** …or a habit of complaining that has paid off. */
  professionalComplaints: 3,
  professionalCompensations: 2,
  repeatComplaints: 2,
  veteranOrders: 5,
} as const;

export function classifyBuyer(history: BuyerHistory | null | undefined): BuyerType {
  if (!history) return 'new_buyer';
  const limits = BUYER_TYPE_THRESHOLDS;
  if (
    history.maliciousFlagCount >= limits.professionalMaliciousFlags ||
    (history.earlierComplaintCount >= limits.professionalComplaints &&
      history.compensationsReceived >= limits.professionalCompensations)
  ) {
    return 'suspected_professional';
  }
  if (history.earlierComplaintCount >= limits.repeatComplaints) return 'repeat_complainer';
  if (history.orderCount >= limits.veteranOrders) return 'veteran';
  return 'new_buyer';
}
