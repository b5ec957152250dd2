import { refusal, type Refusal } from '../../refusals/refusal';
import type { Actor } from '../../shared/vocabulary';
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

/**
 * Why this actor may not take this case from the pool, or null: the claim command refuses with it and
 * the queue disables its claim button with it.
 */
export function claimRefusal(owned: Pick<CaseState, 'stage' | 'assigneeId'>, actor: Actor): Refusal | null {
  if (actor.role !== 'agent') return refusal('assignment.agents_only');
  if (owned.stage === 'recorded') return refusal('stage.case_closed');
  if (owned.assigneeId === actor.id) return refusal('assignment.unchanged');
  if (owned.assigneeId !== null) return refusal('assignment.already_taken');
  return null;
}

/** An agent takes a case waiting in their shop's pool; the first claim wins, the others are refused. */
export function claimCase(state: CaseState, ctx: CommandContext): CommandResult {
  const refused = claimRefusal(state, ctx.actor);
  if (refused) return refuse(refused);
  return accept({ ...state, assigneeId: ctx.actor.id }, [
    { type: 'case_claimed', actorId: ctx.actor.id, at: ctx.now, data: { from: null, to: ctx.actor.id } },
  ]);
}
