import type {
  AppealResult,
  BuyerType,
  CompensationStatus,
  CompensationType,
  ContactChannel,
  ContactOutcome,
  MaliciousKind,
  Platform,
  Rating,
  RemedyStatus,
  RemedyType,
  ReplyDelivery,
  ReplyFailure,
  ReplyStatus,
  ReplyTarget,
  ReviewOutcome,
  RootCause,
  Severity,
  Stage,
  WaitingReason,
} from '../shared/vocabulary';

export interface ContactAttempt {
  readonly id: string;
  readonly channel: ContactChannel;
  readonly outcome: ContactOutcome;
  readonly at: Date;
  readonly note: string | null;
  readonly actorId: string;
}

export interface Remedy {
  readonly id: string;
  readonly type: RemedyType;
  readonly status: RemedyStatus;
  readonly note: string | null;
  readonly updatedAt: Date;
}

/** Why a compensation needs a team lead before it may be paid. */
export type ApprovalReason = 'over_limit' | 'buyer_already_compensated';

export interface Compensation {
  readonly id: string;
  readonly type: CompensationType;
  readonly amountFen: number;
  readonly note: string;
  readonly status: CompensationStatus;
  readonly approvalReasons: readonly ApprovalReason[];
  readonly proposedAt: Date;
  readonly proposedBy: string;
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly decisionNote: string | null;
  readonly payoutDueAt: Date | null;
  readonly paidAt: Date | null;
}

export interface PublicReply {
  readonly id: string;
  readonly target: ReplyTarget;
  readonly text: string;
  readonly status: ReplyStatus;
  readonly draftedAt: Date;
  readonly publishedAt: Date | null;
  /** Null until publishing starts. */
  readonly delivery: ReplyDelivery | null;
  /** Why the platform refused it (status `refused`); the platform's own words kept beside ours. */
  readonly failure: { readonly reason: ReplyFailure; readonly platformMessage: string | null } | null;
}

export interface Appeal {
  readonly id: string;
  readonly kind: MaliciousKind;
  readonly evidenceRefs: readonly string[];
  readonly note: string | null;
  readonly filedAt: Date;
  readonly result: AppealResult | null;
  readonly resultNote: string | null;
  readonly resultAt: Date | null;
}

export interface CaseRecord {
  readonly productModel: string;
  readonly rootCause: RootCause;
  readonly actionsTaken: string;
  readonly outcome: ReviewOutcome;
  readonly specialNotes: string;
  readonly recordedAt: Date;
}

export type ReviewPlatformState = 'active' | 'revised' | 'deleted';

/** A team lead's quality check of a closed case's record (DESIGN §5: leads review the records). */
export interface QaReview {
  readonly apologised: boolean;
  readonly rootCauseConfirmed: boolean;
  readonly policyFollowed: boolean;
  readonly recordComplete: boolean;
  /** 0–100: the share of the checklist met. */
  readonly score: number;
  readonly comment: string | null;
  readonly reviewedBy: string;
  readonly reviewedAt: Date;
}

export interface Waiting {
  readonly reason: WaitingReason;
  readonly since: Date;
}

/**
 * Everything the workflow rules need to know about one case. Commands never
 * mutate it: they return a new state, reusing unchanged children by reference,
 * so a caller can tell what changed with a reference comparison.
 */
export interface CaseState {
  readonly id: string;
  readonly shopId: string;
  readonly platform: Platform;
  readonly stage: Stage;
  readonly rating: Rating;
  readonly severity: Severity;
  readonly reviewedAt: Date;
  readonly buyerId: string;
  /** Agent who has the case; null while it waits in its shop's pool. */
  readonly assigneeId: string | null;
  readonly buyerType: BuyerType;
  /** Triage (or an agent) thinks the buyer meant a positive review. */
  readonly misclick: boolean;
  readonly buyerTimeZone: string;
  readonly buyerDoNotContact: boolean;
  /** Real names known for this buyer (from the order); a public reply must never contain them. */
  readonly buyerKnownNames: readonly string[];
  readonly productModel: string | null;
  readonly hasFollowUp: boolean;
  /** The review as the platform shows it now: buyers revise, delete and reply to reviews. */
  readonly reviewState: ReviewPlatformState;
  /**
   * The seller's public reply the review carries on the platform — imported with the review, or
   * ours once published. Platforms allow one, so while it is set no other may be drafted.
   */
  readonly reviewSellerReply: string | null;
  readonly suggestedRootCause: RootCause | null;
  /** Triage's runner-up at intake: the cause one click takes when the suggestion is wrong. */
  readonly suggestedSecondCause: RootCause | null;
  /** At intake the lexicon's phrases named one cause and the model another. */
  readonly causeDisagreement: boolean;
  readonly rootCause: RootCause | null;
  readonly subCause: string | null;
  readonly rootCauseConfirmed: boolean;
  readonly maliciousKind: MaliciousKind | null;
  readonly contactAttempts: readonly ContactAttempt[];
  readonly firstContactAt: Date | null;
  readonly remedy: Remedy | null;
  readonly compensations: readonly Compensation[];
  readonly replies: readonly PublicReply[];
  readonly appeal: Appeal | null;
  readonly waiting: Waiting | null;
  /** Time the resolution clock has spent paused in finished waits. */
  readonly pausedMs: number;
  readonly revisionRequestedAt: Date | null;
  readonly reviewOutcome: ReviewOutcome | null;
  readonly record: CaseRecord | null;
  readonly closedFromStage: Stage | null;
  readonly qaReview: QaReview | null;
}

export const isClosed = (state: CaseState): boolean => state.stage === 'recorded';

/**
 * Lexicon and model disagreed on the cause and no one has settled it since: the cause is still the suggested one,
 * neither corrected nor confirmed with the buyer. The queue's flag is the same rule in SQL (cases.service).
 */
export const causeNeedsChecking = (state: CaseState): boolean =>
  state.causeDisagreement && !state.rootCauseConfirmed && state.rootCause === state.suggestedRootCause;

export const phoneCallCount = (state: CaseState): number =>
  state.contactAttempts.filter((attempt) => attempt.channel === 'phone').length;

export const hasReachedBuyer = (state: CaseState): boolean =>
  state.contactAttempts.some((attempt) => attempt.outcome === 'reached');

export const buyerRefusedContact = (state: CaseState): boolean =>
  state.buyerDoNotContact || state.contactAttempts.some((attempt) => attempt.outcome === 'refused');

export const unansweredAttemptCount = (state: CaseState): number =>
  state.contactAttempts.filter((attempt) => attempt.outcome !== 'reached').length;

export const publishedReply = (state: CaseState, target: 'review' | 'follow_up'): PublicReply | undefined =>
  state.replies.find((reply) => reply.target === target && reply.status === 'published');

/**
 * The review has its one public reply — ours, or one already on the platform — or is gone, so the
 * case has nothing left to reply to.
 */
export const publicReplyDone = (state: CaseState): boolean =>
  publishedReply(state, 'review') !== undefined || state.reviewSellerReply !== null || state.reviewState === 'deleted';

export const compensationAwaitingDecision = (state: CaseState): boolean =>
  state.compensations.some((compensation) => compensation.status === 'pending_approval');

/**
 * A case no compensation may ever be paid on (DESIGN §2 appealing, §4): flagged malicious on its
 * way to an appeal, or with `malicious` as its root cause — triage's suggestion until someone
 * overrides it, or the cause an agent confirmed. A wrong flag is lifted by overriding the cause.
 */
export const isMaliciousCase = (state: Pick<CaseState, 'maliciousKind' | 'rootCause'>): boolean =>
  state.maliciousKind !== null || state.rootCause === 'malicious';
