import fc from 'fast-check';

import { missingRecordFields } from '../policies/record-completeness';
import { findPersonalData, findReviewLink } from '../policies/text-checks';
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
  STAGES,
  type Role,
} from '../shared/vocabulary';
import { aCase, contextAt, REVIEWED_AT } from '../testing';
import type { CaseEvent } from './case-event';
import { hasReachedBuyer, phoneCallCount, type CaseState } from './case-state';
import type { CommandContext, CommandResult } from './command-context';
import * as commands from './commands';
import { STAGE_EDGES } from './stages';

type Command = (state: CaseState, ctx: CommandContext) => CommandResult;

const notes = ['商品有瑕疵，补偿一张券', '给个好评返现10元', '改成五星送红包', '物流延误致歉'];
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
        commands.publishReply(s, { replyId: s.replies[index]?.id ?? 'missing' }, ctx),
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
);

const stepArbitrary = fc.record({
  command: commandArbitrary,
  minutesLater: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 3 * 24 * 60 })),
  role: pick<Role>(ROLES),
});

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
  if (next.maliciousKind !== null) {
    expect(next.compensations.filter((c) => c.status === 'approved' || c.status === 'paid')).toEqual([]);
  }
  for (const target of ['review', 'follow_up'] as const) {
    expect(next.replies.filter((r) => r.target === target && r.status === 'published').length).toBeLessThanOrEqual(1);
  }
  for (const reply of next.replies) expect(findPersonalData(reply.text)).toEqual([]);
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

describe('the workflow under any sequence of commands', () => {
  it('never reaches a state the workflow forbids, and a refusal changes nothing', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 40, size: 'max' }), (steps) => {
        let state = deepFreeze(aCase().build());
        let now = REVIEWED_AT.getTime() + 3600_000;
        const stageTrail: CaseEvent[] = [];
        for (const { command, minutesLater, role } of steps) {
          now += minutesLater * 60_000;
          const ctx = contextAt(new Date(now), role);
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
        let replayed = 'new';
        for (const event of stageTrail) {
          expect(event.data['from']).toBe(replayed);
          replayed = String(event.data['to']);
        }
        expect(replayed).toBe(state.stage);
      }),
      { numRuns: 400 },
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
