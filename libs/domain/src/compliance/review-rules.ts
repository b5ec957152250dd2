import {
  BENEFIT,
  CONDITION_AFTER,
  CONDITION_BEFORE,
  MODAL,
  PERCEIVED,
  POSITIVE_REVIEW,
  PROHIBITION,
  QUOTED,
  RATING_STARS,
  REQUEST,
  REVIEW_ACTION,
  REVIEW_GIVING,
  REVIEW_IMPROVE,
  REVIEW_OBJECT,
  SENTENCE_END,
  within,
} from './concepts';
import type { Span } from './spans';
import { allMatches, sentenceAround } from './spans';

/** How far (normalised characters) a benefit may stand from the review words and still be tied to them. */
export const BENEFIT_WINDOW = 30;

/** Between an action and its review: a few characters of one clause, or up to three English words. */
const GAP = String.raw`(?:${within(4)}|(?:\s+[a-z0-9'-]+){0,3}\s+|\s?)`;

const group = (source: string) => `(?:${source})`;

/** Deleting, withdrawing, changing or appending a review, either order ("删除差评", "差评删了"). */
const REVIEW_CHANGE = new RegExp(
  [
    `${group(REVIEW_ACTION)}${GAP}${group(REVIEW_OBJECT)}(?!${QUOTED})`,
    `${group(REVIEW_OBJECT)}(?:${GAP}|(?:${MODAL}){1,4})${group(REVIEW_ACTION)}`,
    `${group(REVIEW_GIVING)}${GAP}${group(POSITIVE_REVIEW)}`,
  ].join('|'),
  'gu',
);

/** A review (or its stars) made better or changed, either order; counted only next to a benefit. */
const REVIEW_IMPROVED = new RegExp(
  [
    `${group(`${REVIEW_OBJECT}|${RATING_STARS}`)}(?:${GAP}|(?:${MODAL}){1,4})${group(`${REVIEW_IMPROVE}|${REVIEW_ACTION}`)}`,
    `${group(REVIEW_IMPROVE)}${GAP}${group(`${REVIEW_OBJECT}|${RATING_STARS}`)}`,
  ].join('|'),
  'gu',
);

const POSITIVE = new RegExp(POSITIVE_REVIEW, 'gu');
const BENEFITS = new RegExp(BENEFIT, 'gu');
/** A review followed by a condition ("评价后", "评价就", "评价返"): what comes next depends on it. */
const REVIEW_THEN = new RegExp(
  `(?<!(?:${PERCEIVED})${within(3)})${group(REVIEW_OBJECT)}${within(2)}(?=${group(CONDITION_AFTER)})`,
  'gu',
);
/** A condition before a review ("只要…评价", "写评价", "if … review"). */
const IF_REVIEW = new RegExp(`${group(CONDITION_BEFORE)}${GAP}${group(REVIEW_OBJECT)}`, 'gu');
const ASK_POSITIVE = new RegExp(`${group(REQUEST)}${within(4)}${group(POSITIVE_REVIEW)}`, 'gu');
const PROHIBITED = new RegExp(`${group(PROHIBITION)}${within(8)}$`, 'u');
const PROHIBITED_CLOSE = new RegExp(`${group(PROHIBITION)}${within(3)}$`, 'u');
const SENTENCE_ENDS = new RegExp(SENTENCE_END, 'u');

/** A benefit near `span`, in its sentence, either side. */
function benefitNear(text: string, span: Span, onlyAfter = false): Span | null {
  // A benefit may run a few characters past the window ("返现" starting at its edge).
  const sentence = sentenceAround(text, span, BENEFIT_WINDOW + 8);
  for (const benefit of allMatches(text, BENEFITS, sentence)) {
    if (benefit.end > span.start && benefit.start < span.end) {
      if (!onlyAfter || benefit.start >= span.start) return benefit;
      continue;
    }
    const distance = benefit.start >= span.end ? benefit.start - span.end : span.start - benefit.end;
    if (distance > BENEFIT_WINDOW) continue;
    if (onlyAfter && benefit.start < span.end) continue;
    if (!SENTENCE_ENDS.test(text.slice(Math.min(span.end, benefit.end), Math.max(span.start, benefit.start)))) {
      return benefit;
    }
  }
  return null;
}

const cover = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });

/** Whether the clause before `span` forbids it ("不要要求买家删除差评", "we never ask you to change your review"). */
export function isProhibited(text: string, span: Span, close = false): boolean {
  return (close ? PROHIBITED_CLOSE : PROHIBITED).test(text.slice(Math.max(0, span.start - 12), span.start));
}

/** A link a prohibition right before it negates ("我们不会用返现换好评"). */
const unlessForbidden = (text: string) => (span: Span) => !isProhibited(text, span, true);

/** 删/改/撤/追评 on a review, or a review made better, with a benefit nearby: 好评返现 and 删差评返现. */
export function reviewChangeForBenefit(text: string): Span[] {
  return [...allMatches(text, REVIEW_CHANGE), ...allMatches(text, REVIEW_IMPROVED)]
    .flatMap((change) => {
      const benefit = benefitNear(text, change);
      return benefit ? [cover(change, benefit)] : [];
    })
    .filter(unlessForbidden(text));
}

/** A good review or five stars together with a benefit ("五星好评送券", "5-star review for cash back"). */
export function goodReviewForBenefit(text: string): Span[] {
  return allMatches(text, POSITIVE)
    .flatMap((positive) => {
      const benefit = benefitNear(text, positive);
      return benefit ? [cover(positive, benefit)] : [];
    })
    .filter(unlessForbidden(text));
}

/** A benefit that follows from reviewing at all ("评价后返现", "写评价送券", "评价有礼"). */
export function reviewForBenefit(text: string): Span[] {
  const conditional = [...allMatches(text, REVIEW_THEN), ...allMatches(text, IF_REVIEW)];
  return conditional
    .flatMap((review) => {
      const benefit = benefitNear(text, { start: review.start, end: review.end }, true);
      return benefit ? [cover(review, benefit)] : [];
    })
    .filter(unlessForbidden(text));
}

/** Asking the buyer to change, delete or add to a review, or for a good review, benefit or not. */
export function asksForReview(text: string): Span[] {
  return [...allMatches(text, REVIEW_CHANGE), ...allMatches(text, ASK_POSITIVE)].filter(
    (span) => !isProhibited(text, span),
  );
}
