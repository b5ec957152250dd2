import { DEFAULT_POLICY } from '../policies/policy-config';
import { aCase, REVIEWED_AT } from '../testing';
import {
  caseDeadlines,
  payoutDueAt,
  resolutionClock,
  reviewDeadlines,
  urgencyAt,
  urgencyKind,
  urgencyKindLabel,
} from './deadlines';

const hours = (n: number) => n * 3600_000;

describe('deadlines', () => {
  it.each([
    ['critical', 4],
    ['high', 12],
    ['medium', 24],
    ['low', 48],
  ] as const)('first contact for a %s case is due %i hours after the review', (severity, h) => {
    const due = reviewDeadlines(
      { platform: 'taobao', severity, reviewedAt: REVIEWED_AT },
      DEFAULT_POLICY,
    ).firstContactDueAt;
    expect(due.getTime() - REVIEWED_AT.getTime()).toBe(hours(h));
  });

  it('takes the revision, follow-up and appeal windows from the platform rules', () => {
    const taobao = reviewDeadlines({ platform: 'taobao', severity: 'medium', reviewedAt: REVIEWED_AT }, DEFAULT_POLICY);
    expect(taobao.revisionWindowEndsAt.toISOString()).toBe('2026-04-09T02:00:00.000Z');
    expect(taobao.followUpWindowEndsAt.toISOString()).toBe('2026-09-06T02:00:00.000Z');
    expect(taobao.appealDeadlineAt.toISOString()).toBe('2026-04-09T02:00:00.000Z');
  });

  it('pauses the resolution clock while the case waits on the buyer, and shows the pause', () => {
    const base = REVIEWED_AT.getTime() + hours(120);
    const finishedWaits = aCase()
      .with({ pausedMs: hours(5) })
      .build();
    expect(resolutionClock(finishedWaits, DEFAULT_POLICY, new Date(base)).dueAt.getTime()).toBe(base + hours(5));

    const waiting = aCase()
      .with({
        pausedMs: hours(5),
        waiting: { reason: 'return_in_transit', since: new Date(REVIEWED_AT.getTime() + hours(10)) },
      })
      .build();
    const clock = resolutionClock(waiting, DEFAULT_POLICY, new Date(REVIEWED_AT.getTime() + hours(13)));
    expect(clock).toEqual({ dueAt: new Date(base + hours(8)), paused: true, pausedMs: hours(8) });
  });

  it.each([
    ['Monday', '2026-03-09T02:00:00Z', '2026-03-12T02:00:00.000Z'],
    ['Friday', '2026-03-13T02:00:00Z', '2026-03-18T02:00:00.000Z'],
    ['Saturday', '2026-03-14T02:00:00Z', '2026-03-18T02:00:00.000Z'],
  ])('payout approved on a %s is due 3 business days later', (_day, approvedAt, due) => {
    expect(payoutDueAt(new Date(approvedAt), DEFAULT_POLICY).toISOString()).toBe(due);
  });

  it('reports the earliest unpaid payout of a case', () => {
    const state = aCase()
      .withCompensation({ status: 'approved', payoutDueAt: new Date('2026-03-20T00:00:00Z') })
      .withCompensation({ status: 'approved', payoutDueAt: new Date('2026-03-18T00:00:00Z') })
      .withCompensation({ status: 'paid', payoutDueAt: new Date('2026-03-11T00:00:00Z') })
      .build();
    expect(caseDeadlines(state, DEFAULT_POLICY, REVIEWED_AT).nextPayoutDueAt?.toISOString()).toBe(
      '2026-03-18T00:00:00.000Z',
    );
  });
});

describe('urgency', () => {
  it('sorts by first contact due until the first attempt, then by resolution due; appeals by their deadline', () => {
    const notReached = aCase().withSeverity('critical').build();
    expect(urgencyAt(notReached, DEFAULT_POLICY, REVIEWED_AT).getTime()).toBe(REVIEWED_AT.getTime() + hours(4));
    const reached = aCase().withSeverity('critical').reached().build();
    expect(urgencyAt(reached, DEFAULT_POLICY, REVIEWED_AT).getTime()).toBe(REVIEWED_AT.getTime() + hours(48));
    const unanswered = aCase().withSeverity('critical').withPhoneCalls(1).build();
    expect(urgencyAt(unanswered, DEFAULT_POLICY, REVIEWED_AT).getTime()).toBe(REVIEWED_AT.getTime() + hours(48));
    const appealing = aCase().inStage('appealing').build();
    expect(urgencyAt(appealing, DEFAULT_POLICY, REVIEWED_AT).toISOString()).toBe('2026-04-09T02:00:00.000Z');
  });

  it('names the deadline it sorts by, in both languages', () => {
    expect(urgencyKind(aCase().build())).toBe('firstContact');
    expect(urgencyKind(aCase().withPhoneCalls(1).build())).toBe('resolution');
    expect(urgencyKind(aCase().inStage('appealing').build())).toBe('appeal');
    // The queue's rows carry ISO strings, not dates.
    expect(urgencyKind({ stage: 'contacting', firstContactAt: '2026-03-01T02:00:00Z' })).toBe('resolution');
    expect(urgencyKindLabel('firstContact', 'zh-CN')).toBe('首次联系');
    expect(urgencyKindLabel('resolution', 'en')).toBe('Resolution');
  });
});
