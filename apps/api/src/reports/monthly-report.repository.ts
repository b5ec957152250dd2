import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { CauseCount, CompensationType, Platform, ReportOutcome, RootCause } from '@chaping/domain';

import { SqlParams } from '../cases/case-scope';

/** Which cases a report reads: shops (null = every shop), platforms (empty = all), and a time range. */
export interface ReportSlice {
  shopIds: readonly string[] | null;
  platforms: readonly Platform[];
  start: Date;
  end: Date;
}

/** The cause a case counts under: the one an agent confirmed, else the one triage suggested. */
const CAUSE = 'coalesce(c.root_cause, c.suggested_root_cause)';
const SUB_CAUSE = 'CASE WHEN c.root_cause IS NOT NULL THEN c.sub_cause ELSE c.suggested_sub_cause END';

/**
 * Mirrors the domain's reportOutcome (revised, deleted, appeal won, replied, else unresolved) in SQL,
 * so that a month is counted in one pass; monthly-report.e2e-spec checks the two agree.
 */
const OUTCOME = `CASE WHEN c.review_outcome = 'revised_positive' THEN 'revised'
      WHEN c.review_outcome = 'deleted' THEN 'deleted'
      WHEN EXISTS (SELECT 1 FROM appeal a WHERE a.case_id = c.id AND a.result = 'won') THEN 'appeal_won'
      WHEN EXISTS (SELECT 1 FROM public_reply r WHERE r.case_id = c.id AND r.status = 'published') THEN 'replied'
      ELSE 'unresolved' END`;
export const REPORT_OUTCOME_SQL = OUTCOME;

export interface ProductCount {
  productId: string;
  shopId: string;
  title: string;
  complaints: number;
  orders: number | null;
  topCause: RootCause | null;
}

export interface SkuCount {
  productId: string;
  shopId: string;
  title: string;
  skuName: string;
  complaints: number;
}

export interface CompensationSpend {
  type: CompensationType;
  count: number;
  amountFen: number;
}

export interface Quote {
  rootCause: RootCause | null;
  caseId: string;
  text: string;
}

/**
 * The monthly report's aggregates, one statement each, every one served by an index of the
 * AddReporting migration (a month of 1M cases reads ~40k index entries, never the whole table).
 */
@Injectable()
export class MonthlyReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `WHERE` for the slice over support_case `c`, on the reporting index (shop_id, reviewed_at). */
  private where(slice: ReportSlice, params: SqlParams, column = 'c.reviewed_at'): string {
    const where = [`${column} >= ${params.add(slice.start)}`, `${column} < ${params.add(slice.end)}`];
    if (slice.shopIds) where.push(`c.shop_id = ANY(${params.add(slice.shopIds)}::uuid[])`);
    if (slice.platforms.length > 0) where.push(`c.platform = ANY(${params.add(slice.platforms)}::text[])`);
    return where.join(' AND ');
  }

  async causeCounts(slice: ReportSlice): Promise<CauseCount[]> {
    const params = new SqlParams();
    const rows: Array<{ root_cause: RootCause | null; sub_cause: string | null; cases: number }> =
      await this.dataSource.query(
        `SELECT ${CAUSE} AS root_cause, ${SUB_CAUSE} AS sub_cause, count(*)::int AS cases
           FROM support_case c WHERE ${this.where(slice, params)}
          GROUP BY 1, 2`,
        params.values,
      );
    return rows.map((row) => ({ rootCause: row.root_cause, subCause: row.sub_cause, cases: row.cases }));
  }

  async topProducts(slice: ReportSlice, monthStart: Date, limit = 10): Promise<ProductCount[]> {
    const params = new SqlParams();
    const where = this.where(slice, params);
    const month = params.add(monthStart);
    const rows: Array<{
      product_id: string;
      shop_id: string;
      title: string;
      complaints: number;
      orders: number | null;
      top_cause: RootCause | null;
    }> = await this.dataSource.query(
      `SELECT t.product_id, p.shop_id, p.title, t.complaints, o.orders, t.top_cause
         FROM (SELECT c.product_id, count(*)::int AS complaints, mode() WITHIN GROUP (ORDER BY ${CAUSE}) AS top_cause
                 FROM support_case c WHERE ${where} AND c.product_id IS NOT NULL
                GROUP BY c.product_id ORDER BY complaints DESC, c.product_id LIMIT ${params.add(limit)}) t
         JOIN product p ON p.id = t.product_id
         LEFT JOIN product_month_orders o ON o.product_id = t.product_id
              AND o.month = (${month}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
        ORDER BY t.complaints DESC, t.product_id`,
      params.values,
    );
    return rows.map((row) => ({
      productId: row.product_id,
      shopId: row.shop_id,
      title: row.title,
      complaints: row.complaints,
      orders: row.orders,
      topCause: row.top_cause,
    }));
  }

  async topSkus(slice: ReportSlice, limit = 10): Promise<SkuCount[]> {
    const params = new SqlParams();
    const rows: Array<{ product_id: string; shop_id: string; title: string; sku_name: string; complaints: number }> =
      await this.dataSource.query(
        `SELECT t.product_id, p.shop_id, p.title, t.sku_name, t.complaints
           FROM (SELECT c.product_id, o.sku_name, count(*)::int AS complaints
                   FROM support_case c JOIN trade_order o ON o.id = c.order_id
                  WHERE ${this.where(slice, params)} AND o.sku_name IS NOT NULL
                  GROUP BY c.product_id, o.sku_name
                  ORDER BY complaints DESC, c.product_id, o.sku_name LIMIT ${params.add(limit)}) t
           JOIN product p ON p.id = t.product_id
          ORDER BY t.complaints DESC, t.product_id, t.sku_name`,
        params.values,
      );
    return rows.map((row) => ({
      productId: row.product_id,
      shopId: row.shop_id,
      title: row.title,
      skuName: row.sku_name,
      complaints: row.complaints,
    }));
  }

  async outcomes(slice: ReportSlice): Promise<Array<{ outcome: ReportOutcome; cases: number }>> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT ${OUTCOME} AS outcome, count(*)::int AS cases
         FROM support_case c WHERE ${this.where(slice, params)} GROUP BY 1`,
      params.values,
    );
  }

  /** Compensation approved or paid in the period, by type. */
  async compensationSpent(slice: ReportSlice): Promise<CompensationSpend[]> {
    const params = new SqlParams();
    const where = [`c.proposed_at >= ${params.add(slice.start)}`, `c.proposed_at < ${params.add(slice.end)}`];
    if (slice.shopIds) where.push(`c.shop_id = ANY(${params.add(slice.shopIds)}::uuid[])`);
    if (slice.platforms.length > 0)
      where.push(
        `EXISTS (SELECT 1 FROM support_case s WHERE s.id = c.case_id AND s.platform = ANY(${params.add(slice.platforms)}::text[]))`,
      );
    return this.dataSource.query(
      `SELECT c.type, count(*)::int AS count, sum(c.amount_fen)::int AS "amountFen"
         FROM compensation c WHERE c.status IN ('approved', 'paid') AND ${where.join(' AND ')}
        GROUP BY c.type ORDER BY "amountFen" DESC, c.type`,
      params.values,
    );
  }

  /** Hours from the review to the first contact: median and 90th percentile, over the cases contacted. */
  async firstContactHours(slice: ReportSlice): Promise<{ median: number | null; p90: number | null; cases: number }> {
    const params = new SqlParams();
    const [row]: Array<{ median: number | null; p90: number | null; cases: number }> = await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90, count(h)::int AS cases
         FROM (SELECT extract(epoch FROM c.first_contact_at - c.reviewed_at) / 3600 AS h
                 FROM support_case c WHERE ${this.where(slice, params)} AND c.first_contact_at IS NOT NULL) t`,
      params.values,
    );
    return row ?? { median: null, p90: null, cases: 0 };
  }

  /** A few quotes per cause: the most severe, then the most recent reviews. */
  async quotes(slice: ReportSlice, perCause = 3): Promise<Quote[]> {
    const params = new SqlParams();
    const rows: Array<{ root_cause: RootCause | null; case_id: string; text: string }> = await this.dataSource.query(
      `SELECT q.root_cause, q.id AS case_id, r.text
         FROM (SELECT c.id, c.review_id, ${CAUSE} AS root_cause,
                      row_number() OVER (PARTITION BY ${CAUSE}
                        ORDER BY array_position(ARRAY['critical','high','medium','low'], c.severity), c.reviewed_at DESC, c.id) AS n
                 FROM support_case c WHERE ${this.where(slice, params)}) q
         JOIN review r ON r.id = q.review_id
        WHERE q.n <= ${params.add(perCause)}
        ORDER BY q.root_cause, q.n`,
      params.values,
    );
    return rows.map((row) => ({ rootCause: row.root_cause, caseId: row.case_id, text: row.text }));
  }
}
