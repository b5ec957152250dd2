import type { BuyerType, Platform, Rating, RootCause, Severity, TriageResult } from '@chaping/domain';

/** The shop an import writes into. */
export interface ShopRef {
  readonly id: string;
  readonly platform: Platform;
}

/** A review to store and open a case for, with its buyer, product and order and triage's first guesses. */
export interface OpenCaseInput {
  shopId: string;
  platform: Platform;
  buyer: {
    platformBuyerId: string;
    nickname: string;
    realName?: string | null;
    phone?: string | null;
    address?: string | null;
    timeZone?: string;
  };
  product?: { platformProductId: string; title: string } | null;
  order?: {
    platformOrderId: string;
    skuName?: string | null;
    orderedAt?: Date | null;
    amountFen?: number | null;
  } | null;
  review: {
    platformReviewId: string;
    rating: Rating;
    text: string;
    reviewedAt: Date;
    followUpText?: string | null;
    followUpAt?: Date | null;
    sellerReply?: string | null;
  };
  severity: Severity;
  suggestedRootCause: RootCause | null;
  suggestedSubCause?: string | null;
  buyerType?: BuyerType;
  misclick?: boolean;
  triage?: TriageResult | null;
  assigneeId?: string | null;
  source: string;
}

/** The case's starting point from a triage result: suggested cause, severity, buyer type, mis-click. */
export function triageFields(
  triage: TriageResult,
): Pick<OpenCaseInput, 'severity' | 'suggestedRootCause' | 'suggestedSubCause' | 'buyerType' | 'misclick' | 'triage'> {
  return {
    severity: triage.severity,
    suggestedRootCause: triage.rootCause,
    suggestedSubCause: triage.subCause,
    buyerType: triage.buyerType,
    misclick: triage.misclick,
    triage,
  };
}
