import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import type { Policy, PolicyOrigin, PolicyOverride } from '@chaping/domain';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors, ApiReadErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { PolicyService, type PolicyChange, type PolicyLevel } from './policy.service';

export class ChangePolicyDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The organisation's whole policy, as GET /api/policy returns it; for a shop, only the values it sets itself",
  })
  @IsObject()
  policy!: Record<string, unknown>;

  @ApiProperty({ minLength: 4, maxLength: 500, description: 'Why (kept in the audit trail)' })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  note!: string;
}

export class PolicyShopQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "A shop; without it, the organisation's default" })
  @IsOptional()
  @IsUUID()
  shopId?: string;
}

export class PolicyChangeDto {
  @ApiProperty() id!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The organisation's whole policy, or the values a shop set itself",
  })
  policy!: Partial<Policy> | PolicyOverride;
  @ApiProperty() changedBy!: string;
  @ApiProperty({ type: String, nullable: true }) changedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty() note!: string;
}

export class PolicyLevelDto {
  @ApiProperty({ type: String, nullable: true, description: "Null for the organisation's default" })
  shopId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The policy in force at this level' })
  policy!: Policy;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What this level inherits' })
  inherited!: Policy;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The values this level sets itself' })
  own!: Partial<Policy> | PolicyOverride;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['shop', 'organisation', 'default'] },
    description: 'Where each value comes from, by dotted path',
  })
  origins!: Record<string, PolicyOrigin>;
}

@ApiTags('policy')
@Access('signed_in')
@Controller('policy')
export class PolicyController {
  constructor(private readonly policies: PolicyService) {}

  @Get()
  @ApiOperation({
    summary: "The policy in force for a shop the caller works, or the organisation's default without shopId",
    description: 'The web runs the same domain functions with it, to explain why an action is disabled.',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiReadErrors()
  current(@Query() query: PolicyShopQueryDto, @CurrentActor() actor: SignedInActor): Policy {
    return this.policies.inForce(query.shopId ?? null, actor);
  }

  @Put()
  @Access('admin')
  @ApiOperation({
    summary: 'Admin: put a new organisation default in force (checked against the legal and platform lines); audited',
  })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiCommandErrors()
  change(@Body() dto: ChangePolicyDto, @CurrentActor() actor: SignedInActor): Promise<Policy> {
    return this.policies.changeOrganisation(dto.policy, dto.note, actor);
  }

  @Get('level')
  @Access('lead')
  @ApiOperation({
    summary:
      'Team lead: one level as the settings page edits it — in force, inherited, its own values and their origins',
  })
  @ApiOkResponse({ type: PolicyLevelDto })
  @ApiReadErrors()
  level(@Query() query: PolicyShopQueryDto, @CurrentActor() actor: SignedInActor): PolicyLevel {
    return this.policies.level(query.shopId ?? null, actor);
  }

  @Put('shops/:shopId')
  @Access('lead')
  @ApiOperation({
    summary:
      "Team lead of the shop: put the shop's own values in force (the rest inherited; legal lines checked); audited",
  })
  @ApiOkResponse({ type: PolicyLevelDto })
  @ApiCommandErrors()
  changeShop(
    @UuidParam('shopId') shopId: string,
    @Body() dto: ChangePolicyDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<PolicyLevel> {
    return this.policies.changeShop(shopId, dto.policy, dto.note, actor);
  }

  @Get('history')
  @Access('lead')
  @ApiOperation({ summary: 'Team lead: every change of one level, newest first, with who, when and why' })
  @ApiOkResponse({ type: [PolicyChangeDto] })
  @ApiReadErrors()
  history(@Query() query: PolicyShopQueryDto, @CurrentActor() actor: SignedInActor): Promise<PolicyChange[]> {
    return this.policies.history(query.shopId ?? null, actor);
  }
}
