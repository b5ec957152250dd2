import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

import { APPEAL_RESULTS, CASE_TEXT_LIMITS, type AppealResult } from '@chaping/domain';

import { CaseCommandDto } from '../../common/case-command.dto';

export class FileAppealDto extends CaseCommandDto {
  @ApiProperty({
    type: [String],
    description: 'References to evidence: screenshot ids, chat log ids…',
    example: ['旺旺聊天记录-0310'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  evidenceRefs!: string[];

  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.appealNote })
  @IsOptional()
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.appealNote)
  note?: string;
}

export class AppealResultDto extends CaseCommandDto {
  @ApiProperty({ enum: APPEAL_RESULTS })
  @IsIn(APPEAL_RESULTS)
  result!: AppealResult;

  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.appealResultNote })
  @IsOptional()
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.appealResultNote)
  note?: string;
}
