import type { Appeal, CaseState, Compensation, ContactAttempt, PublicReply, Remedy } from '../case/case-state';
import type { CommandContext } from '../case/command-context';
import { DEFAULT_POLICY, type Policy } from '../policies/policy-config';
import type {
  ContactChannel,
  ContactOutcome,
  MaliciousKind,
  Platform,
  RemedyStatus,
  RemedyType,
  Role,
  RootCause,
  Severity,
  Stage,
} from '../shared/vocabulary';

/** 2026-03-10 is a Tuesday; 10:00 in Shanghai is outside every quiet window. */
export const REVIEWED_AT = new Date('2026-03-10T02:00:00Z');

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

/** Builds case states for tests: `aCase().inStage('contacting').withPhoneCalls(3).build()`. */
export class CaseBuilder {
  private state: CaseState = {
    id: 'case-1',
    shopId: 'shop-1',
    platform: 'taobao',
    stage: 'new',
    rating: 'negative',
    severity: 'medium',
    reviewedAt: REVIEWED_AT,
    buyerId: 'buyer-1',
    assigneeId: 'agent-1',
    buyerType: 'new_buyer',
    misclick: false,
    buyerTimeZone: 'Asia/Shanghai',
    buyerDoNotContact: false,
    buyerKnownNames: [],
    productModel: '保温杯 500ml 白色',
    hasFollowUp: false,
    reviewState: 'active',
    reviewSellerReply: null,
    suggestedRootCause: 'product_quality',
    suggestedSecondCause: null,
    causeDisagreement: false,
    rootCause: 'product_quality',
    subCause: null,
    rootCauseConfirmed: false,
    maliciousKind: null,
    contactAttempts: [],
    firstContactAt: null,
    remedy: null,
    compensations: [],
    replies: [],
    appeal: null,
    waiting: null,
    pausedMs: 0,
    revisionRequestedAt: null,
    reviewOutcome: null,
    record: null,
    closedFromStage: null,
    qaReview: null,
  };

  with(patch: Partial<CaseState>): this {
    this.state = { ...this.state, ...patch };
    return this;
  }

  inStage(stage: Stage): this {
    return this.with({ stage });
  }

  onPlatform(platform: Platform): this {
    return this.with({ platform });
  }

  withSeverity(severity: Severity): this {
    return this.with({ severity });
  }

  withAttempt(channel: ContactChannel, outcome: ContactOutcome, at: Date = REVIEWED_AT): this {
    const attempt: ContactAttempt = { id: nextId('attempt'), channel, outcome, at, note: null, actorId: 'agent-1' };
    return this.with({
      contactAttempts: [...this.state.contactAttempts, attempt],
      firstContactAt: this.state.firstContactAt ?? at,
    });
  }

  /** `count` unanswered phone calls, three hours apart, starting at the review time. */
  withPhoneCalls(count: number, outcome: ContactOutcome = 'no_answer'): this {
    for (let i = 0; i < count; i++)
      this.withAttempt('phone', outcome, new Date(REVIEWED_AT.getTime() + i * 3 * 3600_000));
    return this;
  }

  reached(): this {
    return this.withAttempt('im', 'reached');
  }

  withConfirmedRootCause(rootCause: RootCause = 'product_quality'): this {
    return this.with({ rootCause, rootCauseConfirmed: true });
  }

  withRemedy(type: RemedyType = 'exchange', status: RemedyStatus = 'done'): this {
    const remedy: Remedy = { id: nextId('remedy'), type, status, note: null, updatedAt: REVIEWED_AT };
    return this.with({ remedy });
  }

  withCompensation(patch: Partial<Compensation> = {}): this {
    const compensation: Compensation = {
      id: nextId('compensation'),
      type: 'coupon',
      amountFen: 1000,
      note: '商品有瑕疵，送一张优惠券表示歉意',
      status: 'approved',
      approvalReasons: [],
      proposedAt: REVIEWED_AT,
      proposedBy: 'agent-1',
      decidedAt: REVIEWED_AT,
      decidedBy: null,
      decisionNote: null,
      payoutDueAt: null,
      paidAt: null,
      ...patch,
    };
    return this.with({ compensations: [...this.state.compensations, compensation] });
  }

  withReply(patch: Partial<PublicReply> = {}): this {
    const reply: PublicReply = {
      id: nextId('reply'),
      target: 'review',
      text: '感谢您的反馈，给您带来不便非常抱歉，我们已为您安排换货。',
      status: 'draft',
      draftedAt: REVIEWED_AT,
      publishedAt: null,
      delivery: null,
      failure: null,
      ...patch,
    };
    return this.with({ replies: [...this.state.replies, reply] });
  }

  flaggedMalicious(kind: MaliciousKind = 'extortion'): this {
    return this.with({ maliciousKind: kind, rootCause: 'malicious', rootCauseConfirmed: true });
  }

  withAppeal(patch: Partial<Appeal> = {}): this {
    const appeal: Appeal = {
      id: nextId('appeal'),
      kind: this.state.maliciousKind ?? 'extortion',
      evidenceRefs: ['chat-log-1'],
      note: null,
      filedAt: REVIEWED_AT,
      result: null,
      resultNote: null,
      resultAt: null,
      ...patch,
    };
    return this.with({ appeal });
  }

  build(): CaseState {
    return this.state;
  }
}

export const aCase = () => new CaseBuilder();

/** A command context at `iso` (default: one hour after the review, 11:00 in Shanghai). */
export function contextAt(
  iso: string | Date = new Date(REVIEWED_AT.getTime() + 3600_000),
  role: Role = 'agent',
  policy: Policy = DEFAULT_POLICY,
): CommandContext {
  return {
    now: typeof iso === 'string' ? new Date(iso) : iso,
    actor: { id: role === 'agent' ? 'agent-1' : `${role}-1`, role },
    policy,
    newId: () => nextId('new'),
  };
}
