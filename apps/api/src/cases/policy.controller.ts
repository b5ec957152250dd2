import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { Policy } from '@chaping/domain';

import { Access } from '../common/actor/actor';
import { PolicyService } from './policy.service';

@ApiTags('policy')
@Access('signed_in')
@Controller('policy')
export class PolicyController {
  constructor(private readonly policies: PolicyService) {}

  @Get()
  @ApiOperation({
    summary: 'The policy in force (contact limits, compensation limits, SLAs, platform rules)',
    description: 'The web runs the same domain functions with it, to explain why an action is disabled.',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  current(): Policy {
    return this.policies.current();
  }
}
