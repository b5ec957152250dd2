import type { RemedyStatus, RemedyType } from '../../shared/vocabulary';
import type { CaseState, Remedy } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { endWaiting, guardStage, startWaiting, type Step } from './guards';

export interface RecordRemedyInput {
  type: RemedyType;
  status: RemedyStatus;
  note?: string | null;
}

const REMEDY_STAGES = ['resolving', 'compensating', 'replying'] as const;

/** Records or updates the remedy; goods on their way back pause the resolution clock. */
export function recordRemedy(state: CaseState, input: RecordRemedyInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, REMEDY_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const remedy: Remedy = {
    id: state.remedy?.id ?? ctx.newId(),
    type: input.type,
    status: input.status,
    note: input.note?.trim() || null,
    updatedAt: ctx.now,
  };
  let step: Step = {
    state: { ...state, remedy },
    events: [
      {
        type: 'remedy_recorded',
        actorId: ctx.actor.id,
        at: ctx.now,
        data: {
          remedyId: remedy.id,
          typeBefore: state.remedy?.type ?? null,
          statusBefore: state.remedy?.status ?? null,
          type: remedy.type,
          status: remedy.status,
          note: remedy.note,
        },
      },
    ],
  };
  step =
    input.status === 'awaiting_return'
      ? startWaiting(step, 'return_in_transit', ctx)
      : endWaiting(step, ctx, 'return_in_transit');
  return accept(step.state, step.events);
}
