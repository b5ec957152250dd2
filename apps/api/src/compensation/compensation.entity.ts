import { Column, Entity } from 'typeorm';

import type { ApprovalReason, CompensationStatus, CompensationType } from '@chaping/domain';

import { CaseChildEntity } from '../cases/case-child.entity';

@Entity({ name: 'compensation' })
export class CompensationEntity extends CaseChildEntity {
  /** Denormalised so "one compensation per buyer per period" is one indexed count. */
  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId!: string;

  @Column({ type: 'text' })
  type!: CompensationType;

  /** Money is integer fen, never a float. */
  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen!: number;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'text' })
  status!: CompensationStatus;

  @Column({ name: 'approval_reasons', type: 'text', array: true, default: () => "'{}'" })
  approvalReasons!: ApprovalReason[];

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ name: 'proposed_by', type: 'text' })
  proposedBy!: string;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'payout_due_at', type: 'timestamptz', nullable: true })
  payoutDueAt!: Date | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;
}
