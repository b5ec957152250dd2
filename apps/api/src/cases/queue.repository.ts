import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { SignedInActor } from '../common/actor/actor';
import { preparedQuery } from '../database/prepared-query';
import { OVERDUE_SQL, queueFilterSql, REVIEWED_ON_SQL, SqlParams } from './case-scope';
import type { CaseCountsQueryDto, ListCasesQueryDto } from './dto/list-cases.dto';

/** One line of the queue as the page statement reads it. */
export interface SummaryRow {
  id: string;
  shop_id: string;
  shop_name: string;
  platform: string;
  stage: string;
  version: number;
  severity: string;
  rating: string;
  root_cause: string | null;
  buyer_nickname: string;
  review_text: string;
  reviewed_at: Date;
  first_contact_due_at: Date;
  first_contact_at: Date | null;
  urgency_at: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  second_cause: string | null;
  disagreement: boolean;
  needs_checking: boolean;
}

/**
 * Triage's disagreement flag, false for cases triaged before it existed. With the cause neither corrected nor
 * confirmed it is the domain's causeNeedsChecking.
 */
const DISAGREEMENT_SQL = `COALESCE((c.triage->>'disagreement')::boolean, false)`;

/** Where a queue page starts: after this case in (urgency_at, id) order. */
export interface QueueCursor {
  urgencyAt: string;
  id: string;
}

export interface QueuePageQuery {
  actor: SignedInActor;
  filters: ListCasesQueryDto;
  /** Words in the review text, a buyer's nickname, or an order id exactly; null for no search. */
  search: string | null;
  status: 'open' | 'closed' | 'all';
  after: QueueCursor | null;
  limit: number;
  now: Date;
}

export interface QueueCounts {
  byStage: Map<string, number>;
  overdueFirstContact: number;
  pool: number;
}

/** Row keys of the counters statement that are not stages. */
const POOL = 'pool';
const OVERDUE = 'overdue_first_contact';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The case queue's statements: its pages, its counters and the folding of the counters' changes. */
@Injectable()
export class QueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` cases most urgent first, keyset-paginated on (urgency_at, id) so deep pages stay fast. */
  async page(query: QueuePageQuery): Promise<SummaryRow[]> {
    const { filters } = query;
    const params = new SqlParams();
    const param = (value: unknown) => params.add(value);
    const where = queueFilterSql(query.actor, filters, params);
    if (filters.stage?.length) where.push(`c.stage = ANY(${param(filters.stage)})`);
    else if (query.status === 'open') where.push(`c.stage <> 'recorded'`);
    else if (query.status === 'closed') where.push(`c.stage = 'recorded'`);
    if (filters.platform) where.push(`c.platform = ${param(filters.platform)}`);
    if (filters.rootCause) where.push(`c.root_cause = ${param(filters.rootCause)}`);
    if (filters.severity) where.push(`c.severity = ${param(filters.severity)}`);
    if (filters.overdue) where.push(OVERDUE_SQL[filters.overdue](param(query.now)));
    if (filters.reviewedOn) where.push(REVIEWED_ON_SQL(param(filters.reviewedOn)));
    if (filters.importId) where.push(`c.import_job_id = ${param(filters.importId)}`);
    if (query.search) {
      const pattern = param(likePattern(query.search));
      where.push(
        `(r.text ILIKE ${pattern} OR b.nickname ILIKE ${pattern} OR o.platform_order_id = ${param(query.search)})`,
      );
    }
    if (query.after) {
      where.push(
        `(c.urgency_at, c.id) > (${param(query.after.urgencyAt)}::timestamptz, ${param(query.after.id)}::uuid)`,
      );
    }
    return preparedQuery<SummaryRow>(
      this.dataSource.manager,
      `SELECT c.id, c.shop_id, s.name AS shop_name, c.platform, c.stage, c.version, c.severity, c.rating,
              c.root_cause, b.nickname AS buyer_nickname, left(COALESCE(r.text, c.care_note), 120) AS review_text, c.reviewed_at,
              c.first_contact_due_at, c.first_contact_at, c.urgency_at, c.assignee_id, u.display_name AS assignee_name,
              c.triage->>'secondCause' AS second_cause, ${DISAGREEMENT_SQL} AS disagreement,
              ${DISAGREEMENT_SQL} AND NOT c.root_cause_confirmed
                AND c.root_cause IS NOT DISTINCT FROM c.suggested_root_cause AS needs_checking
         FROM support_case c
         JOIN shop s ON s.id = c.shop_id
         JOIN buyer b ON b.id = c.buyer_id
         LEFT JOIN review r ON r.id = c.review_id
         LEFT JOIN trade_order o ON o.id = c.order_id
         LEFT JOIN app_user u ON u.id = c.assignee_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.urgency_at, c.id
        LIMIT ${param(query.limit)}`,
      params.values,
    );
  }

  /**
   * The counters in one statement: stage counts and the pool from `queue_count` (kept by triggers, a few
   * rows per shop and agent), overdue first contacts from the partial index of cases still awaiting
   * one — nothing here counts over all open cases.
   */
  async counts(query: { actor: SignedInActor; filters: CaseCountsQueryDto; now: Date }): Promise<QueueCounts> {
    const params = new SqlParams();
    const where = queueFilterSql(query.actor, query.filters, params).join(' AND ');
    const rows = await preparedQuery<{ key: string; count: number }>(
      this.dataSource.manager,
      `SELECT c.stage AS key, sum(c.cases)::int AS count
         FROM queue_count c
        WHERE c.stage <> 'recorded' AND ${where}
        GROUP BY c.stage
       UNION ALL
       -- The pool of the user's shops, whatever the tab shows: the pool tab's badge.
       SELECT '${POOL}', coalesce(sum(cases), 0)::int
         FROM queue_count
        WHERE assignee_id IS NULL AND stage <> 'recorded' AND shop_id = ANY(${params.add([...query.actor.shopIds])}::uuid[])
       UNION ALL
       SELECT '${OVERDUE}', count(*)::int
         FROM support_case c
        WHERE c.first_contact_at IS NULL AND c.stage <> 'recorded'
          AND c.first_contact_due_at < ${params.add(query.now)} AND ${where}`,
      params.values,
    );
    const counted = new Map(rows.map((row) => [row.key, row.count]));
    const overdueFirstContact = counted.get(OVERDUE) ?? 0;
    const pool = counted.get(POOL) ?? 0;
    counted.delete(OVERDUE);
    counted.delete(POOL);
    return { byStage: counted, overdueFirstContact, pool };
  }

  /**
   * Folds the counters' appended changes into one row per shop, assignee and stage. One statement: the
   * rows it deletes are the rows it re-inserts as totals, changes committed meanwhile stay as they are,
   * and two instances folding at once cannot count a change twice (the second waits, then skips what
   * the first deleted).
   */
  async foldCounts(): Promise<void> {
    await this.dataSource.query(`
      WITH folded AS (DELETE FROM queue_count RETURNING shop_id, assignee_id, stage, cases)
      INSERT INTO queue_count (shop_id, assignee_id, stage, cases)
        SELECT shop_id, assignee_id, stage, sum(cases) FROM folded
         GROUP BY shop_id, assignee_id, stage HAVING sum(cases) <> 0`);
  }
}
