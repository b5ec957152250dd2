import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { reassignCase, refusal, refuse, RETURNED_TO_POOL_REASON } from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { RefusedError, VersionConflictError } from '../common/errors/app-errors';
import { CaseCommandRunner } from './case-command.runner';
import { CaseRepository } from './case.repository';

/**
 * When an agent stops working a shop (taken off it, or the account disabled), their open cases
 * there go back to the shop's pool — each through the domain's reassignCase, so the case history
 * says who did it and why — and another agent can take them at once.
 */
@Injectable()
export class CaseReleaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly runner: CaseCommandRunner,
  ) {}

  /** Returns to the pool every open case of `userId` outside `keptShopIds`; answers how many moved. */
  async returnToPool(actor: SignedInActor, userId: string, keptShopIds: readonly string[]): Promise<number> {
    const caseIds = await this.cases.openCaseIdsOfAssignee(this.dataSource.manager, userId, keptShopIds);
    let moved = 0;
    for (const caseId of caseIds) {
      // A case someone reassigned meanwhile is no longer this agent's: its refusal or conflict is fine.
      try {
        await this.runner.apply({ caseId, basedOn: 'current', caller: actor }, (state, ctx) =>
          state.assigneeId === userId
            ? reassignCase(state, { assigneeId: null, reason: RETURNED_TO_POOL_REASON, assigneeWorksShop: false }, ctx)
            : refuse(refusal('assignment.unchanged')),
        );
        moved++;
      } catch (error) {
        if (!(error instanceof RefusedError || error instanceof VersionConflictError)) throw error;
      }
    }
    return moved;
  }
}
