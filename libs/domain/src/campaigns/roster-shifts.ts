import { refusal, type Refusal } from '../refusals/refusal';

/** A roster shift a lead adopted: from its start to its end the agent is put on shift. */
export interface AdoptedShift {
  readonly id: string;
  readonly userId: string;
  /** ISO times. */
  readonly start: string;
  readonly end: string;
  /** When the start was applied (the agent put on shift); null until then. */
  readonly startedAt: string | null;
  /** When the end was applied; null until then. */
  readonly endedAt: string | null;
}

export interface PlannedShift {
  readonly userId: string;
  readonly start: string;
  readonly end: string;
}

export interface RosterTransitions {
  /** Shifts under way whose start is not applied yet. */
  readonly starting: readonly AdoptedShift[];
  /** Shifts over whose end is not applied yet (including any whose start was missed). */
  readonly ending: readonly AdoptedShift[];
  /** Agents who go on shift now. */
  readonly onShiftUserIds: readonly string[];
  /**
   * Agents who go off shift now: their shift had started and ended, and no other shift of theirs is under way.
   * A shift whose start was missed (the app was down the whole shift) takes nobody off shift.
   */
  readonly offShiftUserIds: readonly string[];
}

const covers = (shift: { start: string; end: string }, now: number) =>
  Date.parse(shift.start) <= now && now < Date.parse(shift.end);

/**
 * What an adopted roster changes at `now`: run periodically, each start and each end is applied once, and an agent
 * between two back-to-back shifts never flickers off shift. Agents may still go on or off shift by hand in between.
 */
export function rosterTransitions(shifts: readonly AdoptedShift[], now: string): RosterTransitions {
  const at = Date.parse(now);
  const starting = shifts.filter((shift) => shift.startedAt === null && covers(shift, at));
  const ending = shifts.filter((shift) => shift.endedAt === null && Date.parse(shift.end) <= at);
  const workingNow = new Set(shifts.filter((shift) => covers(shift, at)).map((shift) => shift.userId));
  const offShift = ending
    .filter((shift) => shift.startedAt !== null && !workingNow.has(shift.userId))
    .map((shift) => shift.userId);
  return {
    starting,
    ending,
    onShiftUserIds: [...new Set(starting.map((shift) => shift.userId))],
    offShiftUserIds: [...new Set(offShift)],
  };
}

export interface RosterReplacement {
  /** Adopted shifts dropped: not started yet, so the new plan replaces them. */
  readonly dropIds: readonly string[];
  /** Planned shifts to adopt: those not over yet that a kept shift does not already cover. */
  readonly add: readonly PlannedShift[];
}

/**
 * Adopting a roster again replaces what has not started; shifts under way or over stay as they were, so the record of
 * who was rostered when never changes after the fact.
 */
export function replaceRoster(input: {
  readonly adopted: readonly AdoptedShift[];
  readonly planned: readonly PlannedShift[];
  readonly now: string;
}): RosterReplacement {
  const at = Date.parse(input.now);
  const kept = input.adopted.filter((shift) => shift.startedAt !== null || Date.parse(shift.start) <= at);
  const keptKeys = new Set(kept.map((shift) => `${shift.userId}@${Date.parse(shift.start)}`));
  return {
    dropIds: input.adopted.filter((shift) => !kept.includes(shift)).map((shift) => shift.id),
    add: input.planned.filter(
      (shift) => Date.parse(shift.end) > at && !keptKeys.has(`${shift.userId}@${Date.parse(shift.start)}`),
    ),
  };
}

/**
 * A plan can be adopted while one of its shifts is still to come or under way; the web disables with the same rule.
 * A plan with no shift at all (a campaign saved without expected orders) has nothing to adopt, however far off it is.
 */
export function rosterAdoptionRefusal(planned: readonly { readonly end: string }[], now: string): Refusal | null {
  if (planned.length === 0) return refusal('roster.nothing_planned');
  const at = Date.parse(now);
  return planned.some((shift) => Date.parse(shift.end) > at) ? null : refusal('roster.campaign_over');
}

/**
 * Where an adopted shift stands: upcoming before its start; starting once due until the periodic job puts the agent
 * on shift; on shift from then until the job closes it; ended once closed; missed when it ended (or is over) without
 * the agent put on shift.
 */
export type AdoptedShiftStatus = 'upcoming' | 'starting' | 'onShift' | 'ended' | 'missed';

export function adoptedShiftStatus(
  shift: Pick<AdoptedShift, 'start' | 'end' | 'startedAt' | 'endedAt'>,
  now: string,
): AdoptedShiftStatus {
  const at = Date.parse(now);
  if (shift.endedAt !== null) return shift.startedAt !== null ? 'ended' : 'missed';
  if (shift.startedAt !== null) return 'onShift';
  if (at < Date.parse(shift.start)) return 'upcoming';
  return at < Date.parse(shift.end) ? 'starting' : 'missed';
}
