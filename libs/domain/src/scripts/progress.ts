import type { RemedyType, Stage } from '../shared/vocabulary';
import type { ScriptStep, ScriptTemplate, StepCondition } from './script-types';

export interface ScriptProgress {
  readonly done: number;
  readonly total: number;
  readonly complete: boolean;
}

/** How many of the step's check-offs are ticked; ids that belong to other steps are ignored. */
export function scriptProgress(step: ScriptStep, checkedIds: Iterable<string>): ScriptProgress {
  const checked = new Set(checkedIds);
  const done = step.checks.filter((check) => checked.has(check.id)).length;
  const total = step.checks.length;
  return { done, total, complete: done === total };
}

/** Facts about the case that decide whether a conditional step is shown at all. */
export interface StepContext {
  /** The shop's policy for the case's platform allows a revision request (off for Taobao/Tmall and JD). */
  readonly revisionRequestAllowed: boolean;
  /** The platform's appeal window has closed: an appeal not filed by now never will be. */
  readonly appealWindowClosed?: boolean;
}

const conditionHolds = (condition: StepCondition, context: StepContext): boolean => {
  switch (condition) {
    case 'platform_allows_revision_request':
      return context.revisionRequestAllowed;
  }
};

/** The steps the agent sees for this case: conditional steps appear only when their condition holds. */
export function applicableSteps(template: ScriptTemplate, context: StepContext): ScriptStep[] {
  return template.steps.filter((step) => step.onlyIf === undefined || conditionHolds(step.onlyIf, context));
}

/** Progress over every applicable step of a template: complete when all of them are. */
export function templateProgress(
  template: ScriptTemplate,
  checkedIds: Iterable<string>,
  context: StepContext,
): ScriptProgress {
  const checked = [...checkedIds];
  const steps = applicableSteps(template, context).map((step) => scriptProgress(step, checked));
  const done = steps.reduce((sum, step) => sum + step.done, 0);
  const total = steps.reduce((sum, step) => sum + step.total, 0);
  return { done, total, complete: steps.every((step) => step.complete) };
}

/** Buyer types who get what the policy gives and nothing extra (DESIGN §5: calm, factual, documented). */
const NO_EXTRA_COMPENSATION = ['repeat_complainer', 'suspected_professional'] as const;

/** Remedies after which there is no inconvenience to apologise for with compensation. */
const NOTHING_TO_COMPENSATE: readonly RemedyType[] = ['usage_guidance', 'none_needed'];

export interface TransitionHints {
  /** The remedy recorded on the case, if any. */
  readonly remedy?: RemedyType | null;
  /** The buyer was never reached and the contact attempts are used up: the public reply is next. */
  readonly buyerUnreachable?: boolean;
}

/**
 * The workflow stage a script suggests once all its steps are complete; the case view offers it as
 * the next `transition` (or, from watching and appealing, the close command). Null when the template
 * is not for `stage`, or the stage is the closed one.
 *
 * - new → contacting; a preparation script written only for malicious reviews → appealing
 * - contacting → apologised → resolving; contacting → replying when the buyer could not be reached
 * - resolving → compensating, except → replying when the script is only for repeat complainers or
 *   suspected professional reviewers (no extra compensation), or the remedy was usage guidance / none needed
 * - compensating → watching, replying → watching
 * - watching → recorded, appealing → recorded
 */
export function nextStepTransition(template: ScriptTemplate, stage: Stage, hints: TransitionHints = {}): Stage | null {
  if (template.stage !== stage) return null;
  switch (stage) {
    case 'new':
      return onlyFor(template.rootCauses, ['malicious']) ? 'appealing' : 'contacting';
    case 'contacting':
      return hints.buyerUnreachable ? 'replying' : 'apologised';
    case 'apologised':
      return 'resolving';
    case 'resolving': {
      const noExtra = onlyFor(template.buyerTypes, NO_EXTRA_COMPENSATION);
      const nothingToCompensate = hints.remedy != null && NOTHING_TO_COMPENSATE.includes(hints.remedy);
      return noExtra || nothingToCompensate ? 'replying' : 'compensating';
    }
    case 'compensating':
    case 'replying':
      return 'watching';
    case 'watching':
    case 'appealing':
      return 'recorded';
    case 'recorded':
      return null;
  }
}

function onlyFor<T extends string>(targets: readonly T[] | 'any', allowed: readonly T[]): boolean {
  return targets !== 'any' && targets.length > 0 && targets.every((target) => allowed.includes(target));
}
