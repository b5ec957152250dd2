import type { CaseState } from '../case/case-state';
import type { ReviewOutcome, RootCause } from '../shared/vocabulary';

export interface RecordInput {
  productModel?: string | null;
  rootCause?: RootCause | null;
  actionsTaken?: string | null;
  outcome?: ReviewOutcome | null;
  specialNotes?: string | null;
}

export const MIN_ACTIONS_TAKEN_LENGTH = 10;

const filled = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** The fields a closed case must carry (DESIGN §2 "recorded"); returns the ones still missing. */
export function missingRecordFields(state: CaseState, input: RecordInput): string[] {
  const missing: string[] = [];
  if (!filled(state.buyerId)) missing.push('buyerId');
  if (!filled(input.productModel ?? state.productModel)) missing.push('productModel');
  if (!(input.rootCause ?? (state.rootCauseConfirmed ? state.rootCause : null))) missing.push('rootCause');
  if (!filled(input.actionsTaken) || input.actionsTaken.trim().length < MIN_ACTIONS_TAKEN_LENGTH) {
    missing.push('actionsTaken');
  }
  if (!(input.outcome ?? state.reviewOutcome)) missing.push('outcome');
  if (!filled(input.specialNotes)) missing.push('specialNotes');
  if (state.stage === 'appealing' && !state.appeal?.result) missing.push('appealResult');
  return missing;
}
