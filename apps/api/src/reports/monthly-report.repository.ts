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

/*
 * The cause a case counts under (report_cause: the agent's, else triage's, a generated column),
 * its sub-cause, its report_outcome (the domain's caseReportOutcome, stored on every save) and
 * its SKU are all in the covering index support_case_report_idx (migration AddReportColumns).
 */

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
        `SELECT c.report_cause AS root_cause, c.report_sub_cause AS sub_cause, count(*)::int AS cases
           FROM support_case c WHERE ${this.where(slice, params)}
          GROUP BY 1, 2`,
        params.values,
      );
    return rows.map((row) => ({ rootCause: row.root_cause, subCause: row.sub_cause, cases: row.cases }));
  }

  async topProducts(slice: ReportSlice, monthStart: Date, limit = 10): Promise<ProductCount[]> {
    const params = new SqlParams();
    const where = this.where(slice, params);
    const productWhere = this.where({ ...slice, shopIds: null }, params);
    const month = params.add(monthStart);
    const rows: Array<{
      product_id: string;
      shop_id: string;
      title: string;
      complaints: number;
      orders: number | null;
      top_cause: RootCause | null;
    }> = await this.dataSource.query(
      `SELECT t.product_id, p.shop_id, p.title, t.complaints, o.orders, top.cause AS top_cause
         FROM (SELECT c.product_id, count(*)::int AS complaints
                 FROM support_case c WHERE ${where} AND c.product_id IS NOT NULL
                GROUP BY c.product_id ORDER BY complaints DESC, c.product_id LIMIT ${params.add(limit)}) t
         JOIN product p ON p.id = t.product_id
         LEFT JOIN product_month_orders o ON o.product_id = t.product_id
              AND o.month = (${month}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
         -- The main cause of each of the few products, from the product index.
         CROSS JOIN LATERAL (SELECT c.report_cause AS cause FROM support_case c
                              WHERE c.product_id = t.product_id AND ${productWhere}
                              GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) top
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
           FROM (SELECT c.product_id, c.sku_name, count(*)::int AS complaints
                   FROM support_case c
                  WHERE ${this.where(slice, params)} AND c.sku_name IS NOT NULL AND c.product_id IS NOT NULL
                  GROUP BY c.product_id, c.sku_name
                  ORDER BY complaints DESC, c.product_id, c.sku_name LIMIT ${params.add(limit)}) t
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
      `SELECT c.report_outcome AS outcome, count(*)::int AS cases
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

  /**
   * A few quotes per cause: among the latest reviews of the cause, the most severe first. Read per
   * cause from the (report_cause, reviewed_at) index, so a month is never scanned for them.
   */
  async quotes(slice: ReportSlice, causes: ReadonlyArray<RootCause | null>, perCause = 3): Promise<Quote[]> {
    const present = causes.filter((cause): cause is RootCause => cause !== null);
    if (present.length === 0) return [];
    const params = new SqlParams();
    const rows: Array<{ root_cause: RootCause; case_id: string; text: string }> = await this.dataSource.query(
      `SELECT cause AS root_cause, q.id AS case_id, r.text
         FROM unnest(${params.add(present)}::text[]) AS cause
         CROSS JOIN LATERAL (
           SELECT latest.id, latest.review_id FROM (
             SELECT c.id, c.review_id, c.severity, c.reviewed_at FROM support_case c
              WHERE c.report_cause = cause AND ${this.where(slice, params)}
              ORDER BY c.reviewed_at DESC LIMIT 20) latest
            ORDER BY array_position(ARRAY['critical','high','medium','low'], latest.severity), latest.reviewed_at DESC, latest.id
            LIMIT ${params.add(perCause)}) q
         JOIN review r ON r.id = q.review_id`,
      params.values,
    );
    return rows.map((row) => ({ rootCause: row.root_cause, caseId: row.case_id, text: row.text }));
  }

  /**
   * Upserts orders per product and month, for complaints per 1,000 orders; a product outside
   * `shopIds` (null: every shop) is skipped. Answers how many were saved.
   */
  async saveOrderCounts(
    counts: ReadonlyArray<{ productId: string; month: string; orders: number }>,
    shopIds: readonly string[] | null,
  ): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO product_month_orders (product_id, month, shop_id, orders)
       SELECT p.id, (x.month || '-01')::date, p.shop_id, x.orders
         FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(product_id, month, orders)
         JOIN product p ON p.id = x.product_id AND ($4::uuid[] IS NULL OR p.shop_id = ANY($4::uuid[]))
       ON CONFLICT (product_id, month) DO UPDATE SET orders = EXCLUDED.orders
       RETURNING product_id`,
      [counts.map((c) => c.productId), counts.map((c) => c.month), counts.map((c) => c.orders), shopIds],
    );
    return rows.length;
  }
}
