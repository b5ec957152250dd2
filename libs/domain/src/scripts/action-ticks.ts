import type { CaseState } from '../case/case-state';
import { reviewDeadlines } from '../deadlines/deadlines';
import type { Policy } from '../policies/policy-config';
import type { ContactChannel } from '../shared/vocabulary';
import { applicableSteps, type ScriptProgress, type StepContext } from './progress';
import type { ScriptCheck, ScriptStep, ScriptTemplate } from './script-types';

const contactedOn = (state: CaseState, channel: ContactChannel) =>
  state.contactAttempts.some((attempt) => attempt.channel === channel);
const unansweredCall = (state: CaseState) =>
  state.contactAttempts.some((attempt) => attempt.channel === 'phone' && attempt.outcome !== 'reached');
/** The buyer picked up: they talked, refused or asked for a later time. */
const answeredCall = (state: CaseState) =>
  state.contactAttempts.some(
    (attempt) => attempt.channel === 'phone' && ['reached', 'refused', 'call_back_later'].includes(attempt.outcome),
  );
const maliciousKindChosen = (state: CaseState) => state.maliciousKind !== null;

/**
 * Check-offs the case's own record proves, by check id: the action that records the fact ticks
 * them (logging an IM contact ticks "IM sent" and "outcome logged"), and no hand may untick them.
 * Ids not listed here are ticked by the agent.
 */
const TICKED_BY_ACTION: Readonly<Record<string, (state: CaseState) => boolean>> = {
  im_sent: (state) => contactedOn(state, 'im'),
  im_logged: (state) => contactedOn(state, 'im'),
  sms_sent: (state) => contactedOn(state, 'sms'),
  sms_logged: (state) => contactedOn(state, 'sms'),
  call_logged: (state) => contactedOn(state, 'phone'),
  no_answer_logged: unansweredCall,
  contact_logged: (state) => state.contactAttempts.length > 0,
  message_sent: (state) => state.contactAttempts.length > 0,
  cause_confirmed: (state) => state.rootCauseConfirmed,
  // The remedy on the case is the one the buyer chose: recording it records their choice.
  remedy_agreed: (state) => state.remedy !== null,
  remedy_recorded: (state) => state.remedy !== null,
  remedy_done: (state) => state.remedy?.status === 'done',
  offer_recorded: (state) => state.compensations.some((compensation) => compensation.status !== 'rejected'),
  within_policy: (state) =>
    state.compensations.some((compensation) => compensation.status === 'approved' || compensation.status === 'paid'),
  request_recorded: (state) => state.revisionRequestedAt !== null,
  outcome_recorded: (state) => state.reviewOutcome !== null,
  choose_kind: maliciousKindChosen,
  kind_confirmed: maliciousKindChosen,
  evidence_refs: (state) => (state.appeal?.evidenceRefs.length ?? 0) > 0,
  appeal_filed: (state) => state.appeal !== null,
  appeal_result: (state) => !!state.appeal?.result,
};

/**
 * The facts that decide which steps of a case's script apply and are taken, as the case view and
 * the API both compute them.
 */
export function scriptContext(state: CaseState, policy: Policy, now: Date): StepContext {
  return {
    revisionRequestAllowed: policy.platforms[state.platform].allowsRevisionRequest,
    appealWindowClosed: now > reviewDeadlines(state, policy).appealDeadlineAt,
  };
}

/** The check-off is proved by an action on the case: no hand ticks it. */
export const isTickedByAction = (checkId: string): boolean => Object.hasOwn(TICKED_BY_ACTION, checkId);

/**
 * Steps that belong to one branch of the conversation, by step id: only the branch the case
 * actually took must be done. A step written for a channel is taken once that channel was used.
 */
const TAKEN_WHEN: Readonly<Record<string, (state: CaseState, context: StepContext) => boolean>> = {
  phone_opener: answeredCall,
  no_answer: unansweredCall,
  // The review already carries a seller reply we did not write: there is nothing to draft.
  draft: (state) => state.replies.length > 0 || state.reviewSellerReply === null,
  // Past the appeal window an appeal not filed can never be: the case leaves the stage without it.
  evidence: (state, context) => state.appeal !== null || !context.appealWindowClosed,
  file: (state, context) => state.appeal !== null || !context.appealWindowClosed,
};

function stepTaken(step: ScriptStep, state: CaseState, context: StepContext): boolean {
  const rule = TAKEN_WHEN[step.id];
  if (rule) return rule(state, context);
  return step.channel === undefined || contactedOn(state, step.channel);
}

export interface ChecklistItem {
  readonly check: ScriptCheck;
  readonly done: boolean;
  /** Ticked by the action that recorded the fact: not a box the agent ticks. */
  readonly byAction: boolean;
}

export interface ChecklistStep {
  readonly step: ScriptStep;
  /** On the branch the case took; a step not taken is shown for reference and not required. */
  readonly taken: boolean;
  readonly items: readonly ChecklistItem[];
}

export interface ScriptChecklist {
  readonly steps: readonly ChecklistStep[];
  /** Over the steps taken only: complete means the script's gate is open. */
  readonly progress: ScriptProgress;
}

/**
 * The script as the case has followed it: each check-off done by its action or by the agent's
 * tick (`ticked`), each step marked taken or not. The case view's "next stage" button and every
 * other control that moves the stage open only when `progress.complete`.
 */
export function scriptChecklist(
  template: ScriptTemplate,
  state: CaseState,
  ticked: Iterable<string>,
  context: StepContext,
): ScriptChecklist {
  const byHand = new Set(ticked);
  const steps = applicableSteps(template, context).map((step): ChecklistStep => {
    const items = step.checks.map((check): ChecklistItem => {
      const rule = TICKED_BY_ACTION[check.id];
      return rule
        ? { check, done: rule(state), byAction: true }
        : { check, done: byHand.has(check.id), byAction: false };
    });
    return { step, taken: stepTaken(step, state, context), items };
  });
  const required = steps.filter((step) => step.taken).flatMap((step) => step.items);
  const done = required.filter((item) => item.done).length;
  return { steps, progress: { done, total: required.length, complete: done === required.length } };
}
