import { aCase, contextAt } from '../../testing';
import { reviewRecord } from './qa-review';

const checks = { apologised: true, rootCauseConfirmed: true, policyFollowed: true, recordComplete: false };

describe('reviewRecord', () => {
  it('scores the share of the checklist met and records it', () => {
    const result = reviewRecord(
      aCase().inStage('recorded').build(),
      { checks, comment: ' 记录缺少买家性格 ' },
      contextAt(undefined, 'lead'),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state.qaReview).toMatchObject({ score: 75, comment: '记录缺少买家性格', reviewedBy: 'lead-1' });
    expect(result.events[0]).toMatchObject({ type: 'record_reviewed', data: { score: 75, recordComplete: false } });
  });

  it.each([
    ['an agent', aCase().inStage('recorded').build(), contextAt(), 'role.lead_required'],
    ['an open case', aCase().inStage('watching').build(), contextAt(undefined, 'lead'), 'stage.wrong_stage'],
  ])('refuses %s', (_, state, ctx, code) => {
    const result = reviewRecord(state, { checks }, ctx);
    expect(result.ok ? null : result.refusal.code).toBe(code);
  });
});
