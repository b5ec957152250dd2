import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength, MinLength } from 'class-validator';

import type { Policy } from '@chaping/domain';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { PolicyService, type PolicyChange } from './policy.service';

export class ChangePolicyDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole policy, as GET /api/policy returns it',
  })
  @IsObject()
  policy!: Record<string, unknown>;

  @ApiProperty({ minLength: 4, maxLength: 500, description: 'Why (kept in the audit trail)' })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  note!: string;
}

export class PolicyChangeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole policy put in force' })
  policy!: Policy;
  @ApiProperty() changedBy!: string;
  @ApiProperty({ type: String, nullable: true }) changedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty() note!: string;
}

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

  @Put()
  @Access('lead')
  @ApiOperation({
    summary: 'Team lead: put a new policy in force (checked against the legal and platform lines); audited',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiCommandErrors()
  change(@Body() dto: ChangePolicyDto, @CurrentActor() actor: SignedInActor): Promise<Policy> {
    return this.policies.change(dto.policy, dto.note, actor);
  }

  @Get('history')
  @Access('lead')
  @ApiOperation({ summary: 'Team lead: every policy change, newest first, with who, when and why' })
  @ApiOkResponse({ type: [PolicyChangeDto] })
  history(): Promise<PolicyChange[]> {
    return this.policies.history();
  }
}
