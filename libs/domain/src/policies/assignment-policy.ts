import type { Severity } from '../shared/vocabulary';

export interface AssignmentPolicy {
  /** How much an open case of each severity weighs in an agent's load. */
  severityWeights: Record<Severity, number>;
}

export interface AssignmentCandidate {
  readonly userId: string;
  /** Sum of the severity weights of the agent's open cases. */
  readonly weightedLoad: number;
}

/**
 * The agent with the lightest weighted load takes the case (ties go to the lower id, so the
 * choice is reproducible). No candidate — nobody on shift with access — leaves it in the pool.
 */
export function pickAssignee(candidates: readonly AssignmentCandidate[]): string | null {
  let best: AssignmentCandidate | null = null;
  for (const candidate of candidates) {
    if (
      best === null ||
      candidate.weightedLoad < best.weightedLoad ||
      (candidate.weightedLoad === best.weightedLoad && candidate.userId < best.userId)
    ) {
      best = candidate;
    }
  }
  return best?.userId ?? null;
}
