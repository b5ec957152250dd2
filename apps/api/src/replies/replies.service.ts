import { Injectable } from '@nestjs/common';

import { draftReply, publishReply } from '@chaping/domain';

import { CaseCommandRunner } from '../cases/case-command.runner';
import type { SignedInActor } from '../common/actor/actor';
import type { CaseCommandDto } from '../common/case-command.dto';
import type { DraftReplyDto } from './dto/reply.dto';

@Injectable()
export class RepliesService {
  constructor(private readonly runner: CaseCommandRunner) {}

  draft(caseId: string, dto: DraftReplyDto, actor: SignedInActor) {
    return this.runner.run(caseId, dto.expectedVersion, actor, (state, ctx) =>
      draftReply(state, { target: dto.target, text: dto.text }, ctx),
    );
  }

  publish(caseId: string, replyId: string, dto: CaseCommandDto, actor: SignedInActor) {
    return this.runner.run(caseId, dto.expectedVersion, actor, (state, ctx) => publishReply(state, { replyId }, ctx));
  }
}
