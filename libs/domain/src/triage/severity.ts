import type { BuyerType, Rating, RootCause, Severity } from '../shared/vocabulary';
import { compilePattern, findLongestMatches, isNegatedAt } from './phrase-matcher';
import type { MaliciousSignal } from './triage-types';

export interface SeverityInput {
  readonly rating: Rating;
  readonly rootCause: RootCause;
  readonly subCause: string | null;
  readonly maliciousSignals: readonly MaliciousSignal[];
  readonly misclick: boolean;
  readonly text: string;
  readonly orderAmountFen?: number | null;
  readonly buyerType: BuyerType;
}

export interface SeverityRule {
  readonly name: string;
  readonly severity: Severity;
  readonly applies: (input: SeverityInput) => boolean;
}

/** 500 yuan: above this a lost customer or a platform dispute costs the shop real money. */
export const LARGE_ORDER_FEN = 50_000;

const SAFETY_HAZARD = compilePattern(
  /漏电|触电|电到|爆炸|炸了|起火|着火|冒烟|自燃|烧焦|烫伤|烧伤|过敏|中毒|吃坏肚子|拉肚子|腹泻|呕吐|住院|送医|划伤了?(?:手|皮肤)/,
  'safety',
);
const ON_ARRIVAL = /收到|到手|到货|刚买|新买|开箱|拆开|打开|第一次用|一拿到|送来|发来/;
const MINOR_CAUSES: ReadonlySet<RootCause> = new Set([
  'other',
  'size_fit',
  'price_value',
  'logistics_delay',
  'promotion_rules',
]);

export function findSafetyHazards(text: string): string[] {
  return findLongestMatches(text, [SAFETY_HAZARD])
    .filter(({ start }) => !isNegatedAt(text, start))
    .map(({ phrase }) => phrase);
}

const isNegative = (input: SeverityInput) => input.rating === 'negative';

/** Checked in order; the first rule that applies decides. */
export const SEVERITY_RULES: readonly SeverityRule[] = [
  { name: 'safety_hazard', severity: 'critical', applies: (input) => findSafetyHazards(input.text).length > 0 },
  { name: 'misclick', severity: 'low', applies: (input) => input.misclick },
  {
    name: 'extortion',
    severity: 'high',
    applies: (input) => input.maliciousSignals.some((signal) => signal.kind === 'extortion'),
  },
  {
    name: 'suspected_fake',
    severity: 'high',
    applies: (input) => isNegative(input) && input.subCause === 'suspected_fake',
  },
  {
    name: 'broken_on_arrival',
    severity: 'high',
    applies: (input) => isNegative(input) && input.subCause === 'broken' && ON_ARRIVAL.test(input.text),
  },
  {
    name: 'refund_dispute',
    severity: 'high',
    applies: (input) => isNegative(input) && input.rootCause === 'refund_dispute',
  },
  {
    name: 'suspected_professional',
    severity: 'high',
    applies: (input) => isNegative(input) && input.buyerType === 'suspected_professional',
  },
  {
    name: 'large_order',
    severity: 'high',
    applies: (input) => isNegative(input) && (input.orderAmountFen ?? 0) >= LARGE_ORDER_FEN,
  },
  {
    name: 'neutral_minor_cause',
    severity: 'low',
    applies: (input) => input.rating === 'neutral' && MINOR_CAUSES.has(input.rootCause),
  },
  { name: 'default', severity: 'medium', applies: () => true },
];

export interface SeverityExplanation {
  readonly severity: Severity;
  readonly rule: string;
}

export function explainSeverity(input: SeverityInput): SeverityExplanation {
  const rule = SEVERITY_RULES.find((candidate) => candidate.applies(input));
  return rule ? { severity: rule.severity, rule: rule.name } : { severity: 'medium', rule: 'default' };
}

export function assessSeverity(input: SeverityInput): Severity {
  return explainSeverity(input).severity;
}
