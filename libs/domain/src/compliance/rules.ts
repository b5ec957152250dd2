import type { Locale } from '../refusals/labels';
import { abuseSpans, profanitySpans } from './abuse';
import { careReviewMentions } from './care-rules';
import { BENEFIT } from './concepts';
import { normalizeText, originalSpan, type NormalizedText } from './normalize';
import { findPersonalData } from './personal-data';
import { asksForReview, goodReviewForBenefit, reviewChangeForBenefit, reviewForBenefit } from './review-rules';
import { allMatches, type Span } from './spans';

/** `care` is checked on care texts only: a reply or a script may name the review it is about. */
export type ComplianceKind = 'review_link' | 'personal_data' | 'abuse' | 'care';

export const COMPLIANCE_RULE_IDS = [
  'review.change_for_benefit',
  'review.good_review_for_benefit',
  'review.benefit_for_reviewing',
  'review.asks_for_review',
  'abuse.insult',
  'abuse.profanity',
  'care.mentions_review',
] as const;
export type ComplianceRuleId = (typeof COMPLIANCE_RULE_IDS)[number];

export interface ComplianceRule {
  readonly id: ComplianceRuleId;
  readonly kind: ComplianceKind;
  /** The rule of law or of the marketplace the check enforces, as a person reads it. */
  readonly cites: Readonly<Record<Locale, string>>;
  readonly find: (normalized: NormalizedText) => Span[];
}

const ON_TEXT = (finder: (text: string) => Span[]) => (normalized: NormalizedText) => finder(normalized.text);

const BENEFIT_LAW = {
  'zh-CN':
    '《网络交易监督管理办法》第十四条、《电子商务法》第十七条和平台评价规则禁止以返现、红包、卡券等利益换取好评或改评、删评',
  en: 'the Measures for the Supervision of Online Trading (art. 14), the E-Commerce Law (art. 17) and marketplace review rules forbid cash, red packets, coupons or any benefit in exchange for a good, changed or deleted review',
} as const;

/** The rules, each with what it cites. Order is the order findings are reported in. */
export const COMPLIANCE_RULES: readonly ComplianceRule[] = [
  { id: 'review.change_for_benefit', kind: 'review_link', cites: BENEFIT_LAW, find: ON_TEXT(reviewChangeForBenefit) },
  {
    id: 'review.good_review_for_benefit',
    kind: 'review_link',
    cites: BENEFIT_LAW,
    find: ON_TEXT(goodReviewForBenefit),
  },
  { id: 'review.benefit_for_reviewing', kind: 'review_link', cites: BENEFIT_LAW, find: ON_TEXT(reviewForBenefit) },
  {
    id: 'review.asks_for_review',
    kind: 'review_link',
    cites: {
      'zh-CN':
        '淘宝、天猫和京东的评价规则不允许卖家要求买家修改、删除评价或索要好评；评价是买家的权利(《电子商务法》第三十九条)',
      en: "Taobao, Tmall and JD review rules do not let a seller ask a buyer to change or delete a review or to give a good one; the review is the buyer's (E-Commerce Law, art. 39)",
    },
    find: ON_TEXT(asksForReview),
  },
  {
    id: 'abuse.insult',
    kind: 'abuse',
    cites: {
      'zh-CN': '消费者享有人格尊严受到尊重的权利(《消费者权益保护法》第十四条)，平台规则禁止辱骂买家',
      en: 'consumers have the right to respect for their dignity (Consumer Rights Protection Law, art. 14) and marketplace rules forbid insulting buyers',
    },
    find: abuseSpans,
  },
  {
    id: 'abuse.profanity',
    kind: 'abuse',
    cites: {
      'zh-CN': '卖家的公开回复和消息代表店铺，平台规则禁止使用侮辱、谩骂或粗俗的语言',
      en: "a seller's public replies and messages speak for the shop, and marketplace rules forbid insulting, abusive or vulgar language",
    },
    find: profanitySpans,
  },
  {
    id: 'care.mentions_review',
    kind: 'care',
    cites: {
      'zh-CN':
        '回访只关心买家收到的商品是否完好、能否正常使用；平台规则禁止卖家主动索要或引导评价，回访话术不得提及任何评价或评分',
      en: 'a care contact only asks whether the goods arrived well and work; marketplace rules forbid sellers to solicit or steer reviews, so a care text may not mention reviews or ratings at all',
    },
    find: careReviewMentions,
  },
];

/** What the personal-data check cites (it reports kinds rather than spans: see findPersonalData). */
export const PERSONAL_DATA_CITES: Readonly<Record<Locale, string>> = {
  'zh-CN': '《个人信息保护法》第十条、第二十五条禁止公开他人个人信息',
  en: "the Personal Information Protection Law (arts. 10 and 25) forbids making someone's personal information public",
};

export interface TextFinding {
  readonly ruleId: ComplianceRuleId;
  readonly kind: ComplianceKind;
  /** The words as the person typed them. */
  readonly phrase: string;
  /** Offsets into the original text. */
  readonly start: number;
  readonly end: number;
}

/** Every finding of the rules of `kinds` in a text, in rule order, offsets into the original text. */
export function checkText(text: string, kinds: readonly ComplianceKind[] = ['review_link', 'abuse']): TextFinding[] {
  const normalized = normalizeText(text);
  return COMPLIANCE_RULES.filter((rule) => kinds.includes(rule.kind)).flatMap((rule) =>
    rule.find(normalized).map((span) => {
      const { start, end } = originalSpan(normalized, span.start, span.end);
      return { ruleId: rule.id, kind: rule.kind, phrase: text.slice(start, end), start, end };
    }),
  );
}

export function complianceCitation(ruleId: string, locale: Locale): string {
  const rule = COMPLIANCE_RULES.find((candidate) => candidate.id === ruleId);
  return rule ? rule.cites[locale] : BENEFIT_LAW[locale];
}

/** The first wording that ties a benefit to a review or asks for a review change or a good review. */
export function findReviewLink(text: string): TextFinding | null {
  return checkText(text, ['review_link'])[0] ?? null;
}

/** Abusive wording (insults, 滚, 垃圾 aimed at a person, swearing): never in a reply or a message. */
export function findAbuse(text: string): TextFinding | null {
  return checkText(text, ['abuse'])[0] ?? null;
}

/** An insult aimed at someone (not mere swearing): what marks a review as abuse for triage. */
export function findInsult(text: string): TextFinding | null {
  return checkText(text, ['abuse']).find((finding) => finding.ruleId === 'abuse.insult') ?? null;
}

/**
 * The first thing a care text may not say: a benefit tied to a review, any mention of a review or
 * rating, or abuse.
 */
export function findCareTextProblem(text: string): TextFinding | null {
  return checkText(text, ['review_link', 'care', 'abuse'])[0] ?? null;
}

const BENEFITS = new RegExp(BENEFIT, 'gu');

/** The first benefit named at all (a revision request may carry none), as typed. */
export function findBenefit(text: string): string | null {
  const normalized = normalizeText(text);
  const [first] = allMatches(normalized.text, BENEFITS);
  if (!first) return null;
  const { start, end } = originalSpan(normalized, first.start, first.end);
  return text.slice(start, end);
}

/** Whether a text passes every rule of `kinds` (personal data included): the corpus measures this. */
export function textIsCompliant(text: string, kind: ComplianceKind): boolean {
  return kind === 'personal_data' ? findPersonalData(text).length === 0 : checkText(text, [kind]).length === 0;
}
