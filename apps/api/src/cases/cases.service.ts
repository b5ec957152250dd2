import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { STAGES } from '@chaping/domain';

import type { Caller, SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RequestValidationError } from '../common/errors/validation-error';
import { preparedQuery } from '../database/prepared-query';
import { CaseAccess } from './case-access';
import type { CaseRow } from './case-row';
import { OVERDUE_SQL, queueFilterSql, REVIEWED_ON_SQL, SqlParams } from './case-scope';
import { CaseViewService } from './case-view.service';
import type { CaseViewDto, EarlierCaseDto } from './dto/case-view.dto';
import type {
  CaseCountsDto,
  CaseCountsQueryDto,
  CasePageDto,
  CaseSummaryDto,
  ListCasesQueryDto,
} from './dto/list-cases.dto';
import { EarlierCasesRepository } from './earlier-cases.repository';

interface SummaryRow {
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

type Cursor = { urgencyAt: string; id: string };

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.urgencyAt, cursor.id])).toString('base64url');

function decodeCursor(raw: string): Cursor {
  try {
    const [urgencyAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown];
    if (
      typeof urgencyAt === 'string' &&
      !Number.isNaN(Date.parse(urgencyAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { urgencyAt, id };
    }
  } catch {
    // fall through to the validation error
  }
  throw new RequestValidationError([
    { field: 'cursor', messages: ['cursor is not valid: pass the nextCursor of the previous page unchanged'] },
  ]);
}

/** Row keys of the counters statement that are not stages. */
const POOL = 'pool';
const OVERDUE = 'overdue_first_contact';

const ACCESS_SQL = 'SELECT c.id, c.shop_id, c.assignee_id FROM support_case c WHERE c.id = $1';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: CaseViewService,
    private readonly access: CaseAccess,
    private readonly earlier: EarlierCasesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get(caseId: string, caller: Caller): Promise<CaseViewDto> {
    return this.views.get(this.dataSource.manager, caseId, caller);
  }

  /** The buyer's earlier cases, for a caller who may work this one. */
  async earlierCases(caseId: string, caller: Caller): Promise<EarlierCaseDto[]> {
    const manager = this.dataSource.manager;
    // The access rule needs only these columns of the case.
    const { actor } = await this.access.read<CaseRow>(manager, caller, caseId, ACCESS_SQL, [caseId]);
    const rows = await this.earlier.find(manager, caseId, actor);
    return rows.map((row) => ({
      id: row.id,
      shopName: row.shop_name,
      stage: row.stage,
      rating: row.rating,
      reviewedAt: row.reviewed_at.toISOString(),
      reviewText: row.review_text,
      rootCause: row.root_cause,
      closedAt: row.closed_at?.toISOString() ?? null,
      outcome: row.outcome,
      specialNotes: row.special_notes?.trim() || null,
    }));
  }

  /** The queue: most urgent first, keyset-paginated on (urgency_at, id) so deep pages stay fast. */
  async list(query: ListCasesQueryDto, actor: SignedInActor): Promise<CasePageDto> {
    const params = new SqlParams();
    const param = (value: unknown) => params.add(value);
    const where = queueFilterSql(actor, query, params);
    const q = query.q?.trim();
    // A search looks through the archive too: someone looking up a buyer wants their old cases.
    const status = query.status ?? (q ? 'all' : 'open');
    if (query.stage?.length) where.push(`c.stage = ANY(${param(query.stage)})`);
    else if (status === 'open') where.push(`c.stage <> 'recorded'`);
    else if (status === 'closed') where.push(`c.stage = 'recorded'`);
    if (query.platform) where.push(`c.platform = ${param(query.platform)}`);
    if (query.rootCause) where.push(`c.root_cause = ${param(query.rootCause)}`);
    if (query.severity) where.push(`c.severity = ${param(query.severity)}`);
    if (query.overdue) where.push(OVERDUE_SQL[query.overdue](param(this.clock.now())));
    if (query.reviewedOn) where.push(REVIEWED_ON_SQL(param(query.reviewedOn)));
    if (query.importId) where.push(`c.import_job_id = ${param(query.importId)}`);
    if (q) {
      const pattern = param(likePattern(q));
      where.push(`(r.text ILIKE ${pattern} OR b.nickname ILIKE ${pattern} OR o.platform_order_id = ${param(q)})`);
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      where.push(`(c.urgency_at, c.id) > (${param(cursor.urgencyAt)}::timestamptz, ${param(cursor.id)}::uuid)`);
    }
    const limit = query.limit ?? 50;
    const rows = await preparedQuery<SummaryRow>(
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
        LIMIT ${param(limit + 1)}`,
      params.values,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toSummary),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ urgencyAt: last.urgency_at.toISOString(), id: last.id }) : null,
    };
  }

  /**
   * Counters for the queue's tabs in one statement: stage counts and the pool from `queue_count`
   * (kept by triggers, a few rows per shop and agent), overdue first contacts from the partial index
   * of cases still awaiting one — nothing here counts over all open cases.
   */
  async counts(query: CaseCountsQueryDto, actor: SignedInActor): Promise<CaseCountsDto> {
    const params = new SqlParams();
    const where = queueFilterSql(actor, query, params).join(' AND ');
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
        WHERE assignee_id IS NULL AND stage <> 'recorded' AND shop_id = ANY(${params.add([...actor.shopIds])}::uuid[])
       UNION ALL
       SELECT '${OVERDUE}', count(*)::int
         FROM support_case c
        WHERE c.first_contact_at IS NULL AND c.stage <> 'recorded'
          AND c.first_contact_due_at < ${params.add(this.clock.now())} AND ${where}`,
      params.values,
    );
    const counted = new Map(rows.map((row) => [row.key, row.count]));
    return {
      byStage: STAGES.filter((stage) => stage !== 'recorded').map((stage) => ({
        stage,
        count: counted.get(stage) ?? 0,
      })),
      overdueFirstContact: counted.get(OVERDUE) ?? 0,
      pool: counted.get(POOL) ?? 0,
    };
  }
}

function toSummary(row: SummaryRow): CaseSummaryDto {
  return {
    id: row.id,
    shopId: row.shop_id,
    shopName: row.shop_name,
    platform: row.platform,
    stage: row.stage,
    version: row.version,
    severity: row.severity,
    rating: row.rating,
    rootCause: row.root_cause,
    buyerNickname: row.buyer_nickname,
    reviewText: row.review_text,
    reviewedAt: row.reviewed_at.toISOString(),
    firstContactDueAt: row.first_contact_due_at.toISOString(),
    firstContactAt: row.first_contact_at?.toISOString() ?? null,
    urgencyAt: row.urgency_at.toISOString(),
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    secondCause: row.second_cause,
    disagreement: row.disagreement,
    needsChecking: row.needs_checking,
  };
}
