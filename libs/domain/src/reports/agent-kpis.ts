/** The measures of an agent's work over a period (DESIGN §6). */
export const KPI_METRICS = [
  'casesClosed',
  'firstContactHours',
  'resolutionRate',
  'revisedRate',
  'compensationPerCaseFen',
  'qaScore',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

/** Relative weights of the composite score, whole numbers a lead sets; only their ratios matter. */
export type KpiWeights = Record<KpiMetric, number>;

export const DEFAULT_KPI_WEIGHTS: KpiWeights = {
  casesClosed: 20,
  firstContactHours: 20,
  resolutionRate: 20,
  revisedRate: 10,
  compensationPerCaseFen: 10,
  qaScore: 20,
};

export interface AgentKpis {
  agentId: string;
  agentName: string;
  casesClosed: number;
  /** Median hours from the review to the first contact, over the cases first contacted in the period. */
  firstContactHours: number | null;
  /** Closed cases whose review was revised, deleted, appealed successfully or answered publicly. */
  resolutionRate: number | null;
  /** Closed cases whose buyer revised the review after the resolution. */
  revisedRate: number | null;
  compensationPerCaseFen: number | null;
  /** Mean QA score (0–100) of the agent's reviewed records. */
  qaScore: number | null;
}

/**
 * Closed cases an agent needs in the period before their composite is ranked: below it, one lucky
 * case would outrank a steady month (shown as "too small a sample", listed after the ranked).
 */
export const KPI_MIN_SAMPLE = 5;

export interface ScoredAgent extends AgentKpis {
  /** Each available measure on a 0–100 scale (see `metricScores`). */
  scores: Partial<Record<KpiMetric, number>>;
  /** Weighted mean of the available scores, 0–100, one decimal; null when nothing could be measured. */
  composite: number | null;
  /** False below KPI_MIN_SAMPLE closed cases: the composite is not compared with the others'. */
  ranked: boolean;
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));
const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const present = (values: Array<number | null>) => values.filter((value): value is number => value !== null);

/**
 * Each measure on a 0–100 scale, so that they can be weighed together:
 * - cases closed: against the busiest agent of the team (busiest = 100);
 * - resolution, revision rates and QA score: as they are (a rate of 0.8 scores 80);
 * - first-contact time and compensation per case, where less is better: the team mean scores 50,
 *   nothing scores 100, twice the mean or more scores 0.
 */
export function metricScores(agents: readonly AgentKpis[]): Array<Partial<Record<KpiMetric, number>>> {
  const busiest = Math.max(0, ...agents.map((agent) => agent.casesClosed));
  const meanHours = mean(present(agents.map((agent) => agent.firstContactHours)));
  const meanCost = mean(present(agents.map((agent) => agent.compensationPerCaseFen)));
  const lessIsBetter = (value: number, teamMean: number) =>
    teamMean === 0 ? 100 : clamp(100 * (1 - value / (2 * teamMean)));
  return agents.map((agent) => {
    const scores: Partial<Record<KpiMetric, number>> = {};
    if (busiest > 0) scores.casesClosed = (100 * agent.casesClosed) / busiest;
    if (agent.firstContactHours !== null) scores.firstContactHours = lessIsBetter(agent.firstContactHours, meanHours);
    if (agent.resolutionRate !== null) scores.resolutionRate = clamp(100 * agent.resolutionRate);
    if (agent.revisedRate !== null) scores.revisedRate = clamp(100 * agent.revisedRate);
    if (agent.compensationPerCaseFen !== null)
      scores.compensationPerCaseFen = lessIsBetter(agent.compensationPerCaseFen, meanCost);
    if (agent.qaScore !== null) scores.qaScore = clamp(agent.qaScore);
    return scores;
  });
}

/** The team's agents with their 0–100 scores and the weighted composite, best first. */
export function scoreAgents(agents: readonly AgentKpis[], weights: KpiWeights): ScoredAgent[] {
  const scores = metricScores(agents);
  return agents
    .map((agent, index) => {
      const own = scores[index] ?? {};
      let weighted = 0;
      let weightSum = 0;
      for (const metric of KPI_METRICS) {
        const score = own[metric];
        if (score === undefined || weights[metric] <= 0) continue;
        weighted += score * weights[metric];
        weightSum += weights[metric];
      }
      return {
        ...agent,
        scores: own,
        composite: weightSum === 0 ? null : Math.round((10 * weighted) / weightSum) / 10,
        ranked: agent.casesClosed >= KPI_MIN_SAMPLE,
      };
    })
    .sort(
      (a, b) =>
        Number(b.ranked) - Number(a.ranked) ||
        (b.composite ?? -1) - (a.composite ?? -1) ||
        a.agentName.localeCompare(b.agentName),
    );
}
