import { findCareTextProblem } from '../compliance/rules';
import type { ContactPolicy } from '../policies/policy-config';
import { refusal, type Refusal } from '../refusals/refusal';
import type { ContactChannel } from '../shared/vocabulary';
import { checkCareContact, type CareContactInput } from './care-contact';

export const CARE_OUTCOMES = ['contacted', 'no_answer', 'problem_found', 'fine'] as const;
export type CareOutcome = (typeof CARE_OUTCOMES)[number];

/** `awaiting_reply`: a message went out and the buyer has not answered yet. The rest are closed. */
export const CARE_TASK_STATUSES = ['open', 'awaiting_reply', 'no_answer', 'problem_found', 'fine'] as const;
export type CareTaskStatus = (typeof CARE_TASK_STATUSES)[number];

export const isCareTaskOpen = (status: CareTaskStatus) => status === 'open' || status === 'awaiting_reply';

export interface WorkCareTaskInput {
  readonly outcome: CareOutcome;
  readonly channel: ContactChannel;
  /** What the agent sent or said; required when the action sends a message. */
  readonly message: string | null;
  /** What the buyer reported; required when a problem was found (it becomes the case's text). */
  readonly note: string | null;
  readonly at: Date;
}

export interface CareWorkContext {
  readonly status: CareTaskStatus;
  readonly buyer: CareContactInput['buyer'];
  readonly lastCareMessageAt: Date | null;
  readonly policy: ContactPolicy;
  /** The channels the shop's care settings allow for a message. */
  readonly channels: readonly ContactChannel[];
}

export interface CareWorkResult {
  readonly status: CareTaskStatus;
  /** Whether this action sent the buyer a proactive message (the 24-hour cap counts these). */
  readonly sendsMessage: boolean;
  /** A problem found opens a case at once. */
  readonly opensCase: boolean;
}

/** Does this action send a message? The first action on a task does; recording a reply does not. */
export const careActionSendsMessage = (status: CareTaskStatus, outcome: CareOutcome) =>
  status === 'open' || outcome === 'contacted';

/** Whether a care text may be sent, or why not (the web asks the same before sending). */
export function checkCareText(message: string): Refusal | null {
  const finding = findCareTextProblem(message);
  return finding ? refusal('care.text_not_allowed', { phrase: finding.phrase, rule: finding.ruleId }) : null;
}

/**
 * Working a care task: one contact (or the buyer's answer to the last one) and its outcome. The
 * message is checked before anything else, then the contact rules and the 24-hour cap.
 */
export function workCareTask(input: WorkCareTaskInput, context: CareWorkContext): CareWorkResult | Refusal {
  if (!isCareTaskOpen(context.status)) return refusal('care.task_closed');
  if (input.outcome === 'problem_found' && !input.note?.trim()) return refusal('care.problem_note_required');
  const sendsMessage = careActionSendsMessage(context.status, input.outcome);
  if (sendsMessage) {
    if (!input.message?.trim()) return refusal('care.message_required');
    const textProblem = checkCareText(input.message);
    if (textProblem) return textProblem;
    if (!context.channels.includes(input.channel)) {
      return refusal('care.channel_not_allowed', { channel: input.channel, allowed: [...context.channels] });
    }
    const contactProblem = checkCareContact(
      { buyer: context.buyer, channel: input.channel, at: input.at, lastCareMessageAt: context.lastCareMessageAt },
      context.policy,
    );
    if (contactProblem) return contactProblem;
  }
  return {
    status: input.outcome === 'contacted' ? 'awaiting_reply' : input.outcome,
    sendsMessage,
    opensCase: input.outcome === 'problem_found',
  };
}
