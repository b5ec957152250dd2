import { classifyBuyer } from './buyer-type';
import { LEXICON_VERSION } from './lexicon';
import { detectMaliciousSignals } from './malicious';
import { detectMisclick } from './misclick';
import { classifyRootCause } from './root-cause';
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

export function triageReview(input: TriageInput): TriageResult {
  const text = triageText(input);
  const classification = classifyRootCause(text);
  const { misclick, evidence: misclickEvidence } = detectMisclick(text, input.rating);
  const maliciousSignals = detectMaliciousSignals(text);
  const buyerType = classifyBuyer(input.buyerHistory);
  const rootCause = misclick ? 'other' : classification.rootCause;
  const subCause = misclick ? 'misclick' : classification.subCause;
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
    confidence: classification.confidence,
    evidence: classification.evidence,
    alternatives: classification.alternatives,
    misclick,
    misclickEvidence,
    maliciousSignals,
    buyerType,
    severity,
    lexiconVersion: LEXICON_VERSION,
  };
}
