import type { Stage } from '../shared/vocabulary';

/**
 * The workflow of DESIGN §2 as data: where the `transition` command may take a case from each stage.
 * Closing (→ recorded) and reopening have commands of their own because they carry a record or a reason.
 */
export const STAGE_EDGES: Readonly<Record<Stage, readonly Stage[]>> = {
  new: ['contacting', 'appealing'],
  contacting: ['apologised', 'replying', 'appealing'],
  apologised: ['resolving', 'appealing'],
  resolving: ['compensating', 'replying', 'watching'],
  compensating: ['replying', 'watching'],
  replying: ['watching'],
  watching: [],
  // Out of an appeal that was lost, never filed or filed too late: explain in public, or watch.
  appealing: ['replying', 'watching'],
  recorded: [],
};

/** Stages from which a complete record closes the case. */
export const CLOSING_STAGES: readonly Stage[] = ['watching', 'appealing'];

export const canMoveAlongEdge = (from: Stage, to: Stage): boolean => STAGE_EDGES[from].includes(to);
