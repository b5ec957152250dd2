import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  claimCase,
  confirmRootCause,
  overrideTriage,
  reassignCase,
  recordAndClose,
  recordRemedy,
  recordReviewOutcome,
  recordRevisionRequest,
  refusal,
  reopen,
  reviewRecord,
  scriptKey,
  transitionFollowingScript,
  type TriageOverrideInput,
} from '@chaping/domain';

import type { Caller, SignedInActor } from '../common/actor/actor';
import { NotFoundError, RefusedError, VersionConflictError } from '../common/errors/app-errors';
import { CaseCommandRunner, type CaseCommand } from './case-command.runner';
import { CASE_WITH_SCRIPT_SQL, type CaseRow, type ScriptFactsRow } from './case-row';
import { CaseScriptService } from './case-script.service';
import { CaseRepository } from './case.repository';
import type {
  AssignmentTargetDto,
  BulkReassignDto,
  BulkReassignResultDto,
  ConfirmRootCauseDto,
  QaReviewCommandDto,
  ReassignDto,
  RecordAndCloseDto,
  RecordRemedyDto,
  ReopenDto,
  ReviewOutcomeDto,
  RevisionRequestDto,
  TransitionDto,
  TriageOverrideDto,
} from './dto/case-commands.dto';

/** How often a claim is tried again when something else changed the case between its read and write. */
const CLAIM_ATTEMPTS = 3;

/** The workflow commands that belong to the case itself; each is one domain call in one transaction. */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly scripts: CaseScriptService,
    private readonly cases: CaseRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * An agent takes a case from the pool. Agents racing for one case all read it in the pool; the
   * losers' compare-and-set fails and their retry finds it taken (or no longer theirs to see): they
   * are told another agent took it, not that their view was stale or the case forbidden.
   */
  async claim(caseId: string, actor: SignedInActor) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runner.run({ caseId, basedOn: 'current', caller: actor }, (state, ctx) =>
          claimCase(state, ctx),
        );
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < CLAIM_ATTEMPTS) continue;
        if (error instanceof RefusedError && error.refusal.code === 'access.case_forbidden') {
          if (await this.takenFromActorsPool(caseId, actor))
            throw new RefusedError(refusal('assignment.already_taken'));
        }
        throw error;
      }
    }
  }

  /** The case is in a shop the agent works and another agent has it: it was in their pool, and was taken. */
  private async takenFromActorsPool(caseId: string, actor: SignedInActor): Promise<boolean> {
    const now = await this.cases.assignment(this.dataSource.manager, caseId);
    return now !== null && actor.shopIds.includes(now.shopId) && now.assigneeId !== null && now.assigneeId !== actor.id;
  }

  /** Held by the script of the stage, as the case view's stage buttons are (the domain's scriptGate). */
  transition(caseId: string, dto: TransitionDto, caller: Caller) {
    const command: CaseCommand = (state, ctx, _manager, row) => {
      const followed = this.scripts.followed(row as CaseRow & ScriptFactsRow, ctx.policy, ctx.now);
      const input = {
        to: dto.to,
        maliciousKind: dto.maliciousKind,
        reason: dto.reason,
        // The history names the script the server held the move to, not the one the client says.
        script: followed ? scriptKey(followed.template) : dto.script,
      };
      return transitionFollowingScript(state, input, ctx, followed?.checklist ?? null);
    };
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller }, command, { read: CASE_WITH_SCRIPT_SQL });
  }

  confirmRootCause(caseId: string, dto: ConfirmRootCauseDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      confirmRootCause(state, { rootCause: dto.rootCause, subCause: dto.subCause }, ctx),
    );
  }

  recordRemedy(caseId: string, dto: RecordRemedyDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      recordRemedy(state, { type: dto.type, status: dto.status, note: dto.note }, ctx),
    );
  }

  recordReviewOutcome(caseId: string, dto: ReviewOutcomeDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      recordReviewOutcome(state, { outcome: dto.outcome }, ctx),
    );
  }

  recordRevisionRequest(caseId: string, dto: RevisionRequestDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      recordRevisionRequest(state, { agreedAt: dto.agreedAt, method: dto.method, note: dto.note }, ctx),
    );
  }

  recordAndClose(caseId: string, dto: RecordAndCloseDto, actor: SignedInActor) {
    const { expectedVersion, ...record } = dto;
    return this.runner.run({ caseId, basedOn: expectedVersion, caller: actor }, (state, ctx) =>
      recordAndClose(state, record, ctx),
    );
  }

  reopen(caseId: string, dto: ReopenDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      reopen(state, { reason: dto.reason }, ctx),
    );
  }

  overrideTriage(caseId: string, dto: TriageOverrideDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      overrideTriage(state, toOverrideInput(dto), ctx),
    );
  }

  reviewRecord(caseId: string, dto: QaReviewCommandDto, actor: SignedInActor) {
    const { expectedVersion, comment, ...checks } = dto;
    return this.runner.run({ caseId, basedOn: expectedVersion, caller: actor }, (state, ctx) =>
      reviewRecord(state, { checks, comment }, ctx),
    );
  }

  /**
   * Reassigns each case on its own (one write each, at its current version): one case that
   * cannot move does not hold back the others, and each refusal is reported with its code.
   */
  async reassignMany(dto: BulkReassignDto, actor: SignedInActor): Promise<BulkReassignResultDto> {
    const result: BulkReassignResultDto = { moved: [], refused: [] };
    for (const caseId of [...new Set(dto.caseIds)]) {
      try {
        await this.runner.apply({ caseId, basedOn: 'current', caller: actor }, this.reassignCommand(dto));
        result.moved.push(caseId);
      } catch (error) {
        if (error instanceof RefusedError) result.refused.push({ caseId, code: error.refusal.code });
        else if (error instanceof VersionConflictError) result.refused.push({ caseId, code: 'case.version_conflict' });
        else if (error instanceof NotFoundError) result.refused.push({ caseId, code: error.code });
        else throw error;
      }
    }
    return result;
  }

  reassign(caseId: string, dto: ReassignDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, this.reassignCommand(dto));
  }

  private reassignCommand(target: AssignmentTargetDto): CaseCommand {
    return async (state, ctx, manager) =>
      reassignCase(
        state,
        {
          assigneeId: target.assigneeId,
          reason: target.reason,
          assigneeWorksShop:
            target.assigneeId !== null && (await this.cases.agentWorksShop(manager, target.assigneeId, state.shopId)),
        },
        ctx,
      );
  }
}

/** The DTO's validation guarantees the value that goes with `field` is present. */
function toOverrideInput(dto: TriageOverrideDto): TriageOverrideInput {
  const reason = dto.reason;
  switch (dto.field) {
    case 'rootCause':
      return {
        field: 'rootCause',
        rootCause: dto.rootCause as NonNullable<typeof dto.rootCause>,
        subCause: dto.subCause ?? null,
        reason,
        ...(dto.via ? { via: dto.via } : {}),
      };
    case 'severity':
      return { field: 'severity', severity: dto.severity as NonNullable<typeof dto.severity>, reason };
    case 'buyerType':
      return { field: 'buyerType', buyerType: dto.buyerType as NonNullable<typeof dto.buyerType>, reason };
    case 'misclick':
      return { field: 'misclick', misclick: dto.misclick as boolean, reason };
  }
}
