import { MAX_MINUTES_PER_CASE } from './forecast';
import { MIN_HISTORY_CASES } from './forecast-history';

/**
 * A gap between one agent's actions on a case longer than this means the agent left the case (a
 * break, a wait for the buyer, other cases) rather than worked on it.
 */
export const HANDLING_PAUSE_MINUTES = 15;

/**
 * Work before a sitting's first action that the log cannot see: reading the review, the case and
 * the script before the first thing is recorded.
 */
export const HANDLING_LEAD_MINUTES = 2;

/** Recorded cases the measure reads at most (the latest ones): a mean needs a sample, not every case. */
export const MAX_HANDLING_SAMPLE_CASES = 2_000;

/** One action an agent recorded on a case (a case event under the agent's name). */
export interface AgentAction {
  readonly actorId: string;
  readonly at: Date;
}

const MINUTE_MS = 60_000;

/**
 * Minutes of agent work one case took, from its log: each agent's actions split into sittings where
 * two actions lie more than HANDLING_PAUSE_MINUTES apart; a sitting counts from its first action to its
 * last, plus HANDLING_LEAD_MINUTES. Agents are measured apart, so two agents on one case add up.
 */
export function caseHandlingMinutes(actions: readonly AgentAction[]): number {
  const byAgent = new Map<string, number[]>();
  for (const action of actions) {
    const time = action.at.getTime();
    if (!Number.isFinite(time)) continue;
    const times = byAgent.get(action.actorId) ?? [];
    times.push(time);
    byAgent.set(action.actorId, times);
  }
  let minutes = 0;
  for (const times of byAgent.values()) {
    times.sort((a, b) => a - b);
    let sittingStart = times[0]!;
    for (let index = 1; index <= times.length; index++) {
      const previous = times[index - 1]!;
      const next = times[index];
      if (next !== undefined && next - previous <= HANDLING_PAUSE_MINUTES * MINUTE_MS) continue;
      minutes += (previous - sittingStart) / MINUTE_MS + HANDLING_LEAD_MINUTES;
      if (next !== undefined) sittingStart = next;
    }
  }
  return minutes;
}

export interface MeasuredHandling {
  /** Mean minutes of agent work per case, to a tenth of a minute. */
  readonly minutesPerCase: number;
  /** Recorded cases with at least one agent action, the mean's sample. */
  readonly cases: number;
}

/**
 * The mean agent work per recorded case, or null below MIN_HISTORY_CASES cases with agent actions
 * (too few to staff a campaign on). The mean, not the median: staffing covers the total work, long
 * cases included. Each case counts at most MAX_MINUTES_PER_CASE, so one case left open over a
 * weekend of sittings cannot swamp the rest.
 */
export function measuredHandling(cases: readonly (readonly AgentAction[])[]): MeasuredHandling | null {
  const measured = cases.filter((actions) => actions.length > 0).map(caseHandlingMinutes);
  if (measured.length < MIN_HISTORY_CASES) return null;
  const total = measured.reduce((sum, minutes) => sum + Math.min(minutes, MAX_MINUTES_PER_CASE), 0);
  return { minutesPerCase: Math.round((total / measured.length) * 10) / 10, cases: measured.length };
}
