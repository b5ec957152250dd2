import {
  recordAndClose,
  recordReviewOutcome,
  recordRevisionRequest,
  confirmRootCause,
  recordRemedy,
  reopen,
  transition,
} from '@chaping/domain';
import { Injectable } from '@nestjs/common';

import type { SignedInActor } from '../common/actor/actor';
import { CaseCommandRunner } from './case-command.runner';
import type {
  ConfirmRootCauseDto,
  RecordAndCloseDto,
  RecordRemedyDto,
  ReopenDto,
  ReviewOutcomeDto,
  RevisionRequestDto,
  TransitionDto,
} from './dto/case-commands.dto';

/** The workflow commands that belong to the case itself; each is one domain call in one transaction. */
@Injectable()
export class CaseWorkflowService {
  constructor(private readonly runner: CaseCommandRunner) {}

  transition(caseId: string, dto: TransitionDto, actor: SignedInActor) {
    return this.runner.run(caseId, dto.expectedVersion, actor, (state, ctx) =>
      transition(state, { to: dto.to, maliciousKind: dto.maliciousKind, reason: dto.reason }, ctx),
    );
  }

  confirmRootCause(caseId: string, dto: ConfirmRootCauseDto, actor: SignedInActor) {
    return this.runner.run(caseId, dto.expectedVersion, actor, (state, ctx) =>
      confirmRootCause(state, { rootCause: dto.rootCause, subCause: dto.subCause }, ctx),
    );
  }

  recordRemedy(caseId: string, dto: RecordRemedyDto, actor: SignedInActor) {
    return this.runner.run(caseId, dto.expectedVersion, actor, (state, ctx) =>
      recordRemedy(state, { type: dto.type, status: dto.status, note: dto.note }, ctx),
    );
  }

  recordReviewOutcome(caseId: string, dto: ReviewOutcomeDto, actor: SignedInActor) {
    return this.runner.run(caseId, dto.expectedVersion, actor, (state, ctx) =>
      recordReviewOutcome(state, { outcome: dto.outcome }, ctx),
    );
  }

  recordRevisionRequest(caseId: string, dto: RevisionRequestDto, actor: SignedInActor) {
    return this.runner.run(caseId, dto.expectedVersion, actor, (state, ctx) =>
      recordRevisionRequest(state, { agreedAt: dto.agreedAt, method: dto.method, note: dto.note }, ctx),
    );
  }

  recordAndClose(caseId: string, dto: RecordAndCloseDto, actor: SignedInActor) {
    const { expectedVersion, ...record } = dto;
    return this.runner.run(caseId, expectedVersion, actor, (state, ctx) => recordAndClose(state, record, ctx));
  }

  reopen(caseId: string, dto: ReopenDto, actor: SignedInActor) {
    return this.runner.run(caseId, dto.expectedVersion, actor, (state, ctx) =>
      reopen(state, { reason: dto.reason }, ctx),
    );
  }
}
