import { refusal, type Refusal } from '../refusals/refusal';
import { HOUR_MS } from './forecast';

/** Forecast hours (31 days of orders plus a 30-day review tail) a roster may span. */
export const MAX_ROSTER_HOURS = 24 * 61;
export const MAX_ROSTER_AGENTS = 1000;

export interface RosterInput {
  /** ISO time of the whole hour the first need applies to. */
  readonly start: string;
  /** Agents needed in each consecutive hour from `start`. */
  readonly needPerHour: readonly number[];
  /** Agents who can be rostered, in the order ties are broken. */
  readonly agentIds: readonly string[];
  /** Local hours of day where shifts begin; each shift runs to the next start. Default 00, 08, 16. */
  readonly shiftStarts?: readonly number[];
  /** Offset of the shop's local time from UTC, in minutes. Default +480 (China). */
  readonly utcOffsetMinutes?: number;
  /** Labour-law cap on hours worked in any 24 hours. Default 10. */
  readonly maxHoursPer24h?: number;
  /** Minimum rest between two shifts of one agent. Default 8. */
  readonly minRestHours?: number;
}

export interface RosterShift {
  /** ISO UTC times. */
  readonly start: string;
  readonly end: string;
  /** The largest hourly need within the shift. */
  readonly need: number;
  readonly agentIds: readonly string[];
}

export interface UncoveredHour {
  readonly hour: string;
  readonly short: number;
}

export interface Roster {
  readonly shifts: readonly RosterShift[];
  readonly uncovered: readonly UncoveredHour[];
}

interface ShiftSlot {
  readonly start: number;
  readonly end: number;
}

interface AgentLoad {
  readonly worked: ShiftSlot[];
  hours: number;
}

const DEFAULT_SHIFT_STARTS = [0, 8, 16];

function checkShifts(starts: readonly number[], cap: number): Refusal | null {
  const sorted = [...starts].sort((a, b) => a - b);
  const valid =
    sorted.length > 0 &&
    sorted.every((hour) => Number.isInteger(hour) && hour >= 0 && hour <= 23) &&
    new Set(sorted).size === sorted.length &&
    sorted.every((hour, index) => (sorted[index + 1] ?? sorted[0]! + 24) - hour <= cap);
  return valid ? null : refusal('roster.invalid_shifts', { max: cap });
}

/** Shift instances, in time order, that together cover [from, to). */
function shiftSlots(from: number, to: number, starts: readonly number[], offsetMs: number): ShiftSlot[] {
  const boundaries: number[] = [];
  const firstDay = Math.floor((from + offsetMs) / (24 * HOUR_MS)) - 1;
  for (let day = firstDay; day * 24 * HOUR_MS - offsetMs <= to + 24 * HOUR_MS; day++) {
    for (const hour of starts) boundaries.push(day * 24 * HOUR_MS + hour * HOUR_MS - offsetMs);
  }
  boundaries.sort((a, b) => a - b);
  const slots: ShiftSlot[] = [];
  for (let index = 0; index + 1 < boundaries.length; index++) {
    const slot = { start: boundaries[index]!, end: boundaries[index + 1]! };
    if (slot.end > from && slot.start < to) slots.push(slot);
  }
  return slots;
}

const overlapHours = (slot: ShiftSlot, from: number, to: number) =>
  Math.max(0, Math.min(slot.end, to) - Math.max(slot.start, from)) / HOUR_MS;

function canWork(load: AgentLoad, slot: ShiftSlot, cap: number, restMs: number): boolean {
  const last = load.worked[load.worked.length - 1];
  if (last && slot.start - last.end < restMs) return false;
  // Shifts are assigned in time order, so the 24 hours ending with this shift hold the most work.
  const windowStart = slot.end - 24 * HOUR_MS;
  const before = load.worked.reduce((sum, worked) => sum + overlapHours(worked, windowStart, slot.end), 0);
  return before + (slot.end - slot.start) / HOUR_MS <= cap;
}

/**
 * Assigns agents to shifts in time order so each shift has its busiest hour's need, preferring the
 * agents with the fewest hours so far, within the labour-law limits; what cannot be covered is
 * reported hour by hour, never dropped.
 */
export function planRoster(input: RosterInput): Roster | Refusal {
  const cap = input.maxHoursPer24h ?? 10;
  const restMs = (input.minRestHours ?? 8) * HOUR_MS;
  const starts = input.shiftStarts ?? DEFAULT_SHIFT_STARTS;
  const offsetMs = (input.utcOffsetMinutes ?? 480) * 60_000;
  const invalidShifts = checkShifts(starts, cap);
  if (invalidShifts) return invalidShifts;
  const from = Date.parse(input.start);
  const validNeed =
    Number.isFinite(from) &&
    from % HOUR_MS === 0 &&
    Number.isInteger(offsetMs / HOUR_MS) &&
    input.needPerHour.length <= MAX_ROSTER_HOURS &&
    input.needPerHour.every((need) => Number.isInteger(need) && need >= 0) &&
    input.agentIds.length <= MAX_ROSTER_AGENTS &&
    new Set(input.agentIds).size === input.agentIds.length &&
    cap > 0 &&
    restMs >= 0;
  if (!validNeed) {
    return refusal('roster.invalid_need', { maxHours: MAX_ROSTER_HOURS, maxAgents: MAX_ROSTER_AGENTS });
  }
  const to = from + input.needPerHour.length * HOUR_MS;
  const needAt = (time: number) => input.needPerHour[(time - from) / HOUR_MS] ?? 0;
  const loads = new Map(input.agentIds.map((id): [string, AgentLoad] => [id, { worked: [], hours: 0 }]));
  const shifts: RosterShift[] = [];
  const uncovered: UncoveredHour[] = [];
  for (const slot of shiftSlots(from, to, starts, offsetMs)) {
    const hours: number[] = [];
    for (let time = Math.max(slot.start, from); time < Math.min(slot.end, to); time += HOUR_MS) hours.push(time);
    const need = Math.max(0, ...hours.map(needAt));
    const chosen = input.agentIds
      .filter((id) => canWork(loads.get(id)!, slot, cap, restMs))
      .sort((a, b) => loads.get(a)!.hours - loads.get(b)!.hours)
      .slice(0, need);
    for (const id of chosen) {
      const load = loads.get(id)!;
      load.worked.push(slot);
      load.hours += (slot.end - slot.start) / HOUR_MS;
    }
    shifts.push({
      start: new Date(slot.start).toISOString(),
      end: new Date(slot.end).toISOString(),
      need,
      agentIds: chosen,
    });
    for (const time of hours) {
      const short = needAt(time) - chosen.length;
      if (short > 0) uncovered.push({ hour: new Date(time).toISOString(), short });
    }
  }
  return { shifts, uncovered };
}
