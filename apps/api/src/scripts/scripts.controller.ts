import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

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
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { ScriptsService, type ScriptVersion } from './scripts.service';

export class ScriptIdParam {
  @ApiProperty({ example: 'contacting.generic' })
  @Matches(/^[a-z0-9._-]{1,80}$/, { message: 'id must be a script id such as contacting.generic' })
  id!: string;
}

export class SelectScriptQueryDto {
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
}

export class ScriptVersionDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  template!: ScriptTemplate;

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
  @ApiOperation({ summary: 'The call scripts in use: the latest version of every template' })
  @ApiOkResponse(TEMPLATES)
  latest(): Promise<ScriptTemplate[]> {
    return this.scripts.latest();
  }

  @Get('select')
  @ApiOperation({
    summary: 'The script a case follows, by stage, root cause and buyer type (most specific, latest version)',
  })
  @ApiOkResponse({ type: SelectedScriptDto })
  async select(@Query() query: SelectScriptQueryDto): Promise<SelectedScriptDto> {
    return {
      template: await this.scripts.select({
        stage: query.stage,
        rootCause: query.rootCause ?? null,
        buyerType: query.buyerType ?? null,
      }),
    };
  }

  @Get(':id/versions')
  @ApiOperation({
    summary:
      'Every version of one template, oldest first, with who saved it, when and why (cases keep the version they used)',
  })
  @ApiOkResponse({ type: [ScriptVersionDto] })
  versions(@Param() params: ScriptIdParam): Promise<ScriptVersion[]> {
    return this.scripts.history(params.id);
  }

  @Post(':id/versions')
  @Access('lead')
  @ApiOperation({ summary: 'Team lead: save an edit as the next version, after the content and compliance checks' })
  @ApiCreatedResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiCommandErrors()
  save(
    @Param() params: ScriptIdParam,
    @Body() dto: SaveScriptVersionDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<ScriptTemplate> {
    return this.scripts.saveVersion(params.id, dto.template, dto.note, actor);
  }
}
