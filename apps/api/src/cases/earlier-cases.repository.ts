import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { SignedInActor } from '../common/actor/actor';
import { preparedQuery } from '../database/prepared-query';
import { SqlParams } from './case-scope';

/** How many earlier cases the case view lists: enough to read the buyer's story, small enough to scan. */
export const EARLIER_CASES_LIMIT = 10;

export interface EarlierCaseRow {
  id: string;
  shop_name: string;
  stage: string;
  rating: string;
  reviewed_at: Date;
  review_text: string;
  root_cause: string | null;
  closed_at: Date | null;
  outcome: string | null;
  special_notes: string | null;
}

/**
 * The buyer's earlier cases: the same platform buyer id on the same platform in any shop the caller
 * works (buyer rows are per shop), reviewed before the given case, newest first, capped.
 */
@Injectable()
export class EarlierCasesRepository {
  async find(manager: EntityManager, caseId: string, actor: SignedInActor): Promise<EarlierCaseRow[]> {
    const params = new SqlParams();
    const current = params.add(caseId);
    const scope = actor.role === 'admin' ? 'TRUE' : `c.shop_id = ANY(${params.add([...actor.shopIds])}::uuid[])`;
    return preparedQuery<EarlierCaseRow>(
      manager,
      `SELECT c.id, s.name AS shop_name, c.stage, c.rating, c.reviewed_at, left(COALESCE(r.text, c.care_note), 200) AS review_text,
              c.root_cause, c.closed_at, c.record->>'outcome' AS outcome, c.record->>'specialNotes' AS special_notes
         FROM support_case cur
         JOIN buyer cb ON cb.id = cur.buyer_id
         JOIN buyer b ON b.platform = cb.platform AND b.platform_buyer_id = cb.platform_buyer_id
         JOIN support_case c ON c.buyer_id = b.id
         JOIN shop s ON s.id = c.shop_id
         LEFT JOIN review r ON r.id = c.review_id
        WHERE cur.id = ${current} AND c.id <> cur.id AND c.reviewed_at <= cur.reviewed_at AND ${scope}
        ORDER BY c.reviewed_at DESC, c.id DESC
        LIMIT ${EARLIER_CASES_LIMIT}`,
      params.values,
    );
  }
}
