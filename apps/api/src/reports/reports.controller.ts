import { Body, Controller, Get, ParseArrayPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

import type { Locale, ReportMonth } from '@chaping/domain';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { RequestLocale } from '../common/request-locale';
import { UuidParam } from '../common/uuid-param';
import { ActionItemsService } from './action-items.service';
import { ActionItemDto, CreateActionItemDto, OrderCountDto, UpdateActionItemDto } from './dto/action-item.dto';
import { MonthlyReportDto } from './dto/monthly-report.dto';
import { MonthlyReportQueryDto, ReportExportQueryDto } from './dto/report-query.dto';
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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const shops = reportShops(actor, undefined);
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO product_month_orders (product_id, month, shop_id, orders)
       SELECT p.id, (x.month || '-01')::date, p.shop_id, x.orders
         FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(product_id, month, orders)
         JOIN product p ON p.id = x.product_id AND ($4::uuid[] IS NULL OR p.shop_id = ANY($4::uuid[]))
       ON CONFLICT (product_id, month) DO UPDATE SET orders = EXCLUDED.orders
       RETURNING product_id`,
      [counts.map((c) => c.productId), counts.map((c) => c.month), counts.map((c) => c.orders), shops],
    );
    return { saved: rows.length };
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
