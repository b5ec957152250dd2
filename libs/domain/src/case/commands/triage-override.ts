import { refusal } from '../../refusals/refusal';
import type { BuyerType, RootCause, Severity } from '../../shared/vocabulary';
import { isSubCauseOf } from '../../triage/sub-causes';
import type { CaseState } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardStage, OPEN_STAGES } from './guards';

/**
 * How a root cause was chosen: taking triage's second suggestion is a one-click correction, its reason implied.
 */
export const OVERRIDE_VIA = ['second_suggestion'] as const;
export type OverrideVia = (typeof OVERRIDE_VIA)[number];

/** The agent corrects one of triage's suggestions; the reason feeds the lexicon's improvement. */
export type TriageOverrideInput =
  | { field: 'rootCause'; rootCause: RootCause; subCause?: string | null; reason: string; via?: OverrideVia }
  | { field: 'severity'; severity: Severity; reason: string }
  | { field: 'buyerType'; buyerType: BuyerType; reason: string }
  | { field: 'misclick'; misclick: boolean; reason: string };

export type TriageField = TriageOverrideInput['field'];

function currentValue(state: CaseState, field: TriageField): string | boolean | null {
  switch (field) {
    case 'rootCause':
      return state.rootCause;
    case 'severity':
      return state.severity;
    case 'buyerType':
      return state.buyerType;
    case 'misclick':
      return state.misclick;
  }
}

function applyOverride(state: CaseState, input: TriageOverrideInput): CaseState {
  switch (input.field) {
    case 'rootCause': {
      // A cause other than `malicious` lifts a malicious flag too: the way out of a wrong flag.
      const maliciousKind = input.rootCause === 'malicious' ? state.maliciousKind : null;
      return { ...state, rootCause: input.rootCause, subCause: input.subCause?.trim() || null, maliciousKind };
    }
    case 'severity':
      return { ...state, severity: input.severity };
    case 'buyerType':
      return { ...state, buyerType: input.buyerType };
    case 'misclick':
      return { ...state, misclick: input.misclick };
  }
}

/**
 * Replaces a triage suggestion on an open case. A new severity moves the first-contact and
 * resolution deadlines with it (they are derived from it).
 */
export function overrideTriage(state: CaseState, input: TriageOverrideInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, OPEN_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const via = input.field === 'rootCause' ? input.via : undefined;
  if (input.field === 'rootCause' && via === 'second_suggestion') {
    const second = state.suggestedSecondCause;
    if (second === null) return refuse(refusal('triage.no_second_suggestion'));
    if (input.rootCause !== second) return refuse(refusal('triage.not_second_suggestion', { rootCause: second }));
  }
  const reason = input.reason.trim();
  if (!reason && via === undefined) return refuse(refusal('triage.reason_required'));
  if (input.field === 'rootCause' && input.subCause && !isSubCauseOf(input.rootCause, input.subCause)) {
    return refuse(refusal('triage.invalid_sub_cause', { rootCause: input.rootCause, subCause: input.subCause }));
  }
  const liftsFlag = input.field === 'rootCause' && input.rootCause !== 'malicious' && state.maliciousKind !== null;
  if (liftsFlag && state.appeal) return refuse(refusal('triage.appeal_filed'));
  const after = applyOverride(state, input);
  const before = currentValue(state, input.field);
  const value = currentValue(after, input.field);
  const sameSubCause = input.field !== 'rootCause' || after.subCause === state.subCause;
  if (before === value && sameSubCause) return refuse(refusal('triage.unchanged', { field: input.field }));
  return accept(after, [
    {
      type: 'triage_overridden',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: {
        field: input.field,
        before,
        after: value,
        ...(input.field === 'rootCause' ? { subCauseBefore: state.subCause, subCause: after.subCause } : {}),
        ...(liftsFlag ? { maliciousKindBefore: state.maliciousKind } : {}),
        suggestedRootCause: state.suggestedRootCause,
        ...(via ? { via } : {}),
        reason,
      },
    },
  ]);
}

/** The one-click correction to triage's second suggestion: a root-cause override like any other (a label). */
export function secondSuggestionInput(state: CaseState): TriageOverrideInput {
  return {
    field: 'rootCause',
    // Without a second suggestion overrideTriage refuses whatever cause is given here.
    rootCause: state.suggestedSecondCause ?? 'other',
    reason: '',
    via: 'second_suggestion',
  };
}
