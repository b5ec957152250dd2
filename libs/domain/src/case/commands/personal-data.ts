import { refusal } from '../../refusals/refusal';
import type { CaseState } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardReason } from './guards';

export const PERSONAL_DATA_FIELDS = ['phone', 'address', 'realName'] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

export const MIN_REVEAL_REASON_LENGTH = 5;

/**
 * Showing a buyer's phone, address or name unmasked (PIPL: only for the purpose of the case) is
 * an event on the case with who, when, which field and why; the case itself does not change.
 * Limited by role (minimum scope): an agent only on a case assigned to them, not on a pool case
 * they could still pick up; leads and admins on the cases they may work.
 */
export function revealPersonalData(
  state: CaseState,
  input: { field: PersonalDataField; reason: string },
  ctx: CommandContext,
): CommandResult {
  if (ctx.actor.role === 'agent' && state.assigneeId !== ctx.actor.id) return refuse(refusal('privacy.not_assigned'));
  const noReason = guardReason(input.reason, 'privacy.reason_required', MIN_REVEAL_REASON_LENGTH);
  if (noReason) return refuse(noReason);
  const reason = input.reason.trim();
  return accept(state, [
    { type: 'personal_data_revealed', actorId: ctx.actor.id, at: ctx.now, data: { field: input.field, reason } },
  ]);
}
