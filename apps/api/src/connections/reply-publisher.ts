import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { recordReplyDelivery, type PlatformReplyAnswer, type ReplyFailure } from '@chaping/domain';

import { AlertsPort } from '../alerts/alerts.port';
import { CaseCommandRunner } from '../cases/case-command.runner';
import { CLOCK, type Clock } from '../common/clock';
import { VersionConflictError } from '../common/errors/app-errors';
import { MarketplaceError } from '../marketplace/marketplace-call';
import { TaskScheduler } from '../scheduling/task-scheduler';
import type { MarketplaceAdapter, ReplyToPost } from './adapters';
import { ConnectionClients } from './connection-clients';
import { ConnectionRepository } from './connection.repository';
import { failureWords } from './connector-messages';
import { ReplyOutboxRepository, type ClaimedReply } from './reply-outbox.repository';

export const REPLY_SEND_TASK = 'replies.send';
/** Longer than one call may take (the client's timeout), so a live sender never loses its claim. */
const CLAIM_MS = 2 * 60_000;
/** Tries before a reply the platform never answered is given back to the agent. */
export const REPLY_MAX_ATTEMPTS = 6;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 30 * 60_000;
const ONE_CALL = { attempts: 1, baseDelayMs: 0 };

/**
 * Sends public replies through the platform (its adapter: Taobao/Tmall `taobao.traderate.explain.add`,
 * …) from the reply outbox. The platforms take no idempotency key, so the reply's id is the key on our side: each
 * call is preceded by a committed "may have posted" mark, and a retry after a lost answer or a
 * crash first reads the rating back — our text there means it was posted, and it is not posted
 * again. Busy platforms are retried with doubling waits; refusals are recorded on the case in words.
 */
@Injectable()
export class ReplyPublisher implements OnModuleInit {
  private readonly logger = new Logger('ReplyPublisher');

  constructor(
    private readonly outbox: ReplyOutboxRepository,
    private readonly connections: ConnectionRepository,
    private readonly clients: ConnectionClients,
    private readonly runner: CaseCommandRunner,
    private readonly scheduler: TaskScheduler,
    private readonly alerts: AlertsPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: REPLY_SEND_TASK,
      everySeconds: 5,
      run: () => this.sendDue().then(() => undefined),
    });
  }

  shopConnected(manager: EntityManager, shopId: string): Promise<boolean> {
    return this.outbox.shopConnected(manager, shopId);
  }

  enqueue(manager: EntityManager, reply: { replyId: string; caseId: string; shopId: string }): Promise<void> {
    return this.outbox.enqueue(manager, { ...reply, now: this.clock.now() });
  }

  /** Sends every reply that is due and this instance claims; returns how many it tried. */
  async sendDue(): Promise<number> {
    let tried = 0;
    for (;;) {
      const now = this.clock.now();
      const claim = await this.outbox.claimDue(now, new Date(now.getTime() + CLAIM_MS));
      if (!claim) return tried;
      tried += 1;
      await this.send(claim);
    }
  }

  private async send(claim: ClaimedReply): Promise<void> {
    const reply = await this.outbox.toSend(claim.replyId);
    if (!reply || reply.status !== 'sending') {
      await this.outbox.transaction((manager) => this.outbox.markDone(manager, claim.replyId, this.clock.now()));
      return;
    }
    const connection = await this.connections.liveForShop(claim.shopId);
    if (!connection || !reply.platformReviewId) {
      await this.record(claim, { ok: false, reason: 'authorisation', platformMessage: null });
      return;
    }
    const toPost: ReplyToPost = {
      platformReviewId: reply.platformReviewId,
      platformOrderId: reply.platformOrderId,
      text: reply.text,
    };
    let adapter: MarketplaceAdapter | null = null;
    try {
      const opened = this.clients.open(connection, ONE_CALL);
      adapter = opened.adapter;
      if (claim.mayHavePosted) {
        const there = await opened.shop.replyOnPlatform(toPost);
        if (there !== null) {
          await this.record(
            claim,
            there === reply.text.trim()
              ? { ok: true, platformRequestId: null }
              : { ok: false, reason: 'already_replied', platformMessage: null },
          );
          return;
        }
      }
      await this.outbox.markMayHavePosted(claim.replyId);
      const answer = await opened.shop.postReply(toPost);
      await this.record(claim, { ok: true, platformRequestId: answer.platformRequestId });
    } catch (error) {
      if (!(error instanceof MarketplaceError)) throw error;
      await this.failed(claim, error, { shopName: connection.shop_name, adapter });
    }
  }

  private async failed(
    claim: ClaimedReply,
    error: MarketplaceError,
    { shopName, adapter }: { shopName: string; adapter: MarketplaceAdapter | null },
  ): Promise<void> {
    const now = this.clock.now();
    if (error.transient && claim.attempts < REPLY_MAX_ATTEMPTS) {
      const wait = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (claim.attempts - 1));
      await this.outbox.retryAt(claim.replyId, new Date(now.getTime() + wait), error.failure);
      return;
    }
    const reason: ReplyFailure = error.transient
      ? 'unreachable'
      : (adapter?.replyFailureOf(error) ?? (error.failure === 'token_expired' ? 'authorisation' : 'other'));
    await this.record(claim, { ok: false, reason, platformMessage: error.platformMessage });
    if (reason === 'authorisation') {
      await this.alerts
        .connectorFailed({
          shopId: claim.shopId,
          message: `${shopName}：${failureWords(error.failure, 'zh-CN', error.platformMessage)}`,
        })
        .catch((alertError: unknown) => this.logger.warn(`Could not queue the alert: ${String(alertError)}`));
    }
  }

  /** Records the platform's answer on the case and closes the outbox row, in one transaction (retried on a concurrent edit). */
  private async record(claim: ClaimedReply, answer: PlatformReplyAnswer): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.outbox.transaction(async (manager) => {
          const now = this.clock.now();
          await this.runner.applyAsSystem(manager, { caseId: claim.caseId, now }, (state, ctx) =>
            recordReplyDelivery(state, { replyId: claim.replyId, answer }, ctx),
          );
          await this.outbox.markDone(manager, claim.replyId, now);
        });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= 3) throw error;
      }
    }
  }
}
