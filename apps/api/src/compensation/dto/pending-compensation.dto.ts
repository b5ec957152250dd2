import { ApiProperty } from '@nestjs/swagger';

import { COMPENSATION_STATUSES, COMPENSATION_TYPES, MALICIOUS_KINDS, ROOT_CAUSES, SEVERITIES } from '@chaping/domain';

/** One of the buyer's other compensations, as the lead weighs a new one. */
export class BuyerCompensationDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: COMPENSATION_TYPES }) type!: string;
  @ApiProperty({ description: 'fen' }) amountFen!: number;
  @ApiProperty({ enum: COMPENSATION_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
}

export class PendingCompensationDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'Send as expectedVersion when approving or rejecting' }) caseVersion!: number;
  @ApiProperty() shopName!: string;
  @ApiProperty() buyerNickname!: string;
  @ApiProperty() reviewText!: string;
  @ApiProperty({ enum: COMPENSATION_TYPES }) type!: string;
  @ApiProperty({ description: 'fen' }) amountFen!: number;
  @ApiProperty({ description: 'The limit (fen) for this type and severity when it was proposed' }) limitFen!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ type: [String], example: ['over_limit'] }) approvalReasons!: string[];
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ nullable: true, type: String }) proposedByName!: string | null;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ nullable: true, enum: ROOT_CAUSES }) rootCause!: string | null;
  @ApiProperty() rootCauseConfirmed!: boolean;
  @ApiProperty({ nullable: true, enum: MALICIOUS_KINDS }) maliciousKind!: string | null;
  @ApiProperty({
    type: [BuyerCompensationDto],
    description: "The buyer's other compensations, newest first (at most 10)",
  })
  buyerHistory!: BuyerCompensationDto[];
}
