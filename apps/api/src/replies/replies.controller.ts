import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CaseViewDto } from '../cases/dto/case-view.dto';
import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { CaseCommandDto } from '../common/case-command.dto';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { ApiIdempotencyKey, IdempotencyKey, type CommandKey } from '../common/idempotency-key';
import { UuidParam } from '../common/uuid-param';
import { DraftReplyDto } from './dto/reply.dto';
import { RepliesService } from './replies.service';

@ApiTags('replies')
@Access('case')
@Controller('cases/:id/replies')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Save the draft of the public reply (a new draft replaces the old one)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  draft(@UuidParam('id') id: string, @Body() dto: DraftReplyDto, @CurrentActor() actor: SignedInActor) {
    return this.replies.draft(id, dto, actor);
  }

  @Post(':replyId/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the reply: once per review (and once per follow-up), immutable afterwards',
    description:
      'Through the platform when the shop is connected to one that takes replies by API: the reply is `sending` until the platform answers (then `published`, or `refused` with the reason). Otherwise it is published with delivery `by_hand`: someone pastes it on the platform.',
  })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  @ApiIdempotencyKey()
  publish(
    @UuidParam('id') id: string,
    @UuidParam('replyId') replyId: string,
    @Body() dto: CaseCommandDto,
    @CurrentActor() actor: SignedInActor,
    @IdempotencyKey() key: CommandKey | undefined,
  ) {
    return this.replies.publish({ caseId: id, replyId }, dto, { actor, key });
  }
}
