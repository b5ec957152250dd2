import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { otherCompensationsSql } from '../cases/case-row';

/** What the compensation rules read beyond the case itself. */
@Injectable()
export class CompensationRepository {
  /** The buyer's compensations on their other cases since `since` (this case's own are in its state). */
  async countOnOtherCases(
    manager: EntityManager,
    of: { buyerId: string; caseId: string; since: Date },
  ): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(
      `SELECT ${otherCompensationsSql('$2', '$1', '$3')} AS count`,
      [of.buyerId, of.caseId, of.since],
    );
    return row?.count ?? 0;
  }
}
