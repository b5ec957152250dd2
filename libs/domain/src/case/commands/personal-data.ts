import { refusal } from '../../refusals/refusal';
import type { CaseState } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';

export const PERSONAL_DATA_FIELDS = ['phone', 'address', 'realName'] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

export const MIN_REVEAL_REASON_LENGTH = 5;

/**
 * Showing a buyer's phone, address or name unmasked (PIPL: only for the purpose of the case) is
 * an event on the case with who, when, which field and why; the case itself does not change.
 */
export function revealPersonalData(
  state: CaseState,
  input: { field: PersonalDataField; reason: string },
  ctx: CommandContext,
): CommandResult {
  const reason = input.reason.trim();
  if ([...reason].length < MIN_REVEAL_REASON_LENGTH) return refuse(refusal('privacy.reason_required'));
  return accept(state, [
    { type: 'personal_data_revealed', actorId: ctx.actor.id, at: ctx.now, data: { field: input.field, reason } },
  ]);
}
