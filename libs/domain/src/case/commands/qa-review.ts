import type { CaseState, QaReview } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardLead, guardStage } from './guards';

export const QA_CHECKLIST = ['apologised', 'rootCauseConfirmed', 'policyFollowed', 'recordComplete'] as const;
export type QaCheck = (typeof QA_CHECKLIST)[number];

export interface QaReviewInput {
  readonly checks: Readonly<Record<QaCheck, boolean>>;
  readonly comment?: string | null;
}

/** The score of a checklist: the share of its items met, 0–100. */
export const qaScore = (checks: Readonly<Record<QaCheck, boolean>>): number =>
  Math.round((QA_CHECKLIST.filter((check) => checks[check]).length / QA_CHECKLIST.length) * 100);

/** A team lead scores a closed case's record; a later review replaces an earlier one, both stay in the history. */
export function reviewRecord(state: CaseState, input: QaReviewInput, ctx: CommandContext): CommandResult {
  const notLead = guardLead(ctx.actor);
  if (notLead) return refuse(notLead);
  const wrongStage = guardStage(state, ['recorded']);
  if (wrongStage) return refuse(wrongStage);
  const qaReview: QaReview = {
    ...input.checks,
    score: qaScore(input.checks),
    comment: input.comment?.trim() || null,
    reviewedBy: ctx.actor.id,
    reviewedAt: ctx.now,
  };
  return accept({ ...state, qaReview }, [
    {
      type: 'record_reviewed',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { ...input.checks, score: qaReview.score, comment: qaReview.comment },
    },
  ]);
}
