import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';

import { Access, AllowApiKey, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors, ApiIntakeErrors, ApiReadErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { CareService } from './care.service';
import {
  CareOrdersDto,
  CareOrdersResultDto,
  CareQueueQueryDto,
  CareReportDto,
  CareReportQueryDto,
  CareSettingsDto,
  CareShopQueryDto,
  CareTaskDto,
  WorkCareTaskDto,
} from './dto/care.dto';

@ApiTags('care')
@Access('signed_in')
@Controller('care')
export class CareController {
  constructor(private readonly care: CareService) {}

  @Post('orders')
  @HttpCode(200)
  @AllowApiKey()
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Delivered orders for care follow-ups (idempotent per platform order id)' })
  @ApiOkResponse({ type: CareOrdersResultDto })
  @ApiIntakeErrors()
  importOrders(@Query() query: CareShopQueryDto, @Body() dto: CareOrdersDto, @CurrentActor() actor: SignedInActor) {
    return this.care.importOrders(actor, query.shopId, dto);
  }

  @Get('settings')
  @ApiOperation({ summary: "A shop's care settings: which orders get care, and on which days" })
  @ApiOkResponse({ type: CareSettingsDto })
  @ApiReadErrors()
  settings(@Query() query: CareShopQueryDto, @CurrentActor() actor: SignedInActor) {
    return this.care.settings(actor, query.shopId);
  }

  @Put('settings')
  @Access('lead')
  @ApiOperation({ summary: "Change a shop's care settings (team leads)" })
  @ApiOkResponse({ type: CareSettingsDto })
  @ApiCommandErrors()
  saveSettings(@Query() query: CareShopQueryDto, @Body() dto: CareSettingsDto, @CurrentActor() actor: SignedInActor) {
    return this.care.saveSettings(actor, query.shopId, dto);
  }

  @Get('report')
  @Access('lead')
  @ApiOperation({
    summary:
      "Care by month of delivery: orders cared for, problems found, cared vs. comparable uncared orders' negative rate",
  })
  @ApiOkResponse({ type: CareReportDto })
  @ApiReadErrors()
  report(@Query() query: CareReportQueryDto, @CurrentActor() actor: SignedInActor) {
    return this.care.report(actor, query);
  }

  @Get('tasks')
  @ApiOperation({ summary: 'The care queue: care tasks due and not finished, oldest first' })
  @ApiOkResponse({ type: [CareTaskDto] })
  @ApiReadErrors()
  queue(@Query() query: CareQueueQueryDto, @CurrentActor() actor: SignedInActor) {
    return this.care.queue(actor, query.shopId);
  }

  @Post('tasks/:id/work')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Work a care task: contacted, no answer, problem found (opens a case) or fine; contact rules apply',
  })
  @ApiOkResponse({ type: CareTaskDto })
  @ApiCommandErrors()
  work(@UuidParam('id') id: string, @Body() dto: WorkCareTaskDto, @CurrentActor() actor: SignedInActor) {
    return this.care.work(actor, id, dto);
  }
}
