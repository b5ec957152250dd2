import { REVIEW_OBJECT } from './concepts';
import type { NormalizedText } from './normalize';
import { allMatches, type Span } from './spans';

/**
 * What a care message may not name at all (DESIGN §7a): any review or rating, and the things
 * sellers ask for with them — photos of the goods "晒", a like, a follow-up review. A care contact
 * asks whether the goods arrived well and work, and nothing about the buyer's verdict; unlike a
 * reply, which may quote the review it answers, a care text has no review to talk about.
 */
const CARE_REVIEW_MENTION = [
  REVIEW_OBJECT,
  // 评 alone ("给个评", "评一下"), except in words that are not about reviews (评估 assessment).
  String.raw`评(?!估|审|选|比|测|委|级|判|论文)`,
  String.raw`晒(?:一下|个|张)?(?:单|图|照|照片|买家秀)|买家秀|带图|点个?赞|打(?:个|一下)?分(?!钟|期|开|装|类|成)|满意度`,
  String.raw`\b(?:rate|rating|rated|review|reviewed|reviewing|feedback|testimonial|stars?|thumbs\s?up|like\sus)\b`,
].join('|');

const MENTION = new RegExp(CARE_REVIEW_MENTION, 'gu');

/** Every mention of a review or rating in a normalised care text. */
export function careReviewMentions(normalized: NormalizedText): Span[] {
  return allMatches(normalized.text, MENTION);
}
