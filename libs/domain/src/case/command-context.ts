import type { Policy } from '../policies/policy-config';
import type { Refusal } from '../refusals/refusal';
import type { Actor } from '../shared/vocabulary';
import type { CaseEvent } from './case-event';
import type { CaseState } from './case-state';

/** What a command needs besides the case and its own input. Time is always passed in. */
export interface CommandContext {
  readonly now: Date;
  readonly actor: Actor;
  readonly policy: Policy;
  /** Makes ids for new children (attempts, compensations…); the caller owns id generation. */
  readonly newId: () => string;
}

export type Accepted = { readonly ok: true; readonly state: CaseState; readonly events: readonly CaseEvent[] };
export type Refused = { readonly ok: false; readonly refusal: Refusal };
export type CommandResult = Accepted | Refused;

export const accept = (state: CaseState, events: readonly CaseEvent[]): Accepted => ({ ok: true, state, events });
export const refuse = (value: Refusal): Refused => ({ ok: false, refusal: value });
