import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { Locale } from '@chaping/domain';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors, ApiReadErrors } from '../common/errors/api-error-responses';
import { RequestLocale } from '../common/request-locale';
import { UuidParam } from '../common/uuid-param';
import { ConnectionsService } from './connections.service';
import { ConnectionDto, CreateConnectionDto, PullNowDto, RenewSessionDto } from './dto/connection.dto';

@ApiTags('connections')
@Access('lead')
@Controller()
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Get('connections')
  @ApiOperation({ summary: "Lead: the marketplace connections of the caller's shops, with their pull status" })
  @ApiOkResponse({ type: [ConnectionDto] })
  @ApiReadErrors()
  list(@CurrentActor() actor: SignedInActor, @RequestLocale() locale: Locale): Promise<ConnectionDto[]> {
    return this.connections.list(actor, locale);
  }

  @Post('shops/:shopId/connection')
  @ApiOperation({
    summary: "Lead of the shop: connect it to its marketplace (replaces the shop's live connection)",
    description: 'The app secret and session key are stored encrypted and never returned.',
  })
  @ApiOkResponse({ type: ConnectionDto })
  @ApiCommandErrors()
  @HttpCode(200)
  create(
    @UuidParam('shopId') shopId: string,
    @Body() dto: CreateConnectionDto,
    @CurrentActor() actor: SignedInActor,
    @RequestLocale() locale: Locale,
  ): Promise<ConnectionDto> {
    return this.connections.create(actor, shopId, dto, locale);
  }

  @Post('connections/:id/session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lead of the shop: a new session key after the shop authorised again; pulling resumes' })
  @ApiOkResponse({ type: ConnectionDto })
  @ApiCommandErrors()
  renew(
    @UuidParam('id') id: string,
    @Body() dto: RenewSessionDto,
    @CurrentActor() actor: SignedInActor,
    @RequestLocale() locale: Locale,
  ): Promise<ConnectionDto> {
    return this.connections.renewSession(actor, id, dto, locale);
  }

  @Post('connections/:id/pull')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lead of the shop: pull new reviews now instead of at the next scheduled pull' })
  @ApiOkResponse({ type: PullNowDto })
  @ApiCommandErrors()
  pullNow(
    @UuidParam('id') id: string,
    @CurrentActor() actor: SignedInActor,
    @RequestLocale() locale: Locale,
  ): Promise<PullNowDto> {
    return this.connections.pullNow(actor, id, locale);
  }

  @Delete('connections/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lead of the shop: revoke the connection; its credentials are wiped and pulling stops' })
  @ApiNoContentResponse()
  @ApiCommandErrors()
  revoke(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor): Promise<void> {
    return this.connections.revoke(actor, id);
  }
}
