import { aCase, contextAt } from '../../testing';
import type { CommandResult } from '../command-context';
import {
  approveCompensation,
  compensationBarred,
  markCompensationPaid,
  proposeCompensation,
  rejectCompensation,
} from './compensation';

const code = (result: CommandResult) => (result.ok ? null : result.refusal.code);
const compensating = () => aCase().reached().withConfirmedRootCause().withRemedy().inStage('compensating');
const noHistory = { compensationsInPeriod: 0 };
const apology = '商品有划痕给您添麻烦了，这张券是我们的一点歉意';

describe('proposeCompensation', () => {
  it('approves an offer within the limit at once, with a payout due in 3 business days', () => {
    // Friday 2026-03-13 10:00 Shanghai → due Wednesday 2026-03-18.
    const ctx = contextAt('2026-03-13T02:00:00Z');
    const result = proposeCompensation(
      compensating().build(),
      { type: 'coupon', amountFen: 2000, note: apology },
      noHistory,
      ctx,
    );
    if (!result.ok) throw new Error(result.refusal.code);
    const [compensation] = result.state.compensations;
    expect(compensation).toMatchObject({ status: 'approved', approvalReasons: [], amountFen: 2000 });
    expect(compensation?.payoutDueAt?.toISOString()).toBe('2026-03-18T02:00:00.000Z');
    expect(result.events[0]).toMatchObject({
      type: 'compensation_proposed',
      data: { limitFen: 2000, status: 'approved' },
    });
  });

  it.each([
    ['low', 'cash', 501, true],
    ['low', 'cash', 500, false],
    ['critical', 'cash', 3000, false],
    ['critical', 'cash', 3001, true],
    ['medium', 'membership_upgrade', 1, true],
  ] as const)('severity %s, %s of %i fen needs approval: %s', (severity, type, amountFen, needsApproval) => {
    const result = proposeCompensation(
      compensating().withSeverity(severity).build(),
      { type, amountFen, note: apology },
      noHistory,
      contextAt(),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state.compensations[0]?.status).toBe(needsApproval ? 'pending_approval' : 'approved');
  });

  it('sends a second compensation for the same buyer in the period to a lead', () => {
    const result = proposeCompensation(
      compensating().build(),
      { type: 'coupon', amountFen: 500, note: apology },
      { compensationsInPeriod: 1 },
      contextAt(),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state.compensations[0]).toMatchObject({
      status: 'pending_approval',
      approvalReasons: ['buyer_already_compensated'],
    });
  });

  it.each(['compensating', 'appealing'] as const)(
    'refuses any compensation on a case flagged malicious (%s)',
    (stage) => {
      const state = compensating().flaggedMalicious().inStage(stage).build();
      expect(
        code(proposeCompensation(state, { type: 'coupon', amountFen: 100, note: apology }, noHistory, contextAt())),
      ).toBe('compensation.malicious_case');
    },
  );

  it.each([
    '给个好评就返10元',
    '改成五星后补偿红包',
    '删除评价后发券',
    '追加好评再送礼品',
    '撤销差评返现20',
    'coupon after you change your review',
    'refund for a 5-star review',
    // issue 13: these got through the old phrase list.
    '您删除差评后我们返您5元',
    '修改差评后返5元',
    '差 评 删 了 返 伍 元',
  ])('refuses text that ties money to a rating: %s', (note) => {
    const result = proposeCompensation(
      compensating().build(),
      { type: 'cash', amountFen: 100, note },
      noHistory,
      contextAt(),
    );
    expect(code(result)).toBe('compensation.tied_to_review');
  });

  it.each([
    '商品破损，补偿10元红包',
    '物流太慢让您久等了，送一张无门槛券',
    'sorry about the broken zipper — a coupon for your trouble',
    '感谢您的评价，我们已为您退款25元',
    'refund of ¥25 for the damaged item',
  ])('accepts a remedy that does not mention the review: %s', (note) => {
    expect(
      proposeCompensation(compensating().build(), { type: 'coupon', amountFen: 100, note }, noHistory, contextAt()).ok,
    ).toBe(true);
  });

  it.each([0, -5, 1.5])('refuses the amount %p', (amountFen) => {
    expect(
      code(
        proposeCompensation(
          compensating().build(),
          { type: 'coupon', amountFen, note: apology },
          noHistory,
          contextAt(),
        ),
      ),
    ).toBe('compensation.invalid_amount');
  });

  it('is only proposed in the compensating stage', () => {
    expect(
      code(
        proposeCompensation(
          aCase().inStage('resolving').build(),
          { type: 'coupon', amountFen: 100, note: apology },
          noHistory,
          contextAt(),
        ),
      ),
    ).toBe('stage.wrong_stage');
  });
});

describe('approval and payout', () => {
  const pending = compensating()
    .withCompensation({ id: 'c1', status: 'pending_approval', approvalReasons: ['over_limit'], decidedAt: null })
    .build();

  it('refuses to pay a compensation over the limit before a lead approves it', () => {
    const result = markCompensationPaid(pending, { compensationId: 'c1' }, contextAt());
    expect(result.ok ? null : result.refusal).toEqual({
      code: 'compensation.approval_required',
      params: { reasons: ['over_limit'] },
    });
  });

  it('lets only a lead approve or reject', () => {
    expect(code(approveCompensation(pending, { compensationId: 'c1' }, contextAt(undefined, 'agent')))).toBe(
      'role.lead_required',
    );
    expect(
      code(rejectCompensation(pending, { compensationId: 'c1', note: '金额过高' }, contextAt(undefined, 'agent'))),
    ).toBe('role.lead_required');
  });

  it('pays once after approval and refuses to pay twice', () => {
    const approved = approveCompensation(pending, { compensationId: 'c1', note: '同意' }, contextAt(undefined, 'lead'));
    if (!approved.ok) throw new Error(approved.refusal.code);
    expect(approved.state.compensations[0]).toMatchObject({ status: 'approved', decidedBy: 'lead-1' });
    expect(approved.state.compensations[0]?.payoutDueAt).not.toBeNull();

    const paid = markCompensationPaid(approved.state, { compensationId: 'c1' }, contextAt());
    if (!paid.ok) throw new Error(paid.refusal.code);
    expect(paid.state.compensations[0]?.status).toBe('paid');
    expect(code(markCompensationPaid(paid.state, { compensationId: 'c1' }, contextAt()))).toBe(
      'compensation.already_paid',
    );
  });

  it('never pays a rejected compensation', () => {
    const rejected = rejectCompensation(
      pending,
      { compensationId: 'c1', note: '已补偿过' },
      contextAt(undefined, 'lead'),
    );
    if (!rejected.ok) throw new Error(rejected.refusal.code);
    expect(code(markCompensationPaid(rejected.state, { compensationId: 'c1' }, contextAt()))).toBe(
      'compensation.rejected',
    );
    expect(code(approveCompensation(rejected.state, { compensationId: 'c1' }, contextAt(undefined, 'lead')))).toBe(
      'compensation.not_pending_approval',
    );
  });

  it.each([
    ['flagged malicious', { maliciousKind: 'extortion', rootCause: 'malicious' }],
    ["with triage's malicious cause", { maliciousKind: null, rootCause: 'malicious' }],
  ] as const)('refuses to approve on a case %s, and the approval queue reads the same refusal', (_, facts) => {
    const malicious = compensating()
      .with(facts)
      .withCompensation({ id: 'c1', status: 'pending_approval', approvalReasons: ['over_limit'], decidedAt: null })
      .build();
    expect(compensationBarred(facts)).toEqual({ code: 'compensation.malicious_case', params: {} });
    expect(code(approveCompensation(malicious, { compensationId: 'c1' }, contextAt(undefined, 'lead')))).toBe(
      'compensation.malicious_case',
    );
    // Rejecting stays open: it is how a lead withdraws the payout.
    expect(
      code(rejectCompensation(malicious, { compensationId: 'c1', note: '恶意' }, contextAt(undefined, 'lead'))),
    ).toBe(null);
  });

  it('bars nothing on a case with another cause', () => {
    expect(compensationBarred({ maliciousKind: null, rootCause: 'product_quality' })).toBeNull();
    expect(compensationBarred({ maliciousKind: null, rootCause: null })).toBeNull();
  });

  it('answers not found for an unknown compensation', () => {
    expect(code(markCompensationPaid(pending, { compensationId: 'nope' }, contextAt()))).toBe('compensation.not_found');
  });
});
