import type { BuyerType, MaliciousKind, Rating, RootCause, Severity } from '../shared/vocabulary';

/** A phrase of the review that made triage decide something, with where it sits in the text. */
export interface Evidence {
  readonly phrase: string;
  /** Offsets into the text triage was given (UTF-16 code units, as `String.prototype.slice`). */
  readonly start: number;
  readonly end: number;
  readonly rootCause: RootCause;
  readonly subCause: string | null;
  readonly weight: number;
}

export interface MaliciousSignal {
  readonly kind: MaliciousKind | 'boycott';
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
}

export interface ScoredCause {
  readonly rootCause: RootCause;
  readonly score: number;
}

/** What the shop knows of the buyer from its own orders and cases (no cross-shop data). */
export interface BuyerHistory {
  readonly orderCount: number;
  /** Neutral/negative reviews this buyer left the shop before this one. */
  readonly earlierComplaintCount: number;
  readonly compensationsReceived: number;
  /** Earlier cases of this buyer that were flagged malicious. */
  readonly maliciousFlagCount: number;
}

export interface TriageInput {
  readonly text: string;
  readonly rating: Rating;
  /** Follow-up review (追评), triaged together with the first text. */
  readonly followUpText?: string | null;
  readonly buyerHistory?: BuyerHistory | null;
  readonly orderAmountFen?: number | null;
}

export interface TriageResult {
  readonly rootCause: RootCause;
  readonly subCause: string | null;
  /** 0..1: how sure the lexicon (or, when it decided, the model) is; under 0.5 the agent should read carefully. */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  /**
   * Every cause that scored, best first (the top one is `rootCause`): lexicon weights, or the model's
   * probabilities when the model decided.
   */
  readonly alternatives: readonly ScoredCause[];
  /** The cause to offer when `rootCause` is wrong; null when there is none. */
  readonly secondCause: RootCause | null;
  /** The lexicon's phrases named one cause and the model another: the agent should read the review. */
  readonly disagreement: boolean;
  /** Which of the two chose `rootCause`: the lexicon when it was sure enough, else the model. */
  readonly decidedBy: 'lexicon' | 'model';
  readonly misclick: boolean;
  /** Positive phrases that made it look like a mis-click. */
  readonly misclickEvidence: readonly string[];
  readonly maliciousSignals: readonly MaliciousSignal[];
  readonly buyerType: BuyerType;
  readonly severity: Severity;
  /** Version of the lexicon that produced this result, so overrides can be traced to it. */
  readonly lexiconVersion: string;
  /** Version of the root-cause model beside it. */
  readonly modelVersion: string;
}
