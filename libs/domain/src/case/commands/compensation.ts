import { payoutDueAt } from '../../deadlines/deadlines';
import {
  compensationLimitFen,
  evaluateCompensation,
  type BuyerCompensationHistory,
  type CompensationOffer,
} from '../../policies/compensation-policy';
import { isRefusal, refusal, type Refusal } from '../../refusals/refusal';
import { compensationAwaitingDecision, isMaliciousCase, type CaseState, type Compensation } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardLead, guardStage, OPEN_STAGES, replaceById } from './guards';

/** The facts of a case that decide whether any compensation may be approved or paid on it. */
export type CompensableFacts = Pick<CaseState, 'maliciousKind' | 'rootCause'>;

/**
 * Why no compensation may be approved or paid on this case, or null: the API's approve command
 * refuses with it, and the lead's approval queue disables its button with it.
 */
export function compensationBarred(facts: CompensableFacts): Refusal | null {
  return isMaliciousCase(facts) ? refusal('compensation.malicious_case') : null;
}

/**
 * Proposes a compensation as a remedy for the buyer's problem. Within the limits it is approved at
 * once; above them, or for a buyer compensated recently, it waits for a team lead.
 */
export function proposeCompensation(
  state: CaseState,
  offer: CompensationOffer,
  history: BuyerCompensationHistory,
  ctx: CommandContext,
): CommandResult {
  // Checked before the stage: "never on a malicious case" is the reason an agent needs to read.
  const barred = compensationBarred(state);
  if (barred) return refuse(barred);
  const wrongStage = guardStage(state, ['compensating']);
  if (wrongStage) return refuse(wrongStage);
  // One proposal at a time: the lead decides it (or rejects it to withdraw it) before the next.
  if (compensationAwaitingDecision(state)) return refuse(refusal('compensation.awaiting_decision'));
  const evaluation = evaluateCompensation(state, offer, history, ctx.policy.compensation);
  if (isRefusal(evaluation)) return refuse(evaluation);

  const needsApproval = evaluation.approvalReasons.length > 0;
  const compensation: Compensation = {
    id: ctx.newId(),
    type: offer.type,
    amountFen: offer.amountFen,
    note: offer.note.trim(),
    status: needsApproval ? 'pending_approval' : 'approved',
    approvalReasons: evaluation.approvalReasons,
    proposedAt: ctx.now,
    proposedBy: ctx.actor.id,
    decidedAt: needsApproval ? null : ctx.now,
    decidedBy: null,
    decisionNote: null,
    payoutDueAt: needsApproval ? null : payoutDueAt(ctx.now, ctx.policy),
    paidAt: null,
  };
  return accept({ ...state, compensations: [...state.compensations, compensation] }, [
    {
      type: 'compensation_proposed',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: {
        compensationId: compensation.id,
        type: compensation.type,
        amountFen: compensation.amountFen,
        limitFen: compensationLimitFen(state, offer.type, ctx.policy.compensation),
        status: compensation.status,
        approvalReasons: compensation.approvalReasons,
        note: compensation.note,
      },
    },
  ]);
}

function findCompensation(state: CaseState, compensationId: string): Compensation | Refusal {
  return state.compensations.find((c) => c.id === compensationId) ?? refusal('compensation.not_found');
}

export interface DecideCompensationInput {
  compensationId: string;
  note?: string | null;
}

function decide(
  state: CaseState,
  input: DecideCompensationInput,
  decision: 'approved' | 'rejected',
  ctx: CommandContext,
): CommandResult {
  const notLead = guardLead(ctx.actor);
  if (notLead) return refuse(notLead);
  const wrongStage = guardStage(state, OPEN_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const found = findCompensation(state, input.compensationId);
  if (isRefusal(found)) return refuse(found);
  // A lead may also reject an approved compensation not paid yet: the way to cancel a payout when
  // the case turns out to be malicious after the approval (otherwise it could never be closed).
  const decidable = found.status === 'pending_approval' || (decision === 'rejected' && found.status === 'approved');
  if (!decidable) return refuse(refusal('compensation.not_pending_approval', { status: found.status }));
  const barred = decision === 'approved' ? compensationBarred(state) : null;
  if (barred) return refuse(barred);

  const decided: Compensation = {
    ...found,
    status: decision,
    decidedAt: ctx.now,
    decidedBy: ctx.actor.id,
    decisionNote: input.note?.trim() || null,
    payoutDueAt: decision === 'approved' ? payoutDueAt(ctx.now, ctx.policy) : null,
  };
  return accept({ ...state, compensations: replaceById(state.compensations, decided) }, [
    {
      type: decision === 'approved' ? 'compensation_approved' : 'compensation_rejected',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { compensationId: found.id, before: found.status, after: decided.status, note: decided.decisionNote },
    },
  ]);
}

export const approveCompensation = (state: CaseState, input: DecideCompensationInput, ctx: CommandContext) =>
  decide(state, input, 'approved', ctx);

export const rejectCompensation = (state: CaseState, input: DecideCompensationInput, ctx: CommandContext) =>
  decide(state, input, 'rejected', ctx);

export interface MarkCompensationPaidInput {
  compensationId: string;
}

/** Pays an approved compensation exactly once. */
export function markCompensationPaid(
  state: CaseState,
  input: MarkCompensationPaidInput,
  ctx: CommandContext,
): CommandResult {
  const wrongStage = guardStage(state, OPEN_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const found = findCompensation(state, input.compensationId);
  if (isRefusal(found)) return refuse(found);
  const barred = compensationBarred(state);
  if (barred) return refuse(barred);
  switch (found.status) {
    case 'pending_approval':
      return refuse(refusal('compensation.approval_required', { reasons: found.approvalReasons }));
    case 'rejected':
      return refuse(refusal('compensation.rejected'));
    case 'paid':
      return refuse(refusal('compensation.already_paid'));
    case 'approved':
      break;
  }
  const paid: Compensation = { ...found, status: 'paid', paidAt: ctx.now };
  return accept({ ...state, compensations: replaceById(state.compensations, paid) }, [
    {
      type: 'compensation_paid',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: {
        compensationId: found.id,
        amountFen: found.amountFen,
        before: found.status,
        after: 'paid',
        payoutDueAt: found.payoutDueAt?.toISOString() ?? null,
        late: found.payoutDueAt !== null && ctx.now > found.payoutDueAt,
      },
    },
  ]);
}
