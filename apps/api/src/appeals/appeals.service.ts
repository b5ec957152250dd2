import { Injectable } from '@nestjs/common';

import { fileAppeal, recordAppealResult } from '@chaping/domain';

import { CaseCommandRunner } from '../cases/case-command.runner';
import type { SignedInActor } from '../common/actor/actor';
import type { AppealResultDto, FileAppealDto } from './dto/appeal.dto';

@Injectable()
export class AppealsService {
  constructor(private readonly runner: CaseCommandRunner) {}

  file(caseId: string, dto: FileAppealDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      fileAppeal(state, { evidenceRefs: dto.evidenceRefs, note: dto.note }, ctx),
    );
  }

  recordResult(caseId: string, dto: AppealResultDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      recordAppealResult(state, { result: dto.result, note: dto.note }, ctx),
    );
  }
}
