import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type {
  BuyerType,
  MaliciousKind,
  Platform,
  QaReview,
  Rating,
  ReportOutcome,
  ReviewOutcome,
  RootCause,
  Severity,
  Stage,
  TriageResult,
  WaitingReason,
} from '@chaping/domain';

/** Stored form of the domain's CaseRecord (dates as ISO strings inside jsonb). */
export interface StoredCaseRecord {
  productModel: string;
  rootCause: RootCause;
  actionsTaken: string;
  outcome: ReviewOutcome;
  specialNotes: string;
  recordedAt: string;
}

/** Cases triaged before the model (and its second suggestion) came carry none of these keys. */
type AddedWithTheModel = 'secondCause' | 'disagreement' | 'decidedBy' | 'modelVersion';
export type StoredTriage = Omit<TriageResult, AddedWithTheModel> & Partial<Pick<TriageResult, AddedWithTheModel>>;

/** Stored form of the domain's QaReview (the date as an ISO string inside jsonb). */
export type StoredQaReview = Omit<QaReview, 'reviewedAt'> & { reviewedAt: string };

const bigintAsNumber = { to: (value: number) => value, from: (value: string | number) => Number(value) };

@Entity({ name: 'support_case' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;

  /** Null while a case opened by care waits for the buyer's review. */
  @Column({ name: 'review_id', type: 'uuid', nullable: true })
  reviewId!: string | null;

  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId!: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId!: string | null;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId!: string | null;

  @Column({ type: 'text' })
  platform!: Platform;

  @Column({ type: 'text' })
  stage!: Stage;

  /** Optimistic concurrency: every accepted command increments it; a stale write gets 409. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text' })
  rating!: Rating;

  @Column({ type: 'text' })
  severity!: Severity;

  @Column({ name: 'reviewed_at', type: 'timestamptz' })
  reviewedAt!: Date;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'suggested_root_cause', type: 'text', nullable: true })
  suggestedRootCause!: RootCause | null;

  @Column({ name: 'root_cause', type: 'text', nullable: true })
  rootCause!: RootCause | null;

  @Column({ name: 'sub_cause', type: 'text', nullable: true })
  subCause!: string | null;

  @Column({ name: 'suggested_sub_cause', type: 'text', nullable: true })
  suggestedSubCause!: string | null;

  @Column({ name: 'buyer_type', type: 'text', default: 'new_buyer' })
  buyerType!: BuyerType;

  @Column({ type: 'boolean', default: false })
  misclick!: boolean;

  /** The triage result as suggested at intake (evidence, confidence, signals); overrides are events. */
  @Column({ type: 'jsonb', nullable: true })
  triage!: StoredTriage | null;

  @Column({ name: 'root_cause_confirmed', type: 'boolean', default: false })
  rootCauseConfirmed!: boolean;

  @Column({ name: 'malicious_kind', type: 'text', nullable: true })
  maliciousKind!: MaliciousKind | null;

  @Column({ name: 'has_follow_up', type: 'boolean', default: false })
  hasFollowUp!: boolean;

  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true })
  firstContactAt!: Date | null;

  @Column({ name: 'first_contact_due_at', type: 'timestamptz' })
  firstContactDueAt!: Date;

  @Column({ name: 'resolution_due_at', type: 'timestamptz' })
  resolutionDueAt!: Date;

  @Column({ name: 'appeal_deadline_at', type: 'timestamptz' })
  appealDeadlineAt!: Date;

  @Column({ name: 'revision_window_ends_at', type: 'timestamptz' })
  revisionWindowEndsAt!: Date;

  /** The moment the queue sorts by: first contact due until contact is made, then resolution due. */
  @Column({ name: 'urgency_at', type: 'timestamptz' })
  urgencyAt!: Date;

  @Column({ name: 'waiting_reason', type: 'text', nullable: true })
  waitingReason!: WaitingReason | null;

  @Column({ name: 'waiting_since', type: 'timestamptz', nullable: true })
  waitingSince!: Date | null;

  @Column({ name: 'paused_ms', type: 'bigint', default: 0, transformer: bigintAsNumber })
  pausedMs!: number;

  @Column({ name: 'revision_requested_at', type: 'timestamptz', nullable: true })
  revisionRequestedAt!: Date | null;

  @Column({ name: 'review_outcome', type: 'text', nullable: true })
  reviewOutcome!: ReviewOutcome | null;

  @Column({ type: 'jsonb', nullable: true })
  record!: StoredCaseRecord | null;

  @Column({ name: 'closed_from_stage', type: 'text', nullable: true })
  closedFromStage!: Stage | null;

  @Column({ name: 'qa_review', type: 'jsonb', nullable: true })
  qaReview!: StoredQaReview | null;

  @Column({ name: 'qa_score', type: 'smallint', nullable: true })
  qaScore!: number | null;

  /** What the monthly report counts the case under (the domain's caseReportOutcome), kept current on every save. */
  @Column({ name: 'report_outcome', type: 'text', default: 'unresolved' })
  reportOutcome!: ReportOutcome;

  /** The SKU of the order, copied at intake for the report's covering index. */
  @Column({ name: 'sku_name', type: 'text', nullable: true })
  skuName!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
