import { findBenefit } from '../../compliance/rules';
import { missingRecordFields, type RecordInput } from '../../policies/record-completeness';
import { refusal } from '../../refusals/refusal';
import type { ReviewOutcome } from '../../shared/vocabulary';
import type { CaseRecord, CaseState } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { CLOSING_STAGES } from '../stages';
import { endWaiting, guardLead, guardReason, guardStage, moveTo, type Step } from './guards';

export interface RecordReviewOutcomeInput {
  outcome: ReviewOutcome;
}

/** What became of the review on the platform while the case watched it. */
export function recordReviewOutcome(
  state: CaseState,
  input: RecordReviewOutcomeInput,
  ctx: CommandContext,
): CommandResult {
  const wrongStage = guardStage(state, ['watching', 'replying', 'appealing']);
  if (wrongStage) return refuse(wrongStage);
  return accept(
    { ...state, reviewOutcome: input.outcome, hasFollowUp: state.hasFollowUp || input.outcome === 'follow_up_added' },
    [
      {
        type: 'review_outcome_recorded',
        actorId: ctx.actor.id,
        at: ctx.now,
        data: { before: state.reviewOutcome, after: input.outcome },
      },
    ],
  );
}

export interface RecordRevisionRequestInput {
  agreedAt: string;
  method: string;
  note: string;
}

/**
 * Records that the agent politely asked the buyer to revisit the review — only where the shop's
 * platform rules allow it at all, only once, and never with a benefit attached.
 */
export function recordRevisionRequest(
  state: CaseState,
  input: RecordRevisionRequestInput,
  ctx: CommandContext,
): CommandResult {
  const wrongStage = guardStage(state, ['watching']);
  if (wrongStage) return refuse(wrongStage);
  if (!ctx.policy.platforms[state.platform].allowsRevisionRequest) {
    return refuse(refusal('revision.platform_forbids', { platform: state.platform }));
  }
  if (state.revisionRequestedAt) return refuse(refusal('revision.already_requested'));
  const benefit = findBenefit(`${input.method} ${input.note}`);
  if (benefit) return refuse(refusal('revision.benefit_mentioned', { phrase: benefit }));
  return accept({ ...state, revisionRequestedAt: ctx.now }, [
    {
      type: 'revision_request_recorded',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { agreedAt: input.agreedAt, method: input.method.trim(), note: input.note.trim() },
    },
  ]);
}

/** Closes the case with a complete record: the history a lead reviews and the next agent reads. */
export function recordAndClose(state: CaseState, input: RecordInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, CLOSING_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const missing = missingRecordFields(state, input);
  if (state.compensations.some((c) => c.status === 'approved')) missing.push('compensationPaid');
  if (state.compensations.some((c) => c.status === 'pending_approval')) {
    return refuse(refusal('compensation.awaiting_decision'));
  }
  if (missing.length > 0) return refuse(refusal('record.incomplete', { missing }));

  const record: CaseRecord = {
    productModel: (input.productModel ?? state.productModel ?? '').trim(),
    rootCause: input.rootCause ?? state.rootCause ?? 'other',
    actionsTaken: (input.actionsTaken ?? '').trim(),
    outcome: input.outcome ?? state.reviewOutcome ?? 'unchanged',
    specialNotes: (input.specialNotes ?? '').trim(),
    recordedAt: ctx.now,
  };
  let step: Step = endWaiting({ state, events: [] }, ctx);
  step = {
    state: {
      ...step.state,
      record,
      rootCause: record.rootCause,
      reviewOutcome: record.outcome,
      closedFromStage: state.stage,
    },
    events: [
      ...step.events,
      {
        type: 'case_recorded',
        actorId: ctx.actor.id,
        at: ctx.now,
        data: {
          productModel: record.productModel,
          rootCause: record.rootCause,
          actionsTaken: record.actionsTaken,
          outcome: record.outcome,
          specialNotes: record.specialNotes,
        },
      },
    ],
  };
  step = moveTo(step, { to: 'recorded' }, ctx);
  return accept(step.state, step.events);
}

export interface ReopenInput {
  reason: string;
}

/** A team lead reopens a closed case with a reason; it returns to the stage it was closed from. */
export function reopen(state: CaseState, input: ReopenInput, ctx: CommandContext): CommandResult {
  const notLead = guardLead(ctx.actor);
  if (notLead) return refuse(notLead);
  if (state.stage !== 'recorded') return refuse(refusal('reopen.not_closed'));
  const noReason = guardReason(input.reason, 'reopen.reason_required');
  if (noReason) return refuse(noReason);
  const reason = input.reason.trim();
  const backTo = state.closedFromStage ?? 'watching';
  const step = moveTo(
    { state: { ...state, record: null, closedFromStage: null }, events: [] },
    { to: backTo, reason },
    ctx,
  );
  return accept(step.state, [
    { type: 'case_reopened', actorId: ctx.actor.id, at: ctx.now, data: { reason, backTo } },
    ...step.events,
  ]);
}
