import { Injectable } from '@nestjs/common';

import { logContactAttempt, setDoNotContact } from '@chaping/domain';

import { CaseCommandRunner } from '../cases/case-command.runner';
import type { SignedInActor } from '../common/actor/actor';
import type { DoNotContactDto, LogContactAttemptDto } from './dto/contact.dto';

@Injectable()
export class ContactsService {
  constructor(private readonly runner: CaseCommandRunner) {}

  logAttempt(caseId: string, dto: LogContactAttemptDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      logContactAttempt(state, { channel: dto.channel, outcome: dto.outcome, note: dto.note }, ctx),
    );
  }

  setDoNotContact(caseId: string, dto: DoNotContactDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      setDoNotContact(state, { reason: dto.reason }, ctx),
    );
  }
}
