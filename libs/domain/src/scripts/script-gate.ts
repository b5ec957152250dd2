import type { CaseState } from '../case/case-state';
import { refuse, type CommandContext, type CommandResult } from '../case/command-context';
import { transition, type TransitionInput } from '../case/commands/transition';
import { refusal, type Refusal } from '../refusals/refusal';
import type { Stage } from '../shared/vocabulary';
import { isTickedByAction, type ScriptChecklist } from './action-ticks';
import type { ScriptTemplate } from './script-types';

/**
 * Whether the script of the case's stage lets the case move to `to`: every check-off of the branch
 * the case took must be done. The way to an appeal stays open at any step (a malicious review is
 * appealed before the deadline, whatever the script), and a case without a script is not held.
 * The case view disables its stage buttons with this, and the API refuses the transition with it.
 */
export function scriptGate(checklist: ScriptChecklist | null, to: Stage): Refusal | null {
  if (!checklist || checklist.progress.complete || to === 'appealing') return null;
  const open = checklist.steps
    .filter((step) => step.taken)
    .map((step) => ({ step: step.step, items: step.items.filter((item) => !item.done) }))
    .filter((step) => step.items.length > 0);
  const missing = (locale: 'zh-CN' | 'en', separator: string) =>
    open.map(
      ({ step, items }) =>
        `${step.title[locale]}${locale === 'zh-CN' ? '：' : ': '}${items.map((item) => item.check.text[locale]).join(separator)}`,
    );
  return refusal('script.incomplete', {
    done: checklist.progress.done,
    total: checklist.progress.total,
    missingZh: missing('zh-CN', '、'),
    missingEn: missing('en', ', '),
  });
}

/**
 * A stage move as the case view offers it and the API takes it: the workflow's own guard first (a
 * move the workflow does not allow is not a matter of the script), then the script's gate.
 */
export function transitionFollowingScript(
  state: CaseState,
  input: TransitionInput,
  ctx: CommandContext,
  checklist: ScriptChecklist | null,
): CommandResult {
  const moved = transition(state, input, ctx);
  if (!moved.ok) return moved;
  const gate = scriptGate(checklist, input.to);
  return gate ? refuse(gate) : moved;
}

/** The `id@version` a case's stage records for the script it followed. */
export const scriptKey = (template: Pick<ScriptTemplate, 'id' | 'version'>): string =>
  `${template.id}@${template.version}`;

/**
 * Whether the agent may tick (or untick) `checkId` by hand on `template`: it must be one of the
 * template's check-offs, and not one an action proves (those follow the case's record alone).
 */
export function checkTickable(template: ScriptTemplate, checkId: string): Refusal | null {
  const check = template.steps.flatMap((step) => step.checks).find((candidate) => candidate.id === checkId);
  if (!check) return refusal('script.check_unknown');
  return isTickedByAction(checkId)
    ? refusal('script.check_by_action', { checkZh: check.text['zh-CN'], checkEn: check.text.en })
    : null;
}
