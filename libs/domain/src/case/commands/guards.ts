import { refusal, type Refusal, type RefusalCode } from '../../refusals/refusal';
import type { Actor, Stage, WaitingReason } from '../../shared/vocabulary';
import { stageChanged, type CaseEvent } from '../case-event';
import type { CaseState } from '../case-state';
import type { CommandContext } from '../command-context';

export const OPEN_STAGES: readonly Stage[] = [
  'new',
  'contacting',
  'apologised',
  'resolving',
  'compensating',
  'replying',
  'watching',
  'appealing',
];

export function guardStage(state: CaseState, allowed: readonly Stage[]): Refusal | null {
  if (state.stage === 'recorded' && !allowed.includes('recorded')) return refusal('stage.case_closed');
  if (!allowed.includes(state.stage)) {
    return refusal('stage.wrong_stage', { stage: state.stage, allowed });
  }
  return null;
}

/** The shortest reason a person can act on later (reopening, do-not-contact). */
export const MIN_REASON_LENGTH = 2;

/** Refuses with `code` unless the trimmed reason has at least `min` characters (code points). */
export function guardReason(reason: string, code: RefusalCode, min = MIN_REASON_LENGTH): Refusal | null {
  return [...reason.trim()].length < min ? refusal(code) : null;
}

export function guardLead(actor: Actor): Refusal | null {
  return actor.role === 'lead' || actor.role === 'admin' ? null : refusal('role.lead_required');
}

export interface Step {
  state: CaseState;
  events: CaseEvent[];
}

/** The step moved to another stage, with the stage_changed event (and its reason, when one was given). */
export function moveTo(
  step: Step,
  { to, reason }: { to: Stage; reason?: string | undefined },
  ctx: CommandContext,
): Step {
  return {
    state: { ...step.state, stage: to },
    events: [
      ...step.events,
      stageChanged({ from: step.state.stage, to, reason }, { actorId: ctx.actor.id, at: ctx.now }),
    ],
  };
}

export function startWaiting(step: Step, reason: WaitingReason, ctx: CommandContext): Step {
  if (step.state.waiting?.reason === reason) return step;
  const ended = endWaiting(step, ctx);
  return {
    state: { ...ended.state, waiting: { reason, since: ctx.now } },
    events: [...ended.events, { type: 'waiting_started', actorId: ctx.actor.id, at: ctx.now, data: { reason } }],
  };
}

/** Ends the current wait, if any (or only a wait for `onlyReason`), adding its length to the paused time. */
export function endWaiting(step: Step, ctx: CommandContext, onlyReason?: WaitingReason): Step {
  const waiting = step.state.waiting;
  if (!waiting || (onlyReason && waiting.reason !== onlyReason)) return step;
  const pausedForMs = Math.max(0, ctx.now.getTime() - waiting.since.getTime());
  return {
    state: { ...step.state, waiting: null, pausedMs: step.state.pausedMs + pausedForMs },
    events: [
      ...step.events,
      { type: 'waiting_ended', actorId: ctx.actor.id, at: ctx.now, data: { reason: waiting.reason, pausedForMs } },
    ],
  };
}

export const replaceById = <T extends { id: string }>(items: readonly T[], next: T): T[] =>
  items.map((item) => (item.id === next.id ? next : item));
