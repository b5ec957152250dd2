import { Inject, Injectable } from '@nestjs/common';

import {
  actionEffect,
  causeRows,
  changeBetween,
  complaintsPerThousandOrders,
  maskPersonalDataInText,
  monthRange,
  monthsBefore,
  previousMonth,
  REPORT_OUTCOMES,
  reportMonthOutOfRange,
  ROOT_CAUSES,
  shareOf,
  whoShouldAct,
  type Locale,
  type Platform,
  type ReportMonth,
} from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RequestValidationError } from '../common/errors/validation-error';
import { ActionItemsRepository } from './action-items.repository';
import type { ActionEffectDto, MonthlyReportDto } from './dto/monthly-report.dto';
import { MonthlyReportRepository, type ReportSlice } from './monthly-report.repository';
import { reportShops } from './report-scope';

const QUOTE_LENGTH = 140;

export interface MonthlyReportRequest {
  month: ReportMonth;
  shopIds?: string[];
  platforms?: Platform[];
}

/** The monthly root-cause report: the repository's aggregates, shaped by the domain's report rules. */
@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly aggregates: MonthlyReportRepository,
    private readonly actionItems: ActionItemsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async build(actor: SignedInActor, request: MonthlyReportRequest, locale: Locale): Promise<MonthlyReportDto> {
    const outOfRange = reportMonthOutOfRange(request.month, this.clock.now());
    if (outOfRange) {
      throw new RequestValidationError([
        { field: 'month', messages: [`month must be from ${outOfRange.first} to ${outOfRange.last}`] },
      ]);
    }
    const shopIds = reportShops(actor, request.shopIds);
    const platforms = request.platforms ?? [];
    const range = monthRange(request.month);
    const slice: ReportSlice = { shopIds, platforms, start: range.start, end: range.end };
    const before: ReportSlice = { ...slice, start: range.previousStart, end: range.start };
    // Independent statements: run side by side on the pool.
    const [current, previous, products, skus, outcomes, spent, firstContact, quotes, effects] = await Promise.all([
      this.aggregates.causeCounts(slice),
      this.aggregates.causeCounts(before),
      this.aggregates.topProducts(slice, range.start),
      this.aggregates.topSkus(slice),
      this.aggregates.outcomes(slice),
      this.aggregates.compensationSpent(slice),
      this.aggregates.firstContactHours(slice),
      this.aggregates.quotes(slice, ROOT_CAUSES),
      this.actionEffects(shopIds, request.month),
    ]);
    const cases = current.reduce((sum, row) => sum + row.cases, 0);
    const previousCases = previous.reduce((sum, row) => sum + row.cases, 0);
    return {
      month: request.month,
      previousMonth: previousMonth(request.month),
      shopIds,
      platforms,
      cases,
      previousCases,
      change: changeBetween(previousCases, cases),
      causes: causeRows(current, previous).map((row) => ({
        ...row,
        whoShouldAct: row.rootCause ? whoShouldAct(row.rootCause, locale) : '',
        quotes: quotes
          .filter((quote) => quote.rootCause === row.rootCause)
          .map((quote) => ({ caseId: quote.caseId, text: maskPersonalDataInText(quote.text).slice(0, QUOTE_LENGTH) })),
      })),
      topProducts: products.map((product) => ({
        ...product,
        complaintsPerThousandOrders: complaintsPerThousandOrders(product.complaints, product.orders),
      })),
      topSkus: skus,
      outcomes: REPORT_OUTCOMES.map((outcome) => {
        const count = outcomes.find((row) => row.outcome === outcome)?.cases ?? 0;
        return { outcome, cases: count, share: shareOf(count, cases) };
      }),
      compensation: spent,
      compensationTotalFen: spent.reduce((sum, row) => sum + row.amountFen, 0),
      firstContact: { medianHours: firstContact.median, p90Hours: firstContact.p90, cases: firstContact.cases },
      actionItems: effects,
    };
  }

  /** Every action item started by the report's month, with its cause's rate before and after. */
  private async actionEffects(shopIds: string[] | null, month: ReportMonth): Promise<ActionEffectDto[]> {
    const items = await this.actionItems.list(shopIds, month);
    return Promise.all(
      items.slice(0, 20).map(async (item) => {
        const history = await this.actionItems.history(item, monthsBefore(item.startedMonth)[0] as ReportMonth, month);
        return {
          id: item.id,
          title: item.title,
          rootCause: item.rootCause,
          subCause: item.subCause,
          productTitle: item.productTitle,
          skuName: item.skuName,
          department: item.department,
          status: item.status,
          version: item.version,
          startedMonth: item.startedMonth,
          ...actionEffect(history, item.startedMonth, month),
        };
      }),
    );
  }
}
