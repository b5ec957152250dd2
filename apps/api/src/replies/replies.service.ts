import { Injectable } from '@nestjs/common';

import { draftReply, publishReply, replyDelivery } from '@chaping/domain';

import { CaseCommandRunner } from '../cases/case-command.runner';
import type { SignedInActor } from '../common/actor/actor';
import type { CaseCommandDto } from '../common/case-command.dto';
import type { CommandSender } from '../common/idempotency-key';
import { ReplyPublisher } from '../connections/reply-publisher';
import type { DraftReplyDto } from './dto/reply.dto';

@Injectable()
export class RepliesService {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly publisher: ReplyPublisher,
  ) {}

  draft(caseId: string, dto: DraftReplyDto, actor: SignedInActor) {
    return this.runner.run({ caseId, basedOn: dto.expectedVersion, caller: actor }, (state, ctx) =>
      draftReply(state, { target: dto.target, text: dto.text }, ctx),
    );
  }

  /**
   * Publishes through the platform when the shop is connected to one that takes replies by API
   * (queued in the same transaction, sent by the ReplyPublisher); otherwise marks it for posting by hand.
   */
  publish(
    { caseId, replyId }: { caseId: string; replyId: string },
    dto: CaseCommandDto,
    { actor, key }: CommandSender,
  ) {
    return this.runner.run(
      { caseId, basedOn: dto.expectedVersion, caller: actor },
      async (state, ctx, manager) => {
        const target = state.replies.find((reply) => reply.id === replyId)?.target ?? 'review';
        const connected = await this.publisher.shopConnected(manager, state.shopId);
        return publishReply(
          state,
          { replyId, delivery: replyDelivery({ platform: state.platform, connected, target }) },
          ctx,
        );
      },
      {
        ...(key ? { key } : {}),
        afterSave: async (manager, state) => {
          const sending = state.replies.find((reply) => reply.id === replyId && reply.status === 'sending');
          if (sending) await this.publisher.enqueue(manager, { replyId, caseId: state.id, shopId: state.shopId });
        },
      },
    );
  }
}
