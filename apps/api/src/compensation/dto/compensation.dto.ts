import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

import { CASE_TEXT_LIMITS, COMPENSATION_TYPES, type CompensationType } from '@chaping/domain';

import { CaseCommandDto } from '../../common/case-command.dto';

export class ProposeCompensationDto extends CaseCommandDto {
  @ApiProperty({ enum: COMPENSATION_TYPES })
  @IsIn(COMPENSATION_TYPES)
  type!: CompensationType;

  @ApiProperty({ description: 'Amount (or value) in fen: 1000 = ¥10.00', minimum: 1, example: 1000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountFen!: number;

  @ApiProperty({
    minLength: 2,
    maxLength: CASE_TEXT_LIMITS.compensationNote,
    description: 'Why: the buyer problem this remedies. Text tying it to a rating is refused.',
    example: '杯盖漏水给您添了麻烦，补偿一张10元券',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(CASE_TEXT_LIMITS.compensationNote)
  note!: string;
}

export class DecideCompensationDto extends CaseCommandDto {
  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.compensationNote })
  @IsOptional()
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.compensationNote)
  note?: string;
}

export class RejectCompensationDto extends CaseCommandDto {
  @ApiProperty({ minLength: 2, maxLength: CASE_TEXT_LIMITS.compensationNote })
  @IsString()
  @MinLength(2)
  @MaxLength(CASE_TEXT_LIMITS.compensationNote)
  note!: string;
}
