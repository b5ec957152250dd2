import { refusal } from '../../refusals/refusal';
import type { CaseState } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardLead, guardStage, OPEN_STAGES } from './guards';

export interface ReassignInput {
  /** null puts the case back in its shop's pool. */
  assigneeId: string | null;
  reason: string;
  /** Whether the new assignee is an agent of the case's shop (the caller looks it up). */
  assigneeWorksShop: boolean;
}

/** A team lead moves a case to another agent, or back to the pool, and says why. */
export function reassignCase(state: CaseState, input: ReassignInput, ctx: CommandContext): CommandResult {
  const notLead = guardLead(ctx.actor);
  if (notLead) return refuse(notLead);
  const wrongStage = guardStage(state, OPEN_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const reason = input.reason.trim();
  if (!reason) return refuse(refusal('assignment.reason_required'));
  if (input.assigneeId === state.assigneeId) return refuse(refusal('assignment.unchanged'));
  if (input.assigneeId !== null && !input.assigneeWorksShop) return refuse(refusal('assignment.no_shop_access'));
  return accept({ ...state, assigneeId: input.assigneeId }, [
    {
      type: 'case_reassigned',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { from: state.assigneeId, to: input.assigneeId, reason },
    },
  ]);
}
