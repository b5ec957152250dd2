import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { caseScopeSql, SqlParams } from '../cases/case-scope';
import type { SignedInActor } from '../common/actor/actor';

/** How many pending compensations the approval queue shows, and how much of each buyer's history. */
export const APPROVALS_LIMIT = 200;
export const BUYER_HISTORY_LIMIT = 10;

export interface BuyerCompensationRow {
  id: string;
  case_id: string;
  type: string;
  amount_fen: number;
  status: string;
  proposed_at: string;
}

export interface PendingCompensationRow {
  id: string;
  case_id: string;
  shop_id: string;
  case_version: number;
  shop_name: string;
  buyer_nickname: string;
  review_text: string;
  type: string;
  amount_fen: number;
  /** From the proposal's event: the limit in force when it was made (null on events written before it). */
  limit_fen: number | null;
  note: string;
  approval_reasons: string[];
  proposed_at: Date;
  proposed_by_name: string | null;
  severity: string;
  root_cause: string | null;
  root_cause_confirmed: boolean;
  malicious_kind: string | null;
  buyer_history: BuyerCompensationRow[];
}

/** The team lead's approval queue: what waits, on which case, and what the buyer got before. */
@Injectable()
export class ApprovalsRepository {
  async pending(manager: EntityManager, actor: SignedInActor): Promise<PendingCompensationRow[]> {
    const params = new SqlParams();
    const scope = caseScopeSql(actor, params);
    return manager.query(
      `SELECT x.id, x.case_id, c.shop_id, c.version AS case_version, s.name AS shop_name, b.nickname AS buyer_nickname,
              left(COALESCE(r.text, c.care_note), 120) AS review_text, x.type, x.amount_fen, x.note,
              x.approval_reasons, x.proposed_at, u.display_name AS proposed_by_name,
              c.severity, c.root_cause, c.root_cause_confirmed, c.malicious_kind,
              (SELECT (e.data ->> 'limitFen')::int FROM case_event e
                WHERE e.case_id = x.case_id AND e.type = 'compensation_proposed'
                  AND e.data ->> 'compensationId' = x.id::text
                ORDER BY e.id DESC LIMIT 1) AS limit_fen,
              COALESCE((SELECT json_agg(h ORDER BY h.proposed_at DESC, h.id DESC) FROM (
                  SELECT o.id, o.case_id, o.type, o.amount_fen, o.status, o.proposed_at
                    FROM compensation o
                   WHERE o.buyer_id = x.buyer_id AND o.id <> x.id
                   ORDER BY o.proposed_at DESC, o.id DESC
                   LIMIT ${BUYER_HISTORY_LIMIT}) h), '[]') AS buyer_history
         FROM compensation x
         JOIN support_case c ON c.id = x.case_id
         JOIN shop s ON s.id = x.shop_id
         JOIN buyer b ON b.id = c.buyer_id
         LEFT JOIN review r ON r.id = c.review_id
         LEFT JOIN app_user u ON u.id::text = x.proposed_by
        WHERE x.status = 'pending_approval' AND ${scope}
        ORDER BY x.proposed_at, x.id
        LIMIT ${APPROVALS_LIMIT}`,
      params.values,
    );
  }
}
