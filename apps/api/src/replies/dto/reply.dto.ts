import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

import { REPLY_TARGETS, type ReplyTarget } from '@chaping/domain';

import { CaseCommandDto } from '../../common/case-command.dto';

export class DraftReplyDto extends CaseCommandDto {
  @ApiProperty({ enum: REPLY_TARGETS, description: 'The review, or the buyer follow-up review (追评)' })
  @IsIn(REPLY_TARGETS)
  target!: ReplyTarget;

  @ApiProperty({ maxLength: 2000, description: 'Checked for personal data and abuse; platforms cap it at 500' })
  @IsString()
  @MaxLength(2000)
  text!: string;
}
