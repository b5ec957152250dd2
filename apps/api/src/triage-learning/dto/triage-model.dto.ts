import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

import type { PromotionReason } from '@chaping/domain';

const REASONS: readonly PromotionReason[] = ['better', 'as_good', 'worse', 'no_frozen_slice'];

export class TriageModelVersionDto {
  @ApiProperty({ example: '2026.12.1-r3' }) version!: string;
  @ApiProperty({ description: 'The shipped model it was refined from' }) baseVersion!: string;
  @ApiProperty({ format: 'date-time' }) trainedAt!: string;
  @ApiProperty({ description: 'Corrections it was trained on (the frozen slice excluded)' }) labelCount!: number;
  @ApiProperty({ description: 'Corrections held out in the frozen slice it was measured on' }) frozenCount!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Share of the frozen slice it got right' })
  frozenAccuracy!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Share the model then live got right on the same slice' })
  previousAccuracy!: number | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: ['promoted', 'kept'], description: 'Whether it went live, or the old model was kept' })
  decision!: 'promoted' | 'kept';
  @ApiProperty({ enum: REASONS }) reason!: PromotionReason;
}

export class TriageModelHistoryDto {
  @ApiProperty({ description: 'The model that ships with the code (live when no version is active)' })
  shippedVersion!: string;
  @ApiProperty() shippedActive!: boolean;
  @ApiProperty({ type: [TriageModelVersionDto], description: 'Newest first' })
  versions!: TriageModelVersionDto[];
}

export class TriageModelRollbackDto {
  @ApiProperty({ example: '2026.12.1-r2', description: 'A version from the history, or the shipped version' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  version!: string;
}
