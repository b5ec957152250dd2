import { checkContactAllowed } from '../../policies/contact-policy';
import type { ContactChannel, ContactOutcome } from '../../shared/vocabulary';
import type { CaseState, ContactAttempt } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { endWaiting, guardReason, guardStage, moveTo, startWaiting, type Step } from './guards';

export interface LogContactAttemptInput {
  channel: ContactChannel;
  outcome: ContactOutcome;
  note?: string | null;
}

const CONTACT_STAGES = [
  'new',
  'contacting',
  'apologised',
  'resolving',
  'compensating',
  'replying',
  'watching',
] as const;

/**
 * Logs one attempt to reach the buyer, at `ctx.now` (attempts are never back-dated, so the
 * quiet-hour and spacing rules judge the real moment). The first attempt starts the contacting
 * stage and meets the first-contact deadline, whether or not the buyer answers.
 */
export function logContactAttempt(state: CaseState, input: LogContactAttemptInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, CONTACT_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const notAllowed = checkContactAllowed(state, input.channel, ctx.now, ctx.policy.contact);
  if (notAllowed) return refuse(notAllowed);

  const attempt: ContactAttempt = {
    id: ctx.newId(),
    channel: input.channel,
    outcome: input.outcome,
    at: ctx.now,
    note: input.note?.trim() || null,
    actorId: ctx.actor.id,
  };
  let step: Step = { state, events: [] };
  if (state.stage === 'new') step = moveTo(step, { to: 'contacting' }, ctx);
  step = endWaiting(step, ctx, 'call_back_requested');
  step = {
    state: {
      ...step.state,
      contactAttempts: [...step.state.contactAttempts, attempt],
      firstContactAt: step.state.firstContactAt ?? ctx.now,
    },
    events: [
      ...step.events,
      {
        type: 'contact_attempt_logged',
        actorId: ctx.actor.id,
        at: ctx.now,
        data: { attemptId: attempt.id, channel: attempt.channel, outcome: attempt.outcome, note: attempt.note },
      },
    ],
  };
  if (input.outcome === 'call_back_later') step = startWaiting(step, 'call_back_requested', ctx);
  return accept(step.state, step.events);
}

export interface SetDoNotContactInput {
  reason: string;
}

/** The buyer asked not to be contacted: every outbound channel stops at once, on every case of theirs. */
export function setDoNotContact(state: CaseState, input: SetDoNotContactInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, CONTACT_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const noReason = guardReason(input.reason, 'contact.reason_required');
  if (noReason) return refuse(noReason);
  let step: Step = { state: { ...state, buyerDoNotContact: true }, events: [] };
  step = endWaiting(step, ctx, 'call_back_requested');
  return accept(step.state, [
    ...step.events,
    {
      type: 'do_not_contact_set',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { reason: input.reason.trim(), before: state.buyerDoNotContact, after: true },
    },
  ]);
}
