import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { BUYER_TYPES, RATINGS, ROOT_CAUSES, SEVERITIES, type Rating } from '@chaping/domain';

export class TriageRequestDto {
  @ApiProperty({ maxLength: 2000, example: '快递太慢了，一个星期才到，外箱还压坏了' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;

  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  rating!: Rating;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Follow-up review (追评), triaged with the text' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  followUpText?: string;
}

export class EvidenceDto {
  @ApiProperty() phrase!: string;
  @ApiProperty({ description: 'Offset of the phrase in text + "\\n" + followUpText' }) start!: number;
  @ApiProperty() end!: number;
  @ApiProperty({ enum: ROOT_CAUSES }) rootCause!: string;
  @ApiProperty({ nullable: true, type: String }) subCause!: string | null;
  @ApiProperty() weight!: number;
}

export class MaliciousSignalDto {
  @ApiProperty({
    enum: ['extortion', 'competitor', 'third_party_fraud', 'privacy_or_abuse', 'unreasonable_demand', 'boycott'],
  })
  kind!: string;
  @ApiProperty() phrase!: string;
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
}

export class ScoredCauseDto {
  @ApiProperty({ enum: ROOT_CAUSES }) rootCause!: string;
  @ApiProperty() score!: number;
}

export class TriageResultDto {
  @ApiProperty({ enum: ROOT_CAUSES }) rootCause!: string;
  @ApiProperty({ nullable: true, type: String }) subCause!: string | null;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence!: number;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty({ type: [ScoredCauseDto] }) alternatives!: ScoredCauseDto[];
  @ApiProperty() misclick!: boolean;
  @ApiProperty({ type: [String] }) misclickEvidence!: string[];
  @ApiProperty({ type: [MaliciousSignalDto] }) maliciousSignals!: MaliciousSignalDto[];
  @ApiProperty({ enum: BUYER_TYPES, description: 'new_buyer when no history is given' }) buyerType!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ enum: ROOT_CAUSES, nullable: true, type: String, description: 'The cause to offer next' })
  secondCause!: string | null;
  @ApiProperty({ description: "The lexicon's phrases named one cause and the model another" })
  disagreement!: boolean;
  @ApiProperty({ enum: ['lexicon', 'model'] }) decidedBy!: string;
  @ApiProperty() lexiconVersion!: string;
  @ApiProperty() modelVersion!: string;
}

export class TriageOverrideCountDto {
  @ApiProperty({ enum: ['rootCause', 'severity', 'buyerType', 'misclick'] }) field!: string;
  @ApiProperty({ description: 'The suggested value the agent replaced' }) from!: string;
  @ApiProperty({ description: 'What the agent chose instead' }) to!: string;
  @ApiProperty() count!: number;
}

export class TriageOverrideStatsDto {
  @ApiProperty({ description: 'Cases triaged in the period' }) triaged!: number;
  @ApiProperty({ description: 'Overrides in the period' }) overrides!: number;
  @ApiProperty({ type: [TriageOverrideCountDto] }) byChange!: TriageOverrideCountDto[];
}
