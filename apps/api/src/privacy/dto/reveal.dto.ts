import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

import { CASE_TEXT_LIMITS, PERSONAL_DATA_FIELDS, type PersonalDataField } from '@chaping/domain';

export class RevealDto {
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS })
  @IsIn(PERSONAL_DATA_FIELDS)
  field!: PersonalDataField;

  @ApiProperty({
    maxLength: CASE_TEXT_LIMITS.revealReason,
    description: 'Why this case needs it; stored on the case for review',
  })
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.revealReason)
  reason!: string;
}

export class RevealedDto {
  @ApiProperty({ enum: PERSONAL_DATA_FIELDS }) field!: PersonalDataField;
  @ApiProperty({ nullable: true, type: String, description: 'Null when the shop never had it or it was erased' })
  value!: string | null;
  @ApiProperty({ format: 'date-time' }) revealedAt!: string;
}
