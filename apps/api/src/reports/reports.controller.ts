import { Body, Controller, Get, ParseArrayPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { Locale, ReportMonth } from '@chaping/domain';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { RequestLocale } from '../common/request-locale';
import { UuidParam } from '../common/uuid-param';
import { ActionItemsService } from './action-items.service';
import { ActionItemDto, CreateActionItemDto, OrderCountDto, UpdateActionItemDto } from './dto/action-item.dto';
import { MonthlyReportDto } from './dto/monthly-report.dto';
import { MonthlyReportQueryDto, ReportExportQueryDto } from './dto/report-query.dto';
import { MonthlyReportRepository } from './monthly-report.repository';
import { MonthlyReportService } from './monthly-report.service';
import { exportReport } from './report-export';
import { reportShops } from './report-scope';

@ApiTags('reports')
@Access('lead')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: MonthlyReportService,
    private readonly actionItems: ActionItemsService,
    private readonly monthlyReports: MonthlyReportRepository,
  ) {}

  @Get('reports/monthly')
  @ApiOperation({
    summary:
      'Team lead: the monthly root-cause report (causes, products, outcomes, compensation, first contact, action items)',
  })
  @ApiOkResponse({ type: MonthlyReportDto })
  monthly(
    @Query() query: MonthlyReportQueryDto,
    @CurrentActor() actor: SignedInActor,
    @RequestLocale() locale: Locale,
  ): Promise<MonthlyReportDto> {
    return this.reports.build(
      actor,
      {
        month: query.month as ReportMonth,
        ...(query.shopId && { shopIds: query.shopId }),
        ...(query.platform && { platforms: query.platform }),
      },
      locale,
    );
  }

  @Get('reports/monthly/export')
  @ApiOperation({
    summary: 'Team lead: the monthly report as CSV, XLSX or PDF (personal data masked, formula-safe cells)',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  async export(
    @Query() query: ReportExportQueryDto,
    @CurrentActor() actor: SignedInActor,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const language = query.lang ?? locale;
    const report = await this.monthly(query, actor, language);
    const file = await exportReport(report, query.format, language);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store');
    return file.body;
  }

  @Put('reports/order-counts')
  @ApiOperation({ summary: 'Team lead: orders per product and month, for complaints per 1,000 orders (upsert)' })
  @ApiBody({ type: [OrderCountDto] })
  @ApiOkResponse({ schema: { type: 'object', properties: { saved: { type: 'number' } } } })
  @ApiCommandErrors()
  async orderCounts(
    @Body(new ParseArrayPipe({ items: OrderCountDto, whitelist: true, forbidNonWhitelisted: true }))
    counts: OrderCountDto[],
    @CurrentActor() actor: SignedInActor,
  ): Promise<{ saved: number }> {
    return { saved: await this.monthlyReports.saveOrderCounts(counts, reportShops(actor, undefined)) };
  }

  @Get('action-items')
  @ApiOperation({ summary: 'Team lead: the cause → action items of your shops, newest first' })
  @ApiOkResponse({ type: [ActionItemDto] })
  listActionItems(@CurrentActor() actor: SignedInActor): Promise<ActionItemDto[]> {
    return this.actionItems.list(actor);
  }

  @Post('action-items')
  @ApiOperation({ summary: 'Team lead: turn a recurring cause (on the shop, a product or a SKU) into an action item' })
  @ApiCreatedResponse({ type: ActionItemDto })
  @ApiCommandErrors()
  createActionItem(@Body() dto: CreateActionItemDto, @CurrentActor() actor: SignedInActor): Promise<ActionItemDto> {
    return this.actionItems.create(actor, dto);
  }

  @Patch('action-items/:id')
  @ApiOperation({ summary: 'Team lead: change an action item’s status, owner or due date' })
  @ApiOkResponse({ type: ActionItemDto })
  @ApiCommandErrors()
  updateActionItem(
    @UuidParam('id') id: string,
    @Body() dto: UpdateActionItemDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<ActionItemDto> {
    return this.actionItems.update(actor, id, dto);
  }
}
