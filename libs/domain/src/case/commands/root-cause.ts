import type { RootCause } from '../../shared/vocabulary';
import type { CaseState } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardStage } from './guards';

export interface ConfirmRootCauseInput {
  rootCause: RootCause;
  subCause?: string | null;
}

const CONFIRM_STAGES = ['apologised', 'resolving', 'compensating', 'replying', 'watching'] as const;

/** The cause as confirmed with the buyer; it replaces the triage guess, and the event says whether it overrode it. */
export function confirmRootCause(state: CaseState, input: ConfirmRootCauseInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, CONFIRM_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const subCause = input.subCause?.trim() || null;
  return accept({ ...state, rootCause: input.rootCause, subCause, rootCauseConfirmed: true }, [
    {
      type: 'root_cause_confirmed',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: {
        before: state.rootCause,
        after: input.rootCause,
        subCauseBefore: state.subCause,
        subCause,
        suggested: state.suggestedRootCause,
        overridesSuggestion: state.suggestedRootCause !== null && state.suggestedRootCause !== input.rootCause,
      },
    },
  ]);
}
