import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  APPEAL_RESULTS,
  BUYER_TYPES,
  CASE_EVENT_TYPES,
  COMPENSATION_STATUSES,
  COMPENSATION_TYPES,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  MALICIOUS_KINDS,
  PLATFORMS,
  RATINGS,
  REMEDY_STATUSES,
  REMEDY_TYPES,
  REPLY_DELIVERIES,
  REPLY_FAILURES,
  REPLY_STATUSES,
  REPLY_TARGETS,
  REVIEW_OUTCOMES,
  ROOT_CAUSES,
  SEVERITIES,
  STAGES,
  WAITING_REASONS,
  type ReplyDelivery,
  type ReplyFailure,
} from '@chaping/domain';

export class BuyerCardDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Platform nickname (not personal data)' }) nickname!: string;
  @ApiProperty({ nullable: true, type: String, example: '138****5678', description: 'Masked' }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '浙江省杭州市****', description: 'Masked' }) address!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '张*', description: 'Masked' }) realName!: string | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty() doNotContact!: boolean;
}

export class OrderCardDto {
  @ApiProperty({ description: 'Platform order id, as a string (may exceed 2^53)' }) platformOrderId!: string;
  @ApiProperty({ nullable: true, type: String }) skuName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) orderedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'fen' }) amountFen!: number | null;
}

export class ProductCardDto {
  @ApiProperty() title!: string;
  @ApiProperty() platformProductId!: string;
}

export class ReviewCardDto {
  @ApiProperty() platformReviewId!: string;
  @ApiProperty({ enum: RATINGS }) rating!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
  @ApiProperty({ nullable: true, type: String }) followUpText!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) followUpAt!: string | null;
  @ApiProperty({ enum: ['active', 'revised', 'deleted'] }) platformState!: string;
  @ApiProperty({ enum: ['positive', 'neutral', 'negative'], description: 'The rating the platform shows now' })
  currentRating!: string;
  @ApiProperty({ nullable: true, type: String }) sellerReply!: string | null;
}

export class DeadlinesDto {
  @ApiProperty({ format: 'date-time' }) firstContactDueAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstContactAt!: string | null;
  @ApiProperty({ format: 'date-time' }) resolutionDueAt!: string;
  @ApiProperty({ description: 'The resolution clock is paused while the case waits on the buyer' })
  resolutionPaused!: boolean;
  @ApiProperty({ description: 'Milliseconds the resolution clock has been paused' }) pausedMs!: number;
  @ApiProperty({ format: 'date-time' }) revisionWindowEndsAt!: string;
  @ApiProperty({ format: 'date-time' }) followUpWindowEndsAt!: string;
  @ApiProperty({ format: 'date-time' }) appealDeadlineAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextPayoutDueAt!: string | null;
}

export class WaitingDto {
  @ApiProperty({ enum: WAITING_REASONS }) reason!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class ContactAttemptDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel!: string;
  @ApiProperty({ enum: CONTACT_OUTCOMES }) outcome!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() actorId!: string;
}

export class RemedyDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REMEDY_TYPES }) type!: string;
  @ApiProperty({ enum: REMEDY_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CompensationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: COMPENSATION_TYPES }) type!: string;
  @ApiProperty({ description: 'fen' }) amountFen!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: COMPENSATION_STATUSES }) status!: string;
  @ApiProperty({ type: [String], example: ['over_limit'] }) approvalReasons!: string[];
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty() proposedBy!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) payoutDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) paidAt!: string | null;
}

export class ReplyFailureDto {
  @ApiProperty({ enum: REPLY_FAILURES }) reason!: ReplyFailure;
  @ApiProperty({ type: String, nullable: true, description: "The platform's own words" })
  platformMessage!: string | null;
}

export class PublicReplyDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPLY_TARGETS }) target!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: REPLY_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({
    enum: REPLY_DELIVERIES,
    nullable: true,
    description: 'platform: sent through its API; by_hand: a person must paste it on the platform',
  })
  delivery!: ReplyDelivery | null;
  @ApiProperty({ type: ReplyFailureDto, nullable: true, description: 'Why the platform refused it (status refused)' })
  failure!: ReplyFailureDto | null;
}

export class AppealDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MALICIOUS_KINDS }) kind!: string;
  @ApiProperty({ type: [String] }) evidenceRefs!: string[];
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty({ nullable: true, enum: APPEAL_RESULTS }) result!: string | null;
  @ApiProperty({ nullable: true, type: String }) resultNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resultAt!: string | null;
}

export class CaseRecordDto {
  @ApiProperty() productModel!: string;
  @ApiProperty({ enum: ROOT_CAUSES }) rootCause!: string;
  @ApiProperty() actionsTaken!: string;
  @ApiProperty({ enum: REVIEW_OUTCOMES }) outcome!: string;
  @ApiProperty() specialNotes!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class CaseEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CASE_EVENT_TYPES }) type!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'The case version this event produced' }) caseVersion!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed (before/after where it applies)',
  })
  data!: Record<string, unknown>;
}

export class AssigneeDto {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
}

/** One case with everything the case view shows. Personal data is masked. */
export class TriageEvidenceDto {
  @ApiProperty() phrase!: string;
  @ApiProperty({ description: 'Offset in the review text (then "\\n" and the follow-up)' }) start!: number;
  @ApiProperty() end!: number;
  @ApiProperty({ enum: ROOT_CAUSES }) rootCause!: string;
  @ApiProperty({ nullable: true, type: String }) subCause!: string | null;
}

export class TriageSignalDto {
  @ApiProperty() kind!: string;
  @ApiProperty() phrase!: string;
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
}

/** What triage suggested when the case was opened; the case's own fields hold what stands now. */
export class TriageSummaryDto {
  @ApiProperty({ nullable: true, enum: ROOT_CAUSES }) rootCause!: string | null;
  @ApiProperty({ nullable: true, type: String }) subCause!: string | null;
  @ApiProperty() confidence!: number;
  @ApiProperty({ type: [TriageEvidenceDto] }) evidence!: TriageEvidenceDto[];
  @ApiProperty({ type: [TriageSignalDto] }) maliciousSignals!: TriageSignalDto[];
  @ApiProperty({ type: [String] }) misclickEvidence!: string[];
  @ApiProperty({ nullable: true, enum: ROOT_CAUSES, description: 'The cause one click takes when rootCause is wrong' })
  secondCause!: string | null;
  @ApiProperty({ description: "The lexicon's phrases named one cause and the model another" })
  disagreement!: boolean;
  @ApiProperty({
    description: 'Disagreement not settled yet: the cause is still the suggested one, neither corrected nor confirmed',
  })
  needsChecking!: boolean;
  @ApiProperty({ nullable: true, enum: ['lexicon', 'model'], description: 'Null for cases triaged before the model' })
  decidedBy!: string | null;
  @ApiProperty() lexiconVersion!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for cases triaged before the model' })
  modelVersion!: string | null;
}

export class QaReviewDto {
  @ApiProperty() apologised!: boolean;
  @ApiProperty() rootCauseConfirmed!: boolean;
  @ApiProperty() policyFollowed!: boolean;
  @ApiProperty() recordComplete!: boolean;
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() reviewedBy!: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
}

export class CaseViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: string;
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty({ description: 'Send it back as expectedVersion with the next command' }) version!: number;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ type: AssigneeDto, nullable: true }) assignee!: AssigneeDto | null;
  @ApiProperty({ type: BuyerCardDto }) buyer!: BuyerCardDto;
  @ApiProperty({ type: OrderCardDto, nullable: true }) order!: OrderCardDto | null;
  @ApiProperty({ type: ProductCardDto, nullable: true }) product!: ProductCardDto | null;
  @ApiProperty({ nullable: true, type: String }) productModel!: string | null;
  @ApiProperty({ type: ReviewCardDto }) review!: ReviewCardDto;
  @ApiProperty({ nullable: true, enum: ROOT_CAUSES }) suggestedRootCause!: string | null;
  @ApiProperty({ nullable: true, enum: ROOT_CAUSES }) rootCause!: string | null;
  @ApiProperty({ nullable: true, type: String }) subCause!: string | null;
  @ApiProperty() rootCauseConfirmed!: boolean;
  @ApiProperty({ nullable: true, enum: MALICIOUS_KINDS }) maliciousKind!: string | null;
  @ApiProperty() hasFollowUp!: boolean;
  @ApiProperty({ enum: BUYER_TYPES }) buyerType!: string;
  @ApiProperty({ description: "The buyer's compensations on other cases within the policy period" })
  buyerCompensationsInPeriod!: number;
  @ApiProperty({ nullable: true, enum: STAGES, description: 'For a closed case: the stage it was closed from' })
  closedFromStage!: string | null;
  @ApiProperty({ description: 'Positive words under a negative rating: probably a mis-click' }) misclick!: boolean;
  @ApiProperty({ type: TriageSummaryDto, nullable: true, description: 'Null for cases opened before triage' })
  triage!: TriageSummaryDto | null;
  @ApiProperty({ type: DeadlinesDto }) deadlines!: DeadlinesDto;
  @ApiProperty({ type: WaitingDto, nullable: true }) waiting!: WaitingDto | null;
  @ApiProperty({ type: [ContactAttemptDto] }) contactAttempts!: ContactAttemptDto[];
  @ApiProperty({ type: RemedyDto, nullable: true }) remedy!: RemedyDto | null;
  @ApiProperty({ type: [CompensationDto] }) compensations!: CompensationDto[];
  @ApiProperty({ type: [PublicReplyDto] }) replies!: PublicReplyDto[];
  @ApiProperty({ type: AppealDto, nullable: true }) appeal!: AppealDto | null;
  @ApiProperty({ nullable: true, enum: REVIEW_OUTCOMES }) reviewOutcome!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) revisionRequestedAt!: string | null;
  @ApiProperty({ type: CaseRecordDto, nullable: true }) record!: CaseRecordDto | null;
  @ApiProperty({ type: QaReviewDto, nullable: true, description: "A lead's review of the closed record" })
  qaReview!: QaReviewDto | null;
  @ApiProperty({ type: [CaseEventDto], description: 'The full history, oldest first' }) events!: CaseEventDto[];
}

/** One of the buyer's earlier cases, with the notes left for whoever contacts the buyer next. */
export class EarlierCaseDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty({ enum: RATINGS }) rating!: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
  @ApiProperty({ description: 'The first 200 characters of the review' }) reviewText!: string;
  @ApiProperty({ nullable: true, enum: ROOT_CAUSES }) rootCause!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, enum: REVIEW_OUTCOMES }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The record's special notes (the buyer's temperament)" })
  specialNotes!: string | null;
}
