import { reviewDeadlines } from '../../deadlines/deadlines';
import { refusal, type Refusal } from '../../refusals/refusal';
import type { MaliciousKind, Stage } from '../../shared/vocabulary';
import {
  buyerRefusedContact,
  compensationAwaitingDecision,
  hasReachedBuyer,
  isMaliciousCase,
  phoneCallCount,
  publicReplyDone,
  unansweredAttemptCount,
  type CaseState,
} from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { canMoveAlongEdge } from '../stages';
import { moveTo, type Step } from './guards';

export interface TransitionInput {
  to: Stage;
  /** Required to enter `appealing` unless the case is already flagged. */
  maliciousKind?: MaliciousKind | null;
  reason?: string | null;
  /** The call script the agent followed to get here (`id@version`), kept in the history. */
  script?: string | null;
}

function contactExhausted(state: CaseState, ctx: CommandContext): boolean {
  const policy = ctx.policy.contact;
  return (
    buyerRefusedContact(state) ||
    phoneCallCount(state) >= policy.maxPhoneCallsPerCase ||
    unansweredAttemptCount(state) >= policy.attemptsBeforeGivingUp
  );
}

/** An appeal waiting for the platform's answer keeps the case in `appealing` until it is recorded. */
const guardLeavingAppeal = (state: CaseState): Refusal | null =>
  state.appeal && !state.appeal.result ? refusal('appeal.awaiting_result') : null;

/** The guard of one edge: null when the case may move along it. */
function guardEdge(state: CaseState, input: TransitionInput, ctx: CommandContext): Refusal | null {
  const { stage: from } = state;
  if (from === 'appealing') return guardLeavingAppeal(state);
  switch (input.to) {
    case 'apologised':
      return hasReachedBuyer(state) ? null : refusal('contact.not_reached');
    case 'replying':
      if (from === 'contacting' && !contactExhausted(state, ctx)) {
        return refusal('contact.attempts_not_exhausted', {
          attempts: unansweredAttemptCount(state),
          needed: ctx.policy.contact.attemptsBeforeGivingUp,
        });
      }
      if (from === 'resolving' && state.remedy === null) return refusal('remedy.missing');
      if (compensationAwaitingDecision(state)) return refusal('compensation.awaiting_decision');
      return null;
    case 'appealing': {
      if (!input.maliciousKind && !state.maliciousKind) return refusal('appeal.not_flagged_malicious');
      // Past the deadline no appeal can be filed: entering the stage would be a dead end.
      const { appealDeadlineAt } = reviewDeadlines(state, ctx.policy);
      return ctx.now > appealDeadlineAt
        ? refusal('appeal.deadline_passed', { deadline: appealDeadlineAt.toISOString() })
        : null;
    }
    case 'resolving':
      return state.rootCauseConfirmed ? null : refusal('root_cause.not_confirmed');
    case 'compensating':
      if (isMaliciousCase(state)) return refusal('compensation.malicious_case');
      return state.remedy === null ? refusal('remedy.missing') : null;
    case 'watching':
      if (from === 'replying') return publicReplyDone(state) ? null : refusal('reply.not_published');
      if (state.remedy === null) return refusal('remedy.missing');
      if (state.remedy.status !== 'done') return refusal('remedy.not_done');
      return compensationAwaitingDecision(state) ? refusal('compensation.awaiting_decision') : null;
    default:
      return null;
  }
}

/** Moves the case along one edge of the workflow, if the edge exists and its guard allows it. */
export function transition(state: CaseState, input: TransitionInput, ctx: CommandContext): CommandResult {
  if (state.stage === 'recorded') return refuse(refusal('stage.case_closed'));
  if (!canMoveAlongEdge(state.stage, input.to)) {
    return refuse(refusal('stage.transition_not_allowed', { from: state.stage, to: input.to }));
  }
  const guard = guardEdge(state, input, ctx);
  if (guard) return refuse(guard);

  let step: Step = { state, events: [] };
  if (input.to === 'appealing' && state.maliciousKind === null && input.maliciousKind) {
    step = {
      state: { ...state, maliciousKind: input.maliciousKind, rootCause: 'malicious', rootCauseConfirmed: true },
      events: [
        {
          type: 'malicious_flagged',
          actorId: ctx.actor.id,
          at: ctx.now,
          data: { kind: input.maliciousKind, rootCauseBefore: state.rootCause, reason: input.reason?.trim() || null },
        },
      ],
    };
  }
  step = moveTo(step, { to: input.to, reason: input.reason?.trim() || undefined }, ctx);
  if (input.script) {
    step = {
      ...step,
      events: step.events.map((event) =>
        event.type === 'stage_changed' ? { ...event, data: { ...event.data, script: input.script ?? null } } : event,
      ),
    };
  }
  return accept(step.state, step.events);
}
