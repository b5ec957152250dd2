import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  monthRange,
  type ActionItemStatus,
  type Department,
  type MonthComplaints,
  type ReportMonth,
  type RootCause,
} from '@chaping/domain';

import { SqlParams } from '../cases/case-scope';

export interface ActionItemRow {
  id: string;
  shopId: string;
  rootCause: RootCause;
  subCause: string | null;
  productId: string | null;
  productTitle: string | null;
  skuName: string | null;
  title: string;
  department: Department;
  owner: string | null;
  dueOn: string;
  status: ActionItemStatus;
  startedMonth: ReportMonth;
  createdByName: string | null;
  createdAt: string;
  version: number;
}

export interface NewActionItem {
  shopId: string;
  rootCause: RootCause;
  subCause: string | null;
  productId: string | null;
  skuName: string | null;
  title: string;
  department: Department;
  owner: string | null;
  dueOn: string;
  startedMonth: ReportMonth;
  createdBy: string;
}

const SELECT = `SELECT a.id, a.shop_id AS "shopId", a.root_cause AS "rootCause", a.sub_cause AS "subCause",
       a.product_id AS "productId", p.title AS "productTitle", a.sku_name AS "skuName", a.title, a.department,
       a.owner, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status, to_char(a.started_month, 'YYYY-MM') AS "startedMonth",
       u.display_name AS "createdByName", a.created_at AS "createdAt", a.version
  FROM action_item a LEFT JOIN product p ON p.id = a.product_id LEFT JOIN app_user u ON u.id = a.created_by`;

type Raw = Omit<ActionItemRow, 'createdAt'> & { createdAt: Date };
const toRow = (raw: Raw): ActionItemRow => ({ ...raw, createdAt: raw.createdAt.toISOString() });

@Injectable()
export class ActionItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(shopIds: readonly string[] | null, upTo: ReportMonth | null = null): Promise<ActionItemRow[]> {
    const params = new SqlParams();
    const where = ['TRUE'];
    if (shopIds) where.push(`a.shop_id = ANY(${params.add(shopIds)}::uuid[])`);
    if (upTo) where.push(`a.started_month <= (${params.add(upTo)} || '-01')::date`);
    const rows: Raw[] = await this.dataSource.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.started_month DESC, a.created_at DESC, a.id LIMIT 200`,
      params.values,
    );
    return rows.map(toRow);
  }

  async isProductOfShop(productId: string, shopId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM product WHERE id = $1 AND shop_id = $2`, [
      productId,
      shopId,
    ]);
    return rows.length > 0;
  }

  async get(id: string): Promise<ActionItemRow | null> {
    const rows: Raw[] = await this.dataSource.query(`${SELECT} WHERE a.id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async insert(item: NewActionItem): Promise<string> {
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO action_item (shop_id, root_cause, sub_cause, product_id, sku_name, title, department, owner, due_on, started_month, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ($10 || '-01')::date, $11) RETURNING id`,
      [
        item.shopId,
        item.rootCause,
        item.subCause,
        item.productId,
        item.skuName,
        item.title,
        item.department,
        item.owner,
        item.dueOn,
        item.startedMonth,
        item.createdBy,
      ],
    );
    return (row as { id: string }).id;
  }

  /** Optimistic: only the version the caller saw is updated; returns false if someone else got there first. */
  async update(
    id: string,
    expectedVersion: number,
    patch: { status?: ActionItemStatus; owner?: string | null; dueOn?: string },
  ): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE action_item SET status = coalesce($3, status), owner = CASE WHEN $4 THEN $5 ELSE owner END,
              due_on = coalesce($6::date, due_on), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, expectedVersion, patch.status ?? null, patch.owner !== undefined, patch.owner ?? null, patch.dueOn ?? null],
    );
    return result[1] === 1;
  }

  /** Complaints per month of the item's cause on its scope, every month from `first` to `last`, with orders when known. */
  async history(item: ActionItemRow, first: ReportMonth, last: ReportMonth): Promise<MonthComplaints[]> {
    const params = new SqlParams();
    const where = [
      `c.reviewed_at >= ${params.add(monthRange(first).start)}`,
      `c.reviewed_at < ${params.add(monthRange(last).end)}`,
      `c.report_cause = ${params.add(item.rootCause)}`,
    ];
    if (item.subCause) where.push(`c.report_sub_cause = ${params.add(item.subCause)}`);
    if (item.productId) where.push(`c.product_id = ${params.add(item.productId)}`);
    else where.push(`c.shop_id = ${params.add(item.shopId)}`);
    if (item.skuName) where.push(`c.sku_name = ${params.add(item.skuName)}`);
    const product = params.add(item.productId);
    return this.dataSource.query(
      `SELECT to_char(g.month, 'YYYY-MM') AS month, coalesce(m.complaints, 0)::int AS complaints, o.orders
         FROM generate_series((${params.add(first)} || '-01')::date, (${params.add(last)} || '-01')::date, interval '1 month') g(month)
         LEFT JOIN (SELECT to_char(c.reviewed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS complaints
                      FROM support_case c WHERE ${where.join(' AND ')} GROUP BY 1) m ON m.month = to_char(g.month, 'YYYY-MM')
         LEFT JOIN product_month_orders o ON o.product_id = ${product}::uuid AND o.month = g.month::date
        ORDER BY g.month`,
      params.values,
    );
  }
}
