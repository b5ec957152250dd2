import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { CompensationType, Severity } from '@chaping/domain';

import { PolicyService } from '../cases/policy.service';
import type { SignedInActor } from '../common/actor/actor';
import { ApprovalsRepository, type PendingCompensationRow } from './approvals.repository';
import type { PendingCompensationDto } from './dto/pending-compensation.dto';

/** The team lead's approval queue, with what a decision needs: the limit, the case, the buyer's history. */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly approvals: ApprovalsRepository,
    private readonly policies: PolicyService,
  ) {}

  async pending(actor: SignedInActor): Promise<PendingCompensationDto[]> {
    const rows = await this.approvals.pending(this.dataSource.manager, actor);
    return rows.map((row) => this.toDto(row));
  }

  private toDto(row: PendingCompensationRow): PendingCompensationDto {
    // Proposals recorded before their event carried the limit read today's limit for the case.
    const limitFen =
      row.limit_fen ??
      this.policies.forShop(row.shop_id).compensation.limitsFen[row.type as CompensationType][row.severity as Severity];
    return {
      id: row.id,
      caseId: row.case_id,
      caseVersion: row.case_version,
      shopName: row.shop_name,
      buyerNickname: row.buyer_nickname,
      reviewText: row.review_text,
      type: row.type,
      amountFen: row.amount_fen,
      limitFen,
      note: row.note,
      approvalReasons: row.approval_reasons,
      proposedAt: row.proposed_at.toISOString(),
      proposedByName: row.proposed_by_name,
      severity: row.severity,
      rootCause: row.root_cause,
      rootCauseConfirmed: row.root_cause_confirmed,
      maliciousKind: row.malicious_kind,
      buyerHistory: row.buyer_history.map((item) => ({
        id: item.id,
        caseId: item.case_id,
        type: item.type,
        amountFen: item.amount_fen,
        status: item.status,
        proposedAt: new Date(item.proposed_at).toISOString(),
      })),
    };
  }
}
