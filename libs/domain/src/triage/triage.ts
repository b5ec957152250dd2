import { classifyBuyer } from './buyer-type';
import { decideRootCause } from './decision';
import { LEXICON_VERSION } from './lexicon';
import { detectMaliciousSignals } from './malicious';
import { detectMisclick } from './misclick';
import { classifyRootCause } from './root-cause';
import { classifyRootCauseWithModel, shippedModel, type LoadedModel } from './root-cause-model';
import { assessSeverity } from './severity';
import type { TriageInput, TriageResult } from './triage-types';

export const FOLLOW_UP_SEPARATOR = '\n';

/**
 * The text triage reads: the review, then its follow-up (追评) after a newline.
 * Evidence and malicious-signal offsets point into this string, not into `input.text` alone.
 */
export function triageText(input: Pick<TriageInput, 'text' | 'followUpText'>): string {
  const followUp = input.followUpText;
  return followUp?.trim() ? `${input.text}${FOLLOW_UP_SEPARATOR}${followUp}` : input.text;
}

/** Triage of one review; `model` is the shop's active root-cause model when it has one, else the shipped one. */
export function triageReview(input: TriageInput, model: LoadedModel = shippedModel()): TriageResult {
  const text = triageText(input);
  const decision = decideRootCause(classifyRootCause(text), classifyRootCauseWithModel(text, model));
  const { misclick, evidence: misclickEvidence } = detectMisclick(text, input.rating);
  const maliciousSignals = detectMaliciousSignals(text);
  const buyerType = classifyBuyer(input.buyerHistory);
  const rootCause = misclick ? 'other' : decision.rootCause;
  const subCause = misclick ? 'misclick' : decision.subCause;
  // A mis-click files the review under other; what the text said becomes the second suggestion.
  const secondCause = misclick && decision.rootCause !== 'other' ? decision.rootCause : decision.secondCause;
  const severity = assessSeverity({
    rating: input.rating,
    rootCause,
    subCause,
    maliciousSignals,
    misclick,
    text,
    orderAmountFen: input.orderAmountFen,
    buyerType,
  });
  return {
    rootCause,
    subCause,
    confidence: decision.confidence,
    evidence: decision.evidence,
    alternatives: decision.alternatives,
    secondCause: secondCause === rootCause ? null : secondCause,
    disagreement: decision.disagreement,
    decidedBy: decision.decidedBy,
    misclick,
    misclickEvidence,
    maliciousSignals,
    buyerType,
    severity,
    lexiconVersion: LEXICON_VERSION,
    modelVersion: model.version,
  };
}
