import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { STAGES } from '@chaping/domain';

import type { Caller, SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RequestValidationError } from '../common/errors/validation-error';
import { CaseAccess } from './case-access';
import type { CaseRow } from './case-row';
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
import { QueueRepository, type QueueCursor, type SummaryRow } from './queue.repository';

const encodeCursor = (cursor: QueueCursor) =>
  Buffer.from(JSON.stringify([cursor.urgencyAt, cursor.id])).toString('base64url');

function decodeCursor(raw: string): QueueCursor {
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

const ACCESS_SQL = 'SELECT c.id, c.shop_id, c.assignee_id FROM support_case c WHERE c.id = $1';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: CaseViewService,
    private readonly access: CaseAccess,
    private readonly earlier: EarlierCasesRepository,
    private readonly queue: QueueRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get(caseId: string, caller: Caller): Promise<CaseViewDto> {
    return this.views.get(this.dataSource.manager, caseId, caller);
  }

  /** The buyer's earlier cases, for a caller who may work this one. */
  async earlierCases(caseId: string, caller: Caller): Promise<EarlierCaseDto[]> {
    const manager = this.dataSource.manager;
    // The access rule needs only these columns of the case.
    const { actor } = await this.access.read<CaseRow>(manager, caller, { caseId, sql: ACCESS_SQL, values: [caseId] });
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
    const q = query.q?.trim();
    const limit = query.limit ?? 50;
    const rows = await this.queue.page({
      actor,
      filters: query,
      search: q || null,
      // A search looks through the archive too: someone looking up a buyer wants their old cases.
      status: query.status ?? (q ? 'all' : 'open'),
      after: query.cursor ? decodeCursor(query.cursor) : null,
      limit: limit + 1,
      now: this.clock.now(),
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toSummary),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ urgencyAt: last.urgency_at.toISOString(), id: last.id }) : null,
    };
  }

  /** Counters for the queue's tabs: cases per stage, overdue first contacts, and the pool of the user's shops. */
  async counts(query: CaseCountsQueryDto, actor: SignedInActor): Promise<CaseCountsDto> {
    const counted = await this.queue.counts({ actor, filters: query, now: this.clock.now() });
    return {
      byStage: STAGES.filter((stage) => stage !== 'recorded').map((stage) => ({
        stage,
        count: counted.byStage.get(stage) ?? 0,
      })),
      overdueFirstContact: counted.overdueFirstContact,
      pool: counted.pool,
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
