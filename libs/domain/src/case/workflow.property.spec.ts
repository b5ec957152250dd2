import fc from 'fast-check';

import { buyerLocalTimeOf, findPersonalData, findReviewLink, isWithinWindow, LEGAL_QUIET_HOURS } from '../index';
import { DEFAULT_POLICY, type Policy } from '../policies/policy-config';
import { missingRecordFields } from '../policies/record-completeness';
import {
  COMPENSATION_TYPES,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  MALICIOUS_KINDS,
  REMEDY_STATUSES,
  REMEDY_TYPES,
  REVIEW_OUTCOMES,
  ROLES,
  ROOT_CAUSES,
  SEVERITIES,
  STAGES,
  type Role,
} from '../shared/vocabulary';
import { aCase, contextAt, REVIEWED_AT } from '../testing';
import type { CaseEvent } from './case-event';
import { hasReachedBuyer, isMaliciousCase, phoneCallCount, publishedReply, type CaseState } from './case-state';
import type { CommandContext, CommandResult } from './command-context';
import * as commands from './commands';
import { STAGE_EDGES } from './stages';

type Command = (state: CaseState, ctx: CommandContext) => CommandResult;

const notes = ['商品有瑕疵，补偿一张券', '给个好评返现10元', '改成五星送红包', '物流延误致歉', '删除差评后返您5元'];
const replyTexts = ['感谢反馈，已为您安排处理。', '请拨打13812345678', '你有病吧', '地址浙江省杭州市文三路 90 号'];

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

/** Moves along one of the current stage's edges, so that random runs reach the deep stages too. */
const followAnEdge = fc
  .record({ index: fc.nat(5), maliciousKind: pick(MALICIOUS_KINDS) })
  .map(({ index, maliciousKind }): Command => (s, ctx) => {
    const edges = STAGE_EDGES[s.stage];
    const to = edges[index % Math.max(1, edges.length)] ?? 'contacting';
    return commands.transition(s, { to, maliciousKind: index % 3 === 0 ? maliciousKind : undefined }, ctx);
  });

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: followAnEdge, weight: 6 },
  fc.record({ channel: pick(CONTACT_CHANNELS), outcome: pick(CONTACT_OUTCOMES) }).map(
    (input): Command =>
      (s, ctx) =>
        commands.logContactAttempt(s, input, ctx),
  ),
  fc.constant<Command>((s, ctx) => commands.setDoNotContact(s, { reason: '买家要求' }, ctx)),
  fc.record({ to: pick(STAGES), maliciousKind: fc.option(pick(MALICIOUS_KINDS), { nil: undefined }) }).map(
    (input): Command =>
      (s, ctx) =>
        commands.transition(s, input, ctx),
  ),
  {
    arbitrary: pick(ROOT_CAUSES).map(
      (rootCause): Command =>
        (s, ctx) =>
          commands.confirmRootCause(s, { rootCause }, ctx),
    ),
    weight: 3,
  },
  {
    arbitrary: fc.record({ type: pick(REMEDY_TYPES), status: pick(REMEDY_STATUSES) }).map(
      (input): Command =>
        (s, ctx) =>
          commands.recordRemedy(s, input, ctx),
    ),
    weight: 3,
  },
  fc
    .record({
      type: pick(COMPENSATION_TYPES),
      amountFen: fc.integer({ min: -10, max: 10_000 }),
      note: pick(notes),
      earlier: fc.nat(2),
    })
    .map(
      (input): Command =>
        (s, ctx) =>
          commands.proposeCompensation(s, input, { compensationsInPeriod: input.earlier }, ctx),
    ),
  fc.record({ index: fc.nat(3), approve: fc.boolean() }).map(({ index, approve }): Command => (s, ctx) => {
    const compensationId = s.compensations[index]?.id ?? 'missing';
    return approve
      ? commands.approveCompensation(s, { compensationId }, ctx)
      : commands.rejectCompensation(s, { compensationId, note: '不符合政策' }, ctx);
  }),
  fc.nat(3).map(
    (index): Command =>
      (s, ctx) =>
        commands.markCompensationPaid(s, { compensationId: s.compensations[index]?.id ?? 'missing' }, ctx),
  ),
  fc.record({ target: pick(['review', 'follow_up'] as const), text: pick(replyTexts) }).map(
    (input): Command =>
      (s, ctx) =>
        commands.draftReply(s, input, ctx),
  ),
  fc.nat(2).map(
    (index): Command =>
      (s, ctx) =>
        commands.publishReply(s, { replyId: s.replies[index]?.id ?? 'missing', delivery: 'by_hand' }, ctx),
  ),
  fc.array(pick(['截图1', ' ', '聊天记录']), { maxLength: 2 }).map(
    (evidenceRefs): Command =>
      (s, ctx) =>
        commands.fileAppeal(s, { evidenceRefs }, ctx),
  ),
  pick(['won', 'lost'] as const).map(
    (result): Command =>
      (s, ctx) =>
        commands.recordAppealResult(s, { result }, ctx),
  ),
  pick(REVIEW_OUTCOMES).map(
    (outcome): Command =>
      (s, ctx) =>
        commands.recordReviewOutcome(s, { outcome }, ctx),
  ),
  fc.record({ complete: fc.boolean(), outcome: pick(REVIEW_OUTCOMES) }).map(
    ({ complete, outcome }): Command =>
      (s, ctx) =>
        commands.recordAndClose(
          s,
          complete
            ? { actionsTaken: '致歉并安排换货，买家接受', outcome, specialNotes: '买家脾气急' }
            : { actionsTaken: '短' },
          ctx,
        ),
  ),
  fc.constant<Command>((s, ctx) => commands.reopen(s, { reason: '复核' }, ctx)),
  // What the platform reports when a review is imported again: a seller reply, a deletion, a follow-up.
  fc
    .oneof(
      pick(['亲，已为您补发配件', '感谢反馈，已处理']).map((text) => ({ kind: 'seller_replied' as const, text })),
      fc.constant({ kind: 'deleted' as const }),
      fc.constant({ kind: 'follow_up_added' as const, text: '用了一周又坏了' }),
      fc.constant({ kind: 'rating_revised' as const, from: 'negative' as const, to: 'positive' as const }),
    )
    .map(
      (change): Command =>
        (s, ctx) =>
          commands.applyPlatformChanges(s, [change], ctx),
    ),
  fc
    .oneof(
      pick(ROOT_CAUSES).map((rootCause) => ({ field: 'rootCause' as const, rootCause, reason: '与买家核实' })),
      pick(SEVERITIES).map((severity) => ({ field: 'severity' as const, severity, reason: '与买家核实' })),
    )
    .map(
      (input): Command =>
        (s, ctx) =>
          commands.overrideTriage(s, input, ctx),
    ),
);

const stepArbitrary = fc.record({
  command: commandArbitrary,
  minutesLater: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 3 * 24 * 60 })),
  role: pick<Role>(ROLES),
});

/** A stored policy narrower than the law (saved before the legal line existed): the law still holds. */
const NARROW_QUIET_HOURS: Policy = {
  ...DEFAULT_POLICY,
  contact: { ...DEFAULT_POLICY.contact, quietHours: { start: '23:58', end: '23:59' } },
};

const reach: Command = (s, ctx) => commands.logContactAttempt(s, { channel: 'im', outcome: 'reached' }, ctx);
const moveTo =
  (to: (typeof STAGES)[number]): Command =>
  (s, ctx) =>
    commands.transition(s, { to, maliciousKind: to === 'appealing' ? 'extortion' : undefined }, ctx);
const toResolving: Command[] = [
  reach,
  moveTo('apologised'),
  (s, ctx) => commands.confirmRootCause(s, { rootCause: s.rootCause ?? 'other' }, ctx),
  moveTo('resolving'),
  (s, ctx) => commands.recordRemedy(s, { type: 'exchange', status: 'done' }, ctx),
];
/** Real command sequences that take a run deep into the workflow before the random steps begin. */
const PREFIXES: Readonly<Record<string, readonly Command[]>> = {
  none: [],
  compensating: [...toResolving, moveTo('compensating')],
  replying: [...toResolving, moveTo('replying')],
  watching: [...toResolving, moveTo('watching')],
  appealing: [moveTo('contacting'), moveTo('appealing')],
};

/** Where a run starts: a case as triage left it (perhaps malicious, perhaps answered), taken some way in. */
const startArbitrary = fc.record({
  prefix: pick(Object.keys(PREFIXES)),
  rootCause: pick(['product_quality', 'malicious', 'logistics_delay'] as const),
  reviewSellerReply: fc.option(fc.constant('亲，非常抱歉，已为您安排'), { nil: null }),
  buyerTimeZone: pick(['Asia/Shanghai', 'Asia/Urumqi', 'America/Los_Angeles']),
  policy: pick([DEFAULT_POLICY, NARROW_QUIET_HOURS]),
});
type Start = typeof startArbitrary extends fc.Arbitrary<infer T> ? T : never;

function startState(start: Start): CaseState {
  let state = aCase()
    .with({
      rootCause: start.rootCause,
      suggestedRootCause: start.rootCause,
      reviewSellerReply: start.reviewSellerReply,
      buyerTimeZone: start.buyerTimeZone,
    })
    .build();
  const ctx = contextAt(undefined, 'agent', start.policy);
  for (const command of PREFIXES[start.prefix] ?? []) {
    const result = command(state, ctx);
    if (result.ok) state = result.state;
  }
  return state;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function assertInvariants(previous: CaseState, next: CaseState, events: readonly CaseEvent[], ctx: CommandContext) {
  expect(STAGES).toContain(next.stage);
  expect(phoneCallCount(next)).toBeLessThanOrEqual(ctx.policy.contact.maxPhoneCallsPerCase);
  if (previous.buyerDoNotContact) expect(next.contactAttempts.length).toBe(previous.contactAttempts.length);
  // Never a call or SMS in quiet hours: the policy's, and the legal 21:00–08:00 whatever the policy says.
  for (const attempt of next.contactAttempts.filter((a) => !previous.contactAttempts.includes(a))) {
    if (attempt.channel !== 'phone' && attempt.channel !== 'sms') continue;
    const local = buyerLocalTimeOf(next, attempt.at, ctx.policy.contact);
    expect(isWithinWindow(local.minutes, LEGAL_QUIET_HOURS)).toBe(false);
    expect(isWithinWindow(local.minutes, ctx.policy.contact.quietHours)).toBe(false);
  }
  // Never a compensation on a malicious case: nothing proposed, approved or paid while it is one.
  if (isMaliciousCase(previous)) {
    for (const compensation of next.compensations) {
      const before = previous.compensations.find((c) => c.id === compensation.id);
      if (!before) throw new Error('a compensation was proposed on a malicious case');
      if (compensation.status !== before.status) expect(compensation.status).toBe('rejected');
    }
  }
  // One public reply per review, counting one the platform already shows.
  for (const target of ['review', 'follow_up'] as const) {
    expect(next.replies.filter((r) => r.target === target && r.status === 'published').length).toBeLessThanOrEqual(1);
  }
  const publishedNow = publishedReply(next, 'review');
  if (publishedNow && !publishedReply(previous, 'review')) expect(previous.reviewSellerReply).toBeNull();
  if (publishedNow) expect(next.reviewSellerReply).not.toBeNull();
  for (const reply of next.replies) {
    expect(findPersonalData(reply.text)).toEqual([]);
    expect(findReviewLink(reply.text)).toBeNull();
  }
  for (const compensation of next.compensations) {
    expect(findReviewLink(compensation.note)).toBeNull();
    if (compensation.status === 'paid' && compensation.approvalReasons.length > 0) {
      expect(compensation.decidedBy).not.toBeNull();
    }
  }
  if (['apologised', 'resolving', 'compensating'].includes(next.stage)) expect(hasReachedBuyer(next)).toBe(true);
  if (next.stage === 'recorded') {
    expect(next.record).not.toBeNull();
    expect(missingRecordFields({ ...next, stage: next.closedFromStage ?? 'watching' }, next.record ?? {})).toEqual([]);
  }
  for (const event of events) {
    expect(event.at).toEqual(ctx.now);
    expect(event.actorId).toBe(ctx.actor.id);
  }
}

/** A small key of what decides which commands a state allows, so the search visits each situation once. */
const situation = (s: CaseState): string =>
  JSON.stringify([
    s.stage,
    s.rootCause,
    s.rootCauseConfirmed,
    s.maliciousKind,
    hasReachedBuyer(s),
    s.remedy?.status ?? null,
    s.compensations.map((c) => c.status),
    s.replies.map((r) => `${r.target}:${r.status}`),
    s.reviewSellerReply !== null,
    s.reviewState,
    s.appeal?.result ?? (s.appeal ? 'filed' : null),
    s.reviewOutcome,
  ]);

const GOOD_REPLY = '感谢您的反馈，给您带来不便非常抱歉，我们已核实并处理。';

/** Commands that move a case towards its record, as a team lead would issue them at `ctx.now`. */
function progressCommands(s: CaseState): Command[] {
  const found: Command[] = [
    (c, ctx) =>
      commands.recordAndClose(
        c,
        {
          rootCause: c.rootCause ?? 'other',
          actionsTaken: '致歉并说明处理经过，买家知悉',
          outcome: 'unchanged',
          specialNotes: '无',
        },
        ctx,
      ),
    (c, ctx) => commands.logContactAttempt(c, { channel: 'im', outcome: 'reached' }, ctx),
    (c, ctx) => commands.confirmRootCause(c, { rootCause: c.rootCause ?? 'other' }, ctx),
    (c, ctx) => commands.recordRemedy(c, { type: 'usage_guidance', status: 'done' }, ctx),
    (c, ctx) => commands.draftReply(c, { target: 'review', text: GOOD_REPLY }, ctx),
    (c, ctx) => commands.recordAppealResult(c, { result: 'lost' }, ctx),
    (c, ctx) => commands.fileAppeal(c, { evidenceRefs: ['聊天记录'] }, ctx),
  ];
  for (const to of STAGE_EDGES[s.stage]) found.push((c, ctx) => commands.transition(c, { to }, ctx));
  for (const reply of s.replies)
    found.push((c, ctx) => commands.publishReply(c, { replyId: reply.id, delivery: 'by_hand' }, ctx));
  for (const { id: compensationId } of s.compensations) {
    found.push((c, ctx) => commands.markCompensationPaid(c, { compensationId }, ctx));
    found.push((c, ctx) => commands.rejectCompensation(c, { compensationId, note: '不予补偿' }, ctx));
  }
  return found;
}

/** Depth-first search for a sequence of commands that ends in a closed record; returns its length. */
function stepsToRecord(start: CaseState, ctx: CommandContext, maxDepth = 16): number | null {
  const seen = new Set<string>();
  const search = (s: CaseState, depth: number): number | null => {
    if (s.stage === 'recorded') return depth;
    if (depth >= maxDepth || seen.has(situation(s))) return null;
    seen.add(situation(s));
    for (const command of progressCommands(s)) {
      const result = command(s, ctx);
      if (!result.ok) continue;
      const found = search(result.state, depth + 1);
      if (found !== null) return found;
    }
    return null;
  };
  return search(start, 0);
}

const runArbitrary = fc.record({
  start: startArbitrary,
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 40, size: 'max' }),
});

describe('the workflow under any sequence of commands', () => {
  it('keeps every rule: calls, quiet hours, one reply, no pay on malicious, no benefit tied to a review', () => {
    fc.assert(
      fc.property(runArbitrary, ({ start, steps }) => {
        let state = deepFreeze(startState(start));
        let now = REVIEWED_AT.getTime() + 3600_000;
        const stageTrail: CaseEvent[] = [];
        for (const { command, minutesLater, role } of steps) {
          now += minutesLater * 60_000;
          const ctx = contextAt(new Date(now), role, start.policy);
          const before = JSON.stringify(state);
          const result = command(state, ctx); // a mutation of the frozen state would throw here
          expect(JSON.stringify(state)).toBe(before);
          if (!result.ok) continue;
          expect(result.events.length).toBeGreaterThan(0);
          assertInvariants(state, result.state, result.events, ctx);
          stageTrail.push(...result.events.filter((e) => e.type === 'stage_changed'));
          state = deepFreeze(result.state);
        }
        // The stage history replays to the current stage without gaps.
        let replayed: string = startState(start).stage;
        for (const event of stageTrail) {
          expect(event.data['from']).toBe(replayed);
          replayed = String(event.data['to']);
        }
        expect(replayed).toBe(state.stage);
      }),
      { numRuns: 400 },
    );
  });

  it('has no dead end: from every state a run reaches, some sequence of commands closes the record', () => {
    fc.assert(
      fc.property(runArbitrary, ({ start, steps }) => {
        let state = startState(start);
        let now = REVIEWED_AT.getTime() + 3600_000;
        for (const { command, minutesLater, role } of steps) {
          now += minutesLater * 60_000;
          const result = command(state, contextAt(new Date(now), role, start.policy));
          if (!result.ok) continue;
          state = result.state;
          // Searched from every state the run passes through, at that moment and as a lead would act.
          const lead = contextAt(new Date(now), 'lead', start.policy);
          if (stepsToRecord(state, lead) === null) {
            throw new Error(`dead end in stage ${state.stage}: ${situation(state)}`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('can reach every stage (the generator explores the whole workflow)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 20, maxLength: 60, size: 'max' }), (steps) => {
        let state = aCase().build();
        let now = REVIEWED_AT.getTime() + 3600_000;
        for (const { command, minutesLater, role } of steps) {
          now += minutesLater * 60_000;
          const result = command(state, contextAt(new Date(now), role));
          if (result.ok) state = result.state;
          seen.add(state.stage);
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
    expect([...seen].sort()).toEqual([...STAGES].sort());
  });
});
