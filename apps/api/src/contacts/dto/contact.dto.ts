import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import {
  CASE_TEXT_LIMITS,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  MIN_REASON_LENGTH,
  type ContactChannel,
  type ContactOutcome,
} from '@chaping/domain';

import { CaseCommandDto } from '../../common/case-command.dto';

export class LogContactAttemptDto extends CaseCommandDto {
  @ApiProperty({ enum: CONTACT_CHANNELS, description: 'IM first when the buyer is online, then SMS, then phone' })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  @IsIn(CONTACT_OUTCOMES)
  outcome!: ContactOutcome;

  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.contactNote })
  @IsOptional()
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.contactNote)
  note?: string;
}

export class DoNotContactDto extends CaseCommandDto {
  @ApiProperty({
    minLength: MIN_REASON_LENGTH,
    maxLength: CASE_TEXT_LIMITS.doNotContactReason,
    example: '买家明确表示不希望再被联系',
  })
  @IsString()
  @MinLength(MIN_REASON_LENGTH)
  @MaxLength(CASE_TEXT_LIMITS.doNotContactReason)
  reason!: string;
}
