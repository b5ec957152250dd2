import { DEFAULT_POLICY } from '../../policies/policy-config';
import { aCase, contextAt } from '../../testing';
import type { CommandResult } from '../command-context';
import { recordAndClose, recordReviewOutcome, recordRevisionRequest, reopen } from './closing';

const code = (result: CommandResult) => (result.ok ? null : result.refusal.code);
const completeRecord = {
  actionsTaken: '电话致歉，确认杯盖漏水，安排换货并补偿10元券',
  outcome: 'revised_positive' as const,
  specialNotes: '买家说话直接，晚上8点后方便接电话',
};

describe('recordAndClose', () => {
  const watching = () => aCase().reached().withConfirmedRootCause().withRemedy().inStage('watching');

  it('closes a complete record and remembers where it closed from', () => {
    const result = recordAndClose(watching().build(), completeRecord, contextAt());
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state).toMatchObject({
      stage: 'recorded',
      closedFromStage: 'watching',
      reviewOutcome: 'revised_positive',
    });
    expect(result.state.record).toMatchObject({ productModel: '保温杯 500ml 白色', rootCause: 'product_quality' });
    expect(result.events.map((e) => e.type)).toEqual(['case_recorded', 'stage_changed']);
  });

  it('lists every missing field', () => {
    const state = aCase().inStage('watching').with({ productModel: null }).build();
    const result = recordAndClose(state, { actionsTaken: '太短', specialNotes: ' ' }, contextAt());
    expect(result.ok ? null : result.refusal).toEqual({
      code: 'record.incomplete',
      params: { missing: ['productModel', 'rootCause', 'actionsTaken', 'outcome', 'specialNotes'] },
    });
  });

  it('needs the appeal result to close an appeal', () => {
    const state = aCase().inStage('appealing').flaggedMalicious().withAppeal().build();
    const result = recordAndClose(state, { ...completeRecord, outcome: 'unchanged' }, contextAt());
    expect(result.ok ? null : result.refusal).toEqual({
      code: 'record.incomplete',
      params: { missing: ['appealResult'] },
    });
  });

  it('does not close with an approved compensation still unpaid', () => {
    const state = watching().withCompensation({ status: 'approved' }).build();
    expect(result(state)).toEqual({ code: 'record.incomplete', params: { missing: ['compensationPaid'] } });
    function result(s: typeof state) {
      const r = recordAndClose(s, completeRecord, contextAt());
      return r.ok ? null : r.refusal;
    }
  });

  it('only closes from watching or appealing', () => {
    expect(code(recordAndClose(aCase().inStage('resolving').build(), completeRecord, contextAt()))).toBe(
      'stage.wrong_stage',
    );
  });
});

describe('reopen', () => {
  it('lets a lead reopen with a reason, back to the stage it closed from', () => {
    const closed = recordAndClose(
      aCase().reached().withConfirmedRootCause().withRemedy().inStage('watching').build(),
      completeRecord,
      contextAt(),
    );
    if (!closed.ok) throw new Error(closed.refusal.code);
    expect(code(reopen(closed.state, { reason: '记录缺少补偿说明' }, contextAt(undefined, 'agent')))).toBe(
      'role.lead_required',
    );
    expect(code(reopen(closed.state, { reason: ' 。 ' }, contextAt(undefined, 'lead')))).toBe('reopen.reason_required');
    const reopened = reopen(closed.state, { reason: '记录缺少补偿说明' }, contextAt(undefined, 'lead'));
    if (!reopened.ok) throw new Error(reopened.refusal.code);
    expect(reopened.state).toMatchObject({ stage: 'watching', record: null });
    expect(reopened.events[0]).toMatchObject({
      type: 'case_reopened',
      data: { reason: '记录缺少补偿说明', backTo: 'watching' },
    });
  });

  it('refuses to reopen an open case', () => {
    expect(code(reopen(aCase().inStage('watching').build(), { reason: 'x' }, contextAt(undefined, 'lead')))).toBe(
      'reopen.not_closed',
    );
  });
});

describe('review outcome and revision requests', () => {
  it('records what happened to the review; a follow-up opens the follow-up reply', () => {
    const result = recordReviewOutcome(
      aCase().inStage('watching').build(),
      { outcome: 'follow_up_added' },
      contextAt(),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state).toMatchObject({ reviewOutcome: 'follow_up_added', hasFollowUp: true });
  });

  const request = {
    agreedAt: '2026-03-12T12:00:00Z',
    method: '旺旺留言',
    note: '问题已解决，如您愿意可以更新一下评价',
  };

  it('refuses a revision request on Taobao, whose rules forbid asking', () => {
    expect(code(recordRevisionRequest(aCase().inStage('watching').build(), request, contextAt()))).toBe(
      'revision.platform_forbids',
    );
  });

  describe('where a shop enabled it', () => {
    const policy = {
      ...DEFAULT_POLICY,
      platforms: {
        ...DEFAULT_POLICY.platforms,
        douyin: { ...DEFAULT_POLICY.platforms.douyin, allowsRevisionRequest: true },
      },
    };
    const state = aCase().onPlatform('douyin').inStage('watching').build();

    it('records one polite request and refuses a second', () => {
      const first = recordRevisionRequest(state, request, contextAt(undefined, 'agent', policy));
      if (!first.ok) throw new Error(first.refusal.code);
      expect(code(recordRevisionRequest(first.state, request, contextAt(undefined, 'agent', policy)))).toBe(
        'revision.already_requested',
      );
    });

    it.each(['改好评后送您一张优惠券', '修改后返5元红包'])('refuses a request that carries a benefit: %s', (note) => {
      expect(code(recordRevisionRequest(state, { ...request, note }, contextAt(undefined, 'agent', policy)))).toBe(
        'revision.benefit_mentioned',
      );
    });
  });
});
