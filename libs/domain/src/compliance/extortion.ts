import { AMOUNT, POSITIVE_REVIEW, REVIEW_ACTION, REVIEW_GIVING, REVIEW_OBJECT, within } from './concepts';
import { normalizeText, originalSpan } from './normalize';
import { allMatches } from './spans';

/** The buyer demanding money: "给我返现20元", "退我一半钱", "赔我50". */
const MONEY_DEMAND = String.raw`(?:给我|退我|赔我|返我|补我|转我|给|退|赔|返|补)${within(6)}(?:${AMOUNT}|钱|现|一半|红包|补偿|赔偿|[0-9]+)`;
/** …then the buyer changes or gives the review ("我就改好评", "才删差评"). */
const REVIEW_IN_RETURN = String.raw`(?:我|我们)?(?:就|才|再|马上|立马|立刻|会)(?:会|去|帮你|给你)?(?:${REVIEW_ACTION}|${REVIEW_GIVING})${within(3)}(?:${REVIEW_OBJECT}|${POSITIVE_REVIEW})`;
/** …or the review change first, priced ("改好评要20元", "删差评可以，给50"). */
const REVIEW_PRICED = String.raw`(?:${REVIEW_ACTION})${within(2)}(?:${REVIEW_OBJECT})${within(6)}(?:要|得|需要|可以|给|拿)${within(4)}(?:${AMOUNT}|钱)`;

const EXTORTION = new RegExp(`${MONEY_DEMAND}${within(10)}${REVIEW_IN_RETURN}|${REVIEW_PRICED}`, 'gu');

/**
 * A buyer trading the review for money — "给我返现20元我就改好评", "退我一半钱我就改好评": extortion
 * for triage (malicious), never a mis-click, however friendly the words around it.
 */
export function findReviewExtortion(text: string): { phrase: string; start: number; end: number } | null {
  const normalized = normalizeText(text);
  const [first] = allMatches(normalized.text, EXTORTION);
  if (!first) return null;
  const { start, end } = originalSpan(normalized, first.start, first.end);
  return { phrase: text.slice(start, end), start, end };
}
