import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, Matches } from 'class-validator';

/** A script as a case records it: the template id and version. */
export const SCRIPT_KEY = /^[a-z0-9._-]{1,80}@[1-9]\d{0,5}$/;
/** A check-off id of a template (script-library ids are snake_case words). */
const CHECK_ID = /^[a-z0-9_]{1,60}$/;

export class ScriptTickDto {
  @ApiProperty({
    example: 'apologised.generic@1',
    description: 'The script the case follows in its current stage, as id@version',
  })
  @Matches(SCRIPT_KEY, { message: 'script must be a script id and version, e.g. apologised.generic@1' })
  script!: string;

  @ApiProperty({ example: 'listened', description: 'One check-off of that script no action proves' })
  @Matches(CHECK_ID, { message: 'checkId must be a check-off id of the script, e.g. listened (at most 60 characters)' })
  checkId!: string;

  @ApiProperty({ description: 'true ticks the check-off, false unticks it' })
  @IsBoolean()
  ticked!: boolean;
}

export class ScriptTicksDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'apologised.generic@1',
    description: 'The script the case follows in its current stage; null when none fits or the case is closed',
  })
  script!: string | null;

  @ApiProperty({ type: [String], description: 'The check-offs of that script ticked by hand' })
  checkIds!: string[];
}
