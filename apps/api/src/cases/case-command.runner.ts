import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { guardCaseAccess, type CaseState, type CommandContext, type CommandResult } from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, RefusedError, VersionConflictError } from '../common/errors/app-errors';
import { toCaseState } from './case-row';
import { CaseViewService } from './case-view.service';
import { CaseRepository } from './case.repository';
import type { CaseViewDto } from './dto/case-view.dto';
import { PolicyService } from './policy.service';

export type CaseCommand = (
  state: CaseState,
  ctx: CommandContext,
  manager: EntityManager,
) => CommandResult | Promise<CommandResult>;

/**
 * Runs one domain command as one transaction: load the case, check the client's version,
 * ask the domain, write the new state with its events. A refusal or a conflict writes nothing.
 */
@Injectable()
export class CaseCommandRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly views: CaseViewService,
    private readonly policies: PolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(caseId: string, expectedVersion: number, actor: SignedInActor, command: CaseCommand): Promise<CaseViewDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.cases.loadRow(manager, caseId);
      if (!row) throw new NotFoundError('case.not_found', caseId);
      const forbidden = guardCaseAccess(actor, { shopId: row.shop_id, assigneeId: row.assignee_id });
      if (forbidden) throw new RefusedError(forbidden);
      if (row.version !== expectedVersion) throw new VersionConflictError(caseId, expectedVersion, row.version);
      const ctx: CommandContext = {
        now: this.clock.now(),
        actor: { id: actor.id, role: actor.role },
        policy: this.policies.current(),
        newId: () => this.cases.newId(),
      };
      const before = toCaseState(row);
      const result = await command(before, ctx, manager);
      if (!result.ok) throw new RefusedError(result.refusal);
      await this.cases.save(manager, before, result.state, result.events, expectedVersion, ctx.policy, ctx.now);
    });
    return this.views.get(this.dataSource.manager, caseId, actor);
  }
}
