import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

import { COMPENSATION_TYPES, type CompensationType } from '@chaping/domain';

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
    maxLength: 500,
    description: 'Why: the buyer problem this remedies. Text tying it to a rating is refused.',
    example: '杯盖漏水给您添了麻烦，补偿一张10元券',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  note!: string;
}

export class DecideCompensationDto extends CaseCommandDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RejectCompensationDto extends CaseCommandDto {
  @ApiProperty({ minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  note!: string;
}
