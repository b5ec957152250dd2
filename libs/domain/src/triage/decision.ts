import type { RootCause } from '../shared/vocabulary';
import type { ModelClassification } from './model/model';
import type { RootCauseClassification } from './root-cause';
import type { Evidence, ScoredCause } from './triage-types';

/**
 * The lexicon decides when it is at least this sure (phrases that clearly name one cause); under it the model
 * does. Measured on the dev split with `npm run triage:accuracy` (see test/triage/triage-accuracy.ts).
 */
export const LEXICON_GATE = 0.3;

export type DecidedBy = 'lexicon' | 'model';

export interface RootCauseDecision {
  readonly rootCause: RootCause;
  readonly subCause: string | null;
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  readonly alternatives: readonly ScoredCause[];
  /** The cause to offer next: the other side's answer when lexicon and model disagree, else the model's runner-up. */
  readonly secondCause: RootCause | null;
  /** The lexicon's phrases named one cause and the model chose another: the agent should read the review. */
  readonly disagreement: boolean;
  readonly decidedBy: DecidedBy;
}

const MIN_ALTERNATIVE_PROBABILITY = 0.01;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Lexicon and model combined into one root cause, with a second suggestion and a disagreement flag. */
export function decideRootCause(
  lexicon: RootCauseClassification,
  model: ModelClassification,
  gate: number = LEXICON_GATE,
): RootCauseDecision {
  const modelTop = model.ranking[0]?.rootCause ?? lexicon.rootCause;
  const disagreement = lexicon.basis === 'phrases' && lexicon.rootCause !== modelTop;
  const decidedBy: DecidedBy = lexicon.confidence >= gate ? 'lexicon' : 'model';
  const rootCause = decidedBy === 'lexicon' ? lexicon.rootCause : modelTop;
  const lexiconAgrees = lexicon.rootCause === rootCause;
  const secondCause = disagreement
    ? decidedBy === 'lexicon'
      ? modelTop
      : lexicon.rootCause
    : (model.ranking.find((cause) => cause.rootCause !== rootCause)?.rootCause ?? null);
  if (decidedBy === 'lexicon') {
    return { ...pick(lexicon), secondCause, disagreement, decidedBy };
  }
  return {
    rootCause,
    subCause: lexiconAgrees ? lexicon.subCause : null,
    confidence: round2(model.ranking[0]?.score ?? 0),
    // Phrases of the lexicon read better than n-grams: keep them when the lexicon pointed the same way.
    evidence: lexiconAgrees && lexicon.evidence.length > 0 ? lexicon.evidence : model.evidence,
    alternatives: model.ranking.filter((cause) => cause.score >= MIN_ALTERNATIVE_PROBABILITY),
    secondCause,
    disagreement,
    decidedBy,
  };
}

function pick(lexicon: RootCauseClassification) {
  const { rootCause, subCause, confidence, evidence, alternatives } = lexicon;
  return { rootCause, subCause, confidence, evidence, alternatives };
}
