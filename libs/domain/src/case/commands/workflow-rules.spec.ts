import { refusalMessage } from '../../refusals/messages';
import { aCase, contextAt, REVIEWED_AT } from '../../testing';
import type { CommandResult } from '../command-context';
import { recordAppealResult } from './appeal';
import { recordAndClose } from './closing';
import { approveCompensation, markCompensationPaid, proposeCompensation, rejectCompensation } from './compensation';
import { applyPlatformChanges } from './platform-update';
import { draftReply, publishReply } from './reply';
import { confirmRootCause } from './root-cause';
import { transition } from './transition';
import { overrideTriage } from './triage-override';

const code = (result: CommandResult) => (result.ok ? null : result.refusal.code);
const stateOf = (result: CommandResult) => {
  if (!result.ok) throw new Error(result.refusal.code);
  return result.state;
};
const compensating = () => aCase().reached().withConfirmedRootCause().withRemedy().inStage('compensating');
const apology = '商品有划痕给您添麻烦了，这张券是我们的一点歉意';
const coupon = { type: 'coupon' as const, amountFen: 1000, note: apology };
const noHistory = { compensationsInPeriod: 0 };
const lead = () => contextAt(undefined, 'lead');
const completeRecord = {
  actionsTaken: '致歉并说明情况，买家未再回复',
  outcome: 'unchanged' as const,
  specialNotes: '买家语气强硬',
};

describe('no compensation on a malicious case', () => {
  it('refuses when triage suggested malicious as the cause, not only once the case is appealing', () => {
    const triagedMalicious = compensating().with({ rootCause: 'malicious', rootCauseConfirmed: false }).build();
    expect(code(proposeCompensation(triagedMalicious, coupon, noHistory, contextAt()))).toBe(
      'compensation.malicious_case',
    );
  });

  it('refuses once the agent confirmed malicious as the cause with the buyer', () => {
    const confirmed = stateOf(confirmRootCause(compensating().build(), { rootCause: 'malicious' }, contextAt()));
    expect(code(proposeCompensation(confirmed, coupon, noHistory, contextAt()))).toBe('compensation.malicious_case');
    const resolving = { ...confirmed, stage: 'resolving' as const };
    expect(code(transition(resolving, { to: 'compensating' }, contextAt()))).toBe('compensation.malicious_case');
  });

  it('refuses to approve or pay what was proposed before the case turned out malicious; a lead can cancel it', () => {
    const pending = compensating().withCompensation({ status: 'pending_approval', decidedAt: null }).build();
    const approved = compensating().withCompensation({ status: 'approved' }).build();
    const malicious = { rootCause: 'malicious' as const };
    const [pendingId] = pending.compensations.map((c) => c.id);
    const [approvedId] = approved.compensations.map((c) => c.id);
    expect(code(approveCompensation({ ...pending, ...malicious }, { compensationId: pendingId ?? '' }, lead()))).toBe(
      'compensation.malicious_case',
    );
    expect(
      code(markCompensationPaid({ ...approved, ...malicious }, { compensationId: approvedId ?? '' }, lead())),
    ).toBe('compensation.malicious_case');
    const cancelled = stateOf(
      rejectCompensation({ ...approved, ...malicious }, { compensationId: approvedId ?? '', note: '恶意评价' }, lead()),
    );
    expect(cancelled.compensations[0]?.status).toBe('rejected');
  });

  it('lifts a wrong flag through the triage override, after which compensation is possible again', () => {
    const flagged = compensating().flaggedMalicious().build();
    const corrected = stateOf(
      overrideTriage(
        flagged,
        { field: 'rootCause', rootCause: 'product_quality', reason: '买家确有质量问题' },
        contextAt(),
      ),
    );
    expect(corrected.maliciousKind).toBeNull();
    expect(proposeCompensation(corrected, coupon, noHistory, contextAt()).ok).toBe(true);
  });

  it('keeps the flag once an appeal calling the review malicious was filed', () => {
    const appealed = aCase().flaggedMalicious().withAppeal().inStage('appealing').build();
    const result = overrideTriage(
      appealed,
      { field: 'rootCause', rootCause: 'other', reason: '判断有误' },
      contextAt(),
    );
    expect(code(result)).toBe('triage.appeal_filed');
  });
});

describe('one pending compensation per case', () => {
  it('refuses a second proposal while the first waits for a lead, and accepts one after the lead rejected it', () => {
    const waiting = stateOf(
      proposeCompensation(compensating().build(), { ...coupon, amountFen: 9000 }, noHistory, contextAt()),
    );
    expect(waiting.compensations[0]?.status).toBe('pending_approval');
    expect(code(proposeCompensation(waiting, coupon, noHistory, contextAt()))).toBe('compensation.awaiting_decision');
    const rejected = stateOf(
      rejectCompensation(waiting, { compensationId: waiting.compensations[0]?.id ?? '', note: '超额' }, lead()),
    );
    expect(proposeCompensation(rejected, coupon, noHistory, contextAt()).ok).toBe(true);
  });
});

describe('one public reply per review, counting the platform', () => {
  const replying = () => aCase().reached().withConfirmedRootCause().withRemedy().inStage('replying');
  const text = '感谢您的反馈，我们已为您安排换货，给您带来不便非常抱歉。';

  it('refuses to draft or publish when the review already carries a seller reply imported with it', () => {
    const imported = replying().with({ reviewSellerReply: '亲，已为您补发配件' }).build();
    expect(code(draftReply(imported, { target: 'review', text }, contextAt()))).toBe('reply.platform_reply_exists');
    const withDraft = replying().withReply({ text }).build();
    const answeredMeanwhile = stateOf(
      applyPlatformChanges(withDraft, [{ kind: 'seller_replied', text: '亲，已为您补发配件' }], contextAt()),
    );
    const draftId = withDraft.replies[0]?.id ?? '';
    expect(code(publishReply(answeredMeanwhile, { replyId: draftId, delivery: 'by_hand' }, contextAt()))).toBe(
      'reply.platform_reply_exists',
    );
  });

  it("fills the review's seller reply when ours is published", () => {
    const withDraft = replying().withReply({ text }).build();
    const published = stateOf(
      publishReply(withDraft, { replyId: withDraft.replies[0]?.id ?? '', delivery: 'by_hand' }, contextAt()),
    );
    expect(published.reviewSellerReply).toBe(text);
  });

  it('moves on to watching when the platform already has the one reply (no dead end in replying)', () => {
    const imported = replying().with({ reviewSellerReply: '亲，已为您补发配件' }).build();
    expect(stateOf(transition(imported, { to: 'watching' }, contextAt())).stage).toBe('watching');
  });
});

describe('no dead end around the appeal', () => {
  const afterDeadline = contextAt(new Date(REVIEWED_AT.getTime() + 31 * 24 * 3600_000));

  it('refuses to enter appealing once the appeal deadline has passed', () => {
    const contacting = aCase().inStage('contacting').build();
    expect(code(transition(contacting, { to: 'appealing', maliciousKind: 'extortion' }, afterDeadline))).toBe(
      'appeal.deadline_passed',
    );
    expect(transition(contacting, { to: 'appealing', maliciousKind: 'extortion' }, contextAt()).ok).toBe(true);
  });

  it('says the deadline as a person reads it, not as an ISO timestamp', () => {
    const result = transition(
      aCase().inStage('contacting').build(),
      { to: 'appealing', maliciousKind: 'extortion' },
      afterDeadline,
    );
    if (result.ok) throw new Error('accepted');
    expect(refusalMessage(result.refusal, 'zh-CN')).toContain('截止2026年4月9日 10:00 北京时间');
    expect(refusalMessage(result.refusal, 'en')).toContain('9 Apr 2026, 10:00 Beijing time');
  });

  it('lets a case stuck in appealing with no appeal filed move on to a public reply and close', () => {
    const stuck = aCase().flaggedMalicious().inStage('appealing').build();
    const replying = stateOf(transition(stuck, { to: 'replying' }, afterDeadline));
    const drafted = stateOf(
      draftReply(replying, { target: 'review', text: '我们已核实订单情况，欢迎通过平台客服沟通。' }, afterDeadline),
    );
    const published = stateOf(
      publishReply(drafted, { replyId: drafted.replies[0]?.id ?? '', delivery: 'by_hand' }, afterDeadline),
    );
    const watching = stateOf(transition(published, { to: 'watching' }, afterDeadline));
    expect(stateOf(recordAndClose(watching, completeRecord, afterDeadline)).stage).toBe('recorded');
  });

  it('keeps a filed appeal until its result is recorded, then lets a lost appeal go on', () => {
    const filed = aCase().flaggedMalicious().withAppeal().inStage('appealing').build();
    expect(code(transition(filed, { to: 'watching' }, afterDeadline))).toBe('appeal.awaiting_result');
    const lost = stateOf(recordAppealResult(filed, { result: 'lost' }, afterDeadline));
    expect(stateOf(transition(lost, { to: 'watching' }, afterDeadline)).stage).toBe('watching');
  });
});
