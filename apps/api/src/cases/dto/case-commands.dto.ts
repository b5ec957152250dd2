import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

import {
  BUYER_TYPES,
  CASE_TEXT_LIMITS,
  MALICIOUS_KINDS,
  MIN_ACTIONS_TAKEN_LENGTH,
  MIN_REASON_LENGTH,
  OVERRIDE_VIA,
  REMEDY_STATUSES,
  REMEDY_TYPES,
  REVIEW_OUTCOMES,
  ROOT_CAUSES,
  SEVERITIES,
  STAGES,
  type BuyerType,
  type MaliciousKind,
  type OverrideVia,
  type RemedyStatus,
  type RemedyType,
  type ReviewOutcome,
  type RootCause,
  type Severity,
  type Stage,
} from '@chaping/domain';

import { CaseCommandDto } from '../../common/case-command.dto';

export class TransitionDto extends CaseCommandDto {
  @ApiProperty({ enum: STAGES, example: 'contacting' })
  @IsIn(STAGES)
  to!: Stage;

  @ApiPropertyOptional({ enum: MALICIOUS_KINDS, description: 'Required to enter appealing' })
  @IsOptional()
  @IsIn(MALICIOUS_KINDS)
  maliciousKind?: MaliciousKind;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ example: 'contacting.generic@1', description: 'The call script followed, as id@version' })
  @IsOptional()
  @Matches(/^[a-z0-9._-]{1,80}@\d{1,4}$/, {
    message: 'script must be a script id and version, e.g. contacting.generic@1',
  })
  script?: string;
}

export class ConfirmRootCauseDto extends CaseCommandDto {
  @ApiProperty({ enum: ROOT_CAUSES })
  @IsIn(ROOT_CAUSES)
  rootCause!: RootCause;

  @ApiPropertyOptional({ maxLength: 100, example: 'broken' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subCause?: string;
}

export class RecordRemedyDto extends CaseCommandDto {
  @ApiProperty({ enum: REMEDY_TYPES })
  @IsIn(REMEDY_TYPES)
  type!: RemedyType;

  @ApiProperty({ enum: REMEDY_STATUSES, description: 'awaiting_return pauses the resolution clock' })
  @IsIn(REMEDY_STATUSES)
  status!: RemedyStatus;

  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.remedyNote })
  @IsOptional()
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.remedyNote)
  note?: string;
}

export class ReviewOutcomeDto extends CaseCommandDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES })
  @IsIn(REVIEW_OUTCOMES)
  outcome!: ReviewOutcome;
}

export class RevisionRequestDto extends CaseCommandDto {
  @ApiProperty({ format: 'date-time', description: 'When the buyer agreed to be asked' })
  @IsISO8601({ strict: true, strictSeparator: true })
  agreedAt!: string;

  @ApiProperty({ maxLength: 100, example: '旺旺留言' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  method!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  note!: string;
}

export class RecordAndCloseDto extends CaseCommandDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Defaults to the product and SKU of the order' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  productModel?: string;

  @ApiPropertyOptional({ enum: ROOT_CAUSES, description: 'Defaults to the confirmed root cause' })
  @IsOptional()
  @IsIn(ROOT_CAUSES)
  rootCause?: RootCause;

  @ApiProperty({
    description: `What was done and said: at least ${MIN_ACTIONS_TAKEN_LENGTH} characters besides spaces at either end`,
  })
  @IsString()
  @MinLength(MIN_ACTIONS_TAKEN_LENGTH)
  @MaxLength(CASE_TEXT_LIMITS.actionsTaken)
  actionsTaken!: string;

  @ApiPropertyOptional({ enum: REVIEW_OUTCOMES })
  @IsOptional()
  @IsIn(REVIEW_OUTCOMES)
  outcome?: ReviewOutcome;

  @ApiProperty({
    maxLength: CASE_TEXT_LIMITS.specialNotes,
    description: "The buyer's temperament and anything the next agent should know",
  })
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.specialNotes)
  specialNotes!: string;
}

export class ReopenDto extends CaseCommandDto {
  @ApiProperty({ minLength: MIN_REASON_LENGTH, maxLength: CASE_TEXT_LIMITS.reopenReason })
  @IsString()
  @MinLength(MIN_REASON_LENGTH)
  @MaxLength(CASE_TEXT_LIMITS.reopenReason)
  reason!: string;
}

const TRIAGE_FIELDS = ['rootCause', 'severity', 'buyerType', 'misclick'] as const;

/** Give `field` and the one value that goes with it (rootCause [+ subCause], severity, buyerType or misclick). */
export class TriageOverrideDto extends CaseCommandDto {
  @ApiProperty({ enum: TRIAGE_FIELDS })
  @IsIn(TRIAGE_FIELDS)
  field!: (typeof TRIAGE_FIELDS)[number];

  @ApiPropertyOptional({ enum: ROOT_CAUSES })
  @ValidateIf((dto: TriageOverrideDto) => dto.field === 'rootCause')
  @IsIn(ROOT_CAUSES)
  rootCause?: RootCause;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  subCause?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @ValidateIf((dto: TriageOverrideDto) => dto.field === 'severity')
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: BUYER_TYPES })
  @ValidateIf((dto: TriageOverrideDto) => dto.field === 'buyerType')
  @IsIn(BUYER_TYPES)
  buyerType?: BuyerType;

  @ApiPropertyOptional()
  @ValidateIf((dto: TriageOverrideDto) => dto.field === 'misclick')
  @IsBoolean()
  misclick?: boolean;

  @ApiPropertyOptional({
    enum: OVERRIDE_VIA,
    description:
      "second_suggestion: the agent took triage's second suggestion (rootCause must be it; no reason needed)",
  })
  @IsOptional()
  @IsIn(OVERRIDE_VIA)
  via?: OverrideVia;

  @ApiProperty({
    maxLength: CASE_TEXT_LIMITS.triageReason,
    description: 'Why the suggestion was wrong; used to improve triage. May be empty when via is given',
  })
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.triageReason)
  reason!: string;
}

/** Who gets the case (or the pool) and why: the same for one case and for many. */
export class AssignmentTargetDto {
  @ApiProperty({ nullable: true, type: String, description: 'An agent of the shop, or null for the shop pool' })
  @ValidateIf((dto: AssignmentTargetDto) => dto.assigneeId !== null)
  @IsUUID()
  assigneeId!: string | null;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class ReassignDto extends IntersectionType(CaseCommandDto, AssignmentTargetDto) {}

export class QaReviewCommandDto extends CaseCommandDto {
  @ApiProperty({ description: 'The buyer got a sincere apology' }) @IsBoolean() apologised!: boolean;
  @ApiProperty({ description: 'The root cause was confirmed with the buyer' })
  @IsBoolean()
  rootCauseConfirmed!: boolean;
  @ApiProperty({ description: 'Contact, compensation and reply rules were kept' })
  @IsBoolean()
  policyFollowed!: boolean;
  @ApiProperty({ description: 'The record says what was done and said, and the buyer’s temperament' })
  @IsBoolean()
  recordComplete!: boolean;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class BulkReassignDto extends AssignmentTargetDto {
  @ApiProperty({ type: [String], description: 'Up to 200 cases, e.g. the rows selected in the queue' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  caseIds!: string[];
}

export class BulkRefusalDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() code!: string;
}

export class BulkReassignResultDto {
  @ApiProperty({ type: [String] }) moved!: string[];
  @ApiProperty({ type: [BulkRefusalDto], description: 'Cases left as they were, with the reason' })
  refused!: BulkRefusalDto[];
}
