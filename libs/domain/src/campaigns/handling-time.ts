import { MAX_MINUTES_PER_CASE } from './forecast';
import { MIN_HISTORY_CASES } from './forecast-history';

/**
 * A gap between two of an agent's actions longer than this means the agent stepped away (a break,
 * the end of a shift) rather than worked.
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
  readonly caseId: string;
  readonly actorId: string;
  readonly at: Date;
}

const MINUTE_MS = 60_000;

/**
 * Minutes of agent work per case, from the agents' actions. Each agent's actions, on every case, form
 * one timeline; the time since the agent's previous action goes to the case of the action it led to,
 * so an agent switching between cases is never counted twice. A gap over HANDLING_PAUSE_MINUTES starts
 * a new sitting, which counts HANDLING_LEAD_MINUTES instead of the gap.
 */
export function handlingByCase(actions: readonly AgentAction[]): Map<string, number> {
  const byAgent = new Map<string, AgentAction[]>();
  for (const action of actions) {
    if (!Number.isFinite(action.at.getTime())) continue;
    const timeline = byAgent.get(action.actorId) ?? [];
    timeline.push(action);
    byAgent.set(action.actorId, timeline);
  }
  const minutes = new Map<string, number>();
  const credit = (caseId: string, amount: number) => minutes.set(caseId, (minutes.get(caseId) ?? 0) + amount);
  for (const timeline of byAgent.values()) {
    timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || a.caseId.localeCompare(b.caseId));
    timeline.forEach((action, index) => {
      const previous = timeline[index - 1];
      const gap = previous ? (action.at.getTime() - previous.at.getTime()) / MINUTE_MS : Infinity;
      credit(action.caseId, gap <= HANDLING_PAUSE_MINUTES ? gap : HANDLING_LEAD_MINUTES);
    });
  }
  return minutes;
}

export interface MeasuredHandling {
  /** Mean minutes of agent work per case, to a tenth of a minute. */
  readonly minutesPerCase: number;
  /** Recorded cases agents worked on, the mean's sample. */
  readonly cases: number;
}

/**
 * The mean agent work per case of `sampleCaseIds`, from the agents' actions on those cases and on any
 * others they worked meanwhile (which take their own share of the time); null below MIN_HISTORY_CASES
 * cases worked (too few to staff a campaign on). The mean, not the median: staffing covers the total
 * work, long cases included. Each case counts at most MAX_MINUTES_PER_CASE, so one case left open over
 * a weekend of sittings cannot swamp the rest.
 */
export function measuredHandling(
  actions: readonly AgentAction[],
  sampleCaseIds: readonly string[],
): MeasuredHandling | null {
  const byCase = handlingByCase(actions);
  const measured = [...new Set(sampleCaseIds)]
    .map((caseId) => byCase.get(caseId) ?? 0)
    .filter((minutes) => minutes > 0);
  if (measured.length < MIN_HISTORY_CASES) return null;
  const total = measured.reduce((sum, minutes) => sum + Math.min(minutes, MAX_MINUTES_PER_CASE), 0);
  return { minutesPerCase: Math.round((total / measured.length) * 10) / 10, cases: measured.length };
}
