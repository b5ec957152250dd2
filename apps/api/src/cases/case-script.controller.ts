import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import {
  Access,
  CurrentActor,
  CurrentCaller,
  SessionCheckedByRead,
  type Caller,
  type SignedInActor,
} from '../common/actor/actor';
import { ApiCommandErrors, ApiReadErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { CaseScriptService } from './case-script.service';
import { ScriptTickDto, ScriptTicksDto } from './dto/script-ticks.dto';

@ApiTags('cases')
@Access('case')
@Controller('cases')
export class CaseScriptController {
  constructor(private readonly scripts: CaseScriptService) {}

  @Get(':id/script-ticks')
  @SessionCheckedByRead()
  @ApiOperation({ summary: "The check-offs ticked by hand on the script of the case's current stage" })
  @ApiOkResponse({ type: ScriptTicksDto })
  @ApiReadErrors()
  read(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<ScriptTicksDto> {
    return this.scripts.read(id, caller);
  }

  @Post(':id/script-ticks')
  @HttpCode(200)
  @ApiOperation({
    summary: "Tick or untick a check-off of the case's current script (kept per script version, in the history)",
  })
  @ApiOkResponse({ type: ScriptTicksDto })
  @ApiCommandErrors()
  tick(@UuidParam('id') id: string, @Body() dto: ScriptTickDto, @CurrentActor() actor: SignedInActor) {
    return this.scripts.tick(id, dto, actor);
  }
}
