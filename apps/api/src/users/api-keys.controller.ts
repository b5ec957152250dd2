import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, NewApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@Access('admin')
@Controller()
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get('shops/:shopId/api-keys')
  @ApiOperation({ summary: "Admin: a shop's intake API keys (never the keys themselves)" })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiCommandErrors()
  list(@UuidParam('shopId') shopId: string): Promise<ApiKeyDto[]> {
    return this.keys.list(shopId);
  }

  @Post('shops/:shopId/api-keys')
  @ApiOperation({ summary: 'Admin: create an intake API key for a shop; the answer shows the key once' })
  @ApiCreatedResponse({ type: NewApiKeyDto })
  @ApiCommandErrors()
  create(
    @UuidParam('shopId') shopId: string,
    @Body() dto: CreateApiKeyDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<NewApiKeyDto> {
    return this.keys.create(actor, shopId, dto.name);
  }

  @Post('api-keys/:id/rotate')
  @ApiOperation({ summary: 'Admin: replace a key with a new one (shown once); the old key stops working at once' })
  @ApiCreatedResponse({ type: NewApiKeyDto })
  @ApiCommandErrors()
  rotate(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor): Promise<NewApiKeyDto> {
    return this.keys.rotate(actor, id);
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Admin: revoke a key; requests with it are refused from now on' })
  @ApiNoContentResponse()
  @ApiCommandErrors()
  revoke(@UuidParam('id') id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}
