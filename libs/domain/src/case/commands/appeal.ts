import { reviewDeadlines } from '../../deadlines/deadlines';
import { refusal } from '../../refusals/refusal';
import type { AppealResult } from '../../shared/vocabulary';
import type { Appeal, CaseState } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardStage } from './guards';

export interface FileAppealInput {
  evidenceRefs: string[];
  note?: string | null;
}

/** Files the appeal with the platform, before its deadline and with evidence. */
export function fileAppeal(state: CaseState, input: FileAppealInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, ['appealing']);
  if (wrongStage) return refuse(wrongStage);
  if (state.appeal) return refuse(refusal('appeal.already_filed'));
  if (!state.maliciousKind) return refuse(refusal('appeal.not_flagged_malicious'));
  const { appealDeadlineAt } = reviewDeadlines(state, ctx.policy);
  if (ctx.now > appealDeadlineAt) {
    return refuse(refusal('appeal.deadline_passed', { deadline: appealDeadlineAt.toISOString() }));
  }
  const evidenceRefs = input.evidenceRefs.map((ref) => ref.trim()).filter((ref) => ref !== '');
  if (evidenceRefs.length === 0) return refuse(refusal('appeal.evidence_required'));

  const appeal: Appeal = {
    id: ctx.newId(),
    kind: state.maliciousKind,
    evidenceRefs,
    note: input.note?.trim() || null,
    filedAt: ctx.now,
    result: null,
    resultNote: null,
    resultAt: null,
  };
  return accept({ ...state, appeal }, [
    {
      type: 'appeal_filed',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { appealId: appeal.id, kind: appeal.kind, evidenceRefs, note: appeal.note },
    },
  ]);
}

export interface RecordAppealResultInput {
  result: AppealResult;
  note?: string | null;
}

export function recordAppealResult(
  state: CaseState,
  input: RecordAppealResultInput,
  ctx: CommandContext,
): CommandResult {
  const wrongStage = guardStage(state, ['appealing']);
  if (wrongStage) return refuse(wrongStage);
  if (!state.appeal) return refuse(refusal('appeal.not_filed'));
  if (state.appeal.result) return refuse(refusal('appeal.result_already_recorded'));
  const appeal: Appeal = {
    ...state.appeal,
    result: input.result,
    resultNote: input.note?.trim() || null,
    resultAt: ctx.now,
  };
  return accept({ ...state, appeal }, [
    {
      type: 'appeal_result_recorded',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { appealId: appeal.id, result: input.result, note: appeal.resultNote },
    },
  ]);
}
