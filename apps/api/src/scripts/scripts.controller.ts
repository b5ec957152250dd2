import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

import {
  BUYER_TYPES,
  ROOT_CAUSES,
  STAGES,
  type BuyerType,
  type RootCause,
  type ScriptTemplate,
  type Stage,
} from '@chaping/domain';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors, ApiReadErrors } from '../common/errors/api-error-responses';
import { ScriptsService, type ScriptVersion } from './scripts.service';

export class ScriptIdParam {
  @ApiProperty({ example: 'contacting.generic' })
  @Matches(/^[a-z0-9._-]{1,80}$/, { message: 'id must be a script id such as contacting.generic' })
  id!: string;
}

export class ScriptShopQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "A shop the caller works; without it, the organisation's library",
  })
  @IsOptional()
  @IsUUID()
  shopId?: string;
}

export class SelectScriptQueryDto extends ScriptShopQueryDto {
  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  stage!: Stage;

  @ApiPropertyOptional({ enum: ROOT_CAUSES })
  @IsOptional()
  @IsIn(ROOT_CAUSES)
  rootCause?: RootCause;

  @ApiPropertyOptional({ enum: BUYER_TYPES })
  @IsOptional()
  @IsIn(BUYER_TYPES)
  buyerType?: BuyerType;
}

export class SelectedScriptDto {
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Null when no script fits' })
  template!: ScriptTemplate | null;
}

export class SaveScriptVersionDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The edited template (id and version are set by the server)',
  })
  @IsObject()
  template!: Record<string, unknown>;

  @ApiProperty({ minLength: 4, maxLength: 500, description: 'What changed and why' })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  note!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The shop whose library it joins (its leads); without it, the organisation's (admins only)",
  })
  @IsOptional()
  @IsUUID()
  shopId?: string;
}

export class ScriptVersionDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  template!: ScriptTemplate;

  @ApiProperty({ type: String, nullable: true, description: "The shop it was saved for; null: the organisation's" })
  shopId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null for the version shipped with the product' })
  savedByName!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  savedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What changed and why' })
  note!: string | null;
}

const TEMPLATES = { schema: { type: 'array', items: { type: 'object', additionalProperties: true } } };

@ApiTags('scripts')
@Access('signed_in')
@Controller('scripts')
export class ScriptsController {
  constructor(private readonly scripts: ScriptsService) {}

  @Get()
  @ApiOperation({
    summary: "The call scripts a shop's cases follow (or the organisation's): the latest of every template",
  })
  @ApiOkResponse(TEMPLATES)
  @ApiReadErrors()
  latest(@Query() query: ScriptShopQueryDto, @CurrentActor() actor: SignedInActor): Promise<ScriptTemplate[]> {
    return this.scripts.latest(query.shopId ?? null, actor);
  }

  @Get('select')
  @ApiOperation({
    summary:
      "The script a case follows, by its shop's library, stage, root cause and buyer type (most specific, latest)",
  })
  @ApiOkResponse({ type: SelectedScriptDto })
  @ApiReadErrors()
  async select(@Query() query: SelectScriptQueryDto, @CurrentActor() actor: SignedInActor): Promise<SelectedScriptDto> {
    const selection = { stage: query.stage, rootCause: query.rootCause ?? null, buyerType: query.buyerType ?? null };
    return { template: await this.scripts.select(query.shopId ?? null, selection, actor) };
  }

  @Get(':id/versions')
  @ApiOperation({
    summary:
      "Every version of one template a shop can read (the organisation's and the shop's), oldest first, with who saved it, when and why",
  })
  @ApiOkResponse({ type: [ScriptVersionDto] })
  @ApiReadErrors()
  versions(
    @Param() params: ScriptIdParam,
    @Query() query: ScriptShopQueryDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<ScriptVersion[]> {
    return this.scripts.history(params.id, query.shopId ?? null, actor);
  }

  @Post(':id/versions')
  @Access('lead')
  @ApiOperation({
    summary:
      "Team lead of the shop (admins: the organisation's library): save an edit as the next version, after the content and compliance checks",
  })
  @ApiCreatedResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiCommandErrors()
  save(
    @Param() params: ScriptIdParam,
    @Body() dto: SaveScriptVersionDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<ScriptTemplate> {
    return this.scripts.saveVersion({
      id: params.id,
      template: dto.template,
      note: dto.note,
      shopId: dto.shopId ?? null,
      actor,
    });
  }
}
