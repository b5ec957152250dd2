import { Injectable } from '@nestjs/common';

import {
  approveCompensation,
  buyerCompensationPeriodStart,
  markCompensationPaid,
  proposeCompensation,
  rejectCompensation,
} from '@chaping/domain';

import { CaseCommandRunner } from '../cases/case-command.runner';
import type { SignedInActor } from '../common/actor/actor';
import type { CaseCommandDto } from '../common/case-command.dto';
import type { CommandSender } from '../common/idempotency-key';
import { CompensationRepository } from './compensation.repository';
import type { DecideCompensationDto, ProposeCompensationDto, RejectCompensationDto } from './dto/compensation.dto';

/** One compensation of one case, as the routes name it. */
export interface CompensationRef {
  caseId: string;
  compensationId: string;
}

@Injectable()
export class CompensationService {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly compensations: CompensationRepository,
  ) {}

  propose(caseId: string, dto: ProposeCompensationDto, { actor, key }: CommandSender) {
    return this.runner.run(
      { caseId, basedOn: dto.expectedVersion, caller: actor },
      async (state, ctx, manager) => {
        const since = buyerCompensationPeriodStart(ctx.now, ctx.policy.compensation);
        const compensationsInPeriod = await this.compensations.countOnOtherCases(manager, {
          buyerId: state.buyerId,
          caseId: state.id,
          since,
        });
        return proposeCompensation(
          state,
          { type: dto.type, amountFen: dto.amountFen, note: dto.note },
          { compensationsInPeriod },
          ctx,
        );
      },
      // Two proposals on two cases of one buyer must not both count the other as not there yet.
      { key, lockBuyer: true },
    );
  }

  approve({ caseId, compensationId }: CompensationRef, dto: DecideCompensationDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      approveCompensation(state, { compensationId, note: dto.note }, ctx),
    );
  }

  reject({ caseId, compensationId }: CompensationRef, dto: RejectCompensationDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      rejectCompensation(state, { compensationId, note: dto.note }, ctx),
    );
  }

  markPaid({ caseId, compensationId }: CompensationRef, dto: CaseCommandDto, { actor, key }: CommandSender) {
    return this.runner.run(
      { caseId, basedOn: dto.expectedVersion, caller: actor },
      (state, ctx) => markCompensationPaid(state, { compensationId }, ctx),
      { key },
    );
  }
}
