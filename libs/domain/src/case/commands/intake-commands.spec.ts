import { pickAssignee } from '../../policies/assignment-policy';
import { aCase, contextAt } from '../../testing';
import type { CommandResult } from '../command-context';
import { reassignCase } from './assignment';
import { applyPlatformChanges, reviewChanges, type ReviewSnapshot } from './platform-update';
import { overrideTriage } from './triage-override';

const code = (result: CommandResult) => (result.ok ? null : result.refusal.code);
const lead = contextAt(undefined, 'lead');

describe('overrideTriage', () => {
  it('replaces the suggested root cause and records before, after and why', () => {
    const result = overrideTriage(
      aCase().build(),
      { field: 'rootCause', rootCause: 'logistics_damage', subCause: 'crushed', reason: '买家发来外箱压扁的照片' },
      contextAt(),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state).toMatchObject({ rootCause: 'logistics_damage', subCause: 'crushed' });
    expect(result.events[0]).toMatchObject({
      type: 'triage_overridden',
      data: {
        field: 'rootCause',
        before: 'product_quality',
        after: 'logistics_damage',
        reason: '买家发来外箱压扁的照片',
      },
    });
  });

  it.each([
    [{ field: 'severity', severity: 'critical', reason: '漏电' } as const, 'severity', 'critical'],
    [{ field: 'buyerType', buyerType: 'veteran', reason: '老客户' } as const, 'buyerType', 'veteran'],
    [{ field: 'misclick', misclick: true, reason: '买家说点错了' } as const, 'misclick', true],
  ])('overrides %p', (input, field, value) => {
    const result = overrideTriage(aCase().build(), input, contextAt());
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state).toMatchObject({ [field]: value });
  });

  it.each([
    [{ field: 'severity', severity: 'high', reason: '  ' } as const, 'triage.reason_required'],
    [{ field: 'severity', severity: 'medium', reason: '一样' } as const, 'triage.unchanged'],
    [
      { field: 'rootCause', rootCause: 'size_fit', subCause: 'crushed', reason: '尺码问题' } as const,
      'triage.invalid_sub_cause',
    ],
  ])('refuses %p with %s', (input, expected) => {
    expect(code(overrideTriage(aCase().build(), input, contextAt()))).toBe(expected);
  });

  it('refuses on a closed case', () => {
    const closed = aCase().inStage('recorded').build();
    expect(code(overrideTriage(closed, { field: 'misclick', misclick: true, reason: '点错' }, contextAt()))).toBe(
      'stage.case_closed',
    );
  });
});

describe('reassignCase', () => {
  const input = { assigneeId: 'agent-2', reason: '原客服请假', assigneeWorksShop: true };

  it('moves the case and records from, to and the reason', () => {
    const result = reassignCase(aCase().build(), input, lead);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state.assigneeId).toBe('agent-2');
    expect(result.events[0]).toMatchObject({
      type: 'case_reassigned',
      data: { from: 'agent-1', to: 'agent-2', reason: '原客服请假' },
    });
  });

  it('can put a case back in the pool', () => {
    const result = reassignCase(aCase().build(), { ...input, assigneeId: null }, lead);
    expect(result.ok && result.state.assigneeId).toBeNull();
  });

  it.each([
    ['an agent', contextAt(), input, 'role.lead_required'],
    ['no reason', lead, { ...input, reason: ' ' }, 'assignment.reason_required'],
    ['the same agent', lead, { ...input, assigneeId: 'agent-1' }, 'assignment.unchanged'],
    ['someone outside the shop', lead, { ...input, assigneeWorksShop: false }, 'assignment.no_shop_access'],
  ])('refuses %s', (_, ctx, given, expected) => {
    expect(code(reassignCase(aCase().build(), given, ctx))).toBe(expected);
  });
});

describe('platform changes of a review', () => {
  const known: ReviewSnapshot = { rating: 'negative', deleted: false, followUpText: null, sellerReply: null };

  it('finds nothing when the platform shows the same review', () => {
    expect(reviewChanges(known, { ...known, followUpText: '  ' })).toEqual([]);
  });

  it('never treats a missing field as erasing a known one', () => {
    expect(reviewChanges({ ...known, sellerReply: '抱歉' }, known)).toEqual([]);
  });

  it('lists a revision, a deletion, a follow-up and a seller reply', () => {
    const changes = reviewChanges(known, {
      rating: 'positive',
      deleted: true,
      followUpText: '换货后很好用',
      sellerReply: '感谢理解',
    });
    expect(changes.map((change) => change.kind)).toEqual([
      'rating_revised',
      'deleted',
      'follow_up_added',
      'seller_replied',
    ]);
  });

  it('marks a follow-up and a revised rating on the case, also after it closed', () => {
    const closed = aCase().inStage('recorded').build();
    const result = applyPlatformChanges(
      closed,
      reviewChanges(known, { ...known, rating: 'positive', followUpText: '客服处理得很快' }),
      contextAt(),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state).toMatchObject({ hasFollowUp: true, reviewState: 'revised', stage: 'recorded' });
    expect(result.events.map((event) => event.type)).toEqual(['review_rating_revised', 'review_follow_up_added']);
  });
});

describe('pickAssignee', () => {
  it('gives the case to the lightest weighted load, ties to the lower id', () => {
    expect(
      pickAssignee([
        { userId: 'b', weightedLoad: 4 },
        { userId: 'c', weightedLoad: 2 },
        { userId: 'a', weightedLoad: 2 },
      ]),
    ).toBe('a');
  });

  it('leaves the case in the pool when nobody can take it', () => {
    expect(pickAssignee([])).toBeNull();
  });
});
