import type { ModelClassification } from './model/model';
import type { RootCauseClassification } from './root-cause';
import type { TriageResult } from './triage-types';

/**
 * The lexicon decides when it is at least this sure (phrases that clearly name one cause); under it the model
 * does. Measured on the dev split with `npm run triage:accuracy` (see test/triage/triage-accuracy.ts).
 */
export const LEXICON_GATE = 0.3;

export type DecidedBy = TriageResult['decidedBy'];

/** The root-cause part of a triage result: what the lexicon and the model decide together. */
export type RootCauseDecision = Pick<
  TriageResult,
  'rootCause' | 'subCause' | 'confidence' | 'evidence' | 'alternatives' | 'secondCause' | 'disagreement' | 'decidedBy'
>;

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
