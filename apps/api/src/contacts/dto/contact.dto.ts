import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import {
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

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class DoNotContactDto extends CaseCommandDto {
  @ApiProperty({ minLength: MIN_REASON_LENGTH, maxLength: 500, example: '买家明确表示不希望再被联系' })
  @IsString()
  @MinLength(MIN_REASON_LENGTH)
  @MaxLength(500)
  reason!: string;
}
