/**
 * Concept classes the compliance rules are written in, as regular-expression sources over a
 * normalised text (compliance/normalize.ts: simplified, half-width, lower case, no filler inside
 * words). A rule names concepts and how close they stand; it never lists whole phrases.
 */

/** Sentence ends: a rule's window never crosses one. */
export const SENTENCE_END = String.raw`[。!?;\n]|\.(?:\s|$)`;
/** Clause marks: a review action and its object stand in one clause. */
export const CLAUSE_MARK = String.raw`[,。!?;:\n、]`;
/** Up to `n` characters of one clause. */
export const within = (n: number) => String.raw`[^,。!?;:\n、]{0,${n}}?`;

const NUMBER = String.raw`[0-9一二两三四五六七八九十百千万半几]+(?:\.[0-9]+)?`;

/** Money: an amount with a unit, or a currency sign with an amount. */
export const AMOUNT = String.raw`${NUMBER}\s?(?:元|块|毛|角|rmb|yuan|刀|dollars?|usd)|[¥$]\s?[0-9]+`;

/** Any review or rating. */
export const REVIEW_OBJECT = [
  String.raw`差评|中评|好评|评价|评论|追评|评分|点评|打分|晒单|晒图|(?<![0-9一二三四五])星级`,
  String.raw`[0-9一二三四五]颗?星(?!级|期)|满星|满分|高分|好分|星{3}|hao\s?ping|haoping|hao\s?评|(?<=[删改撤换追补给打])评`,
  String.raw`\b(?:reviews?|ratings?|feedback|stars?)\b`,
].join('|');

/** A good review or a full rating. */
export const POSITIVE_REVIEW = [
  String.raw`好评|[5五]颗?星(?!级|期)|满星|满分|高分|好分|星{3}|hao\s?ping|haoping|hao\s?评|好的评价`,
  String.raw`\b(?:good|positive|great|nice|5|five)[- ]?(?:star\s)?(?:reviews?|ratings?|feedback)\b`,
  String.raw`\b(?:5|five)[- ]stars?\b`,
].join('|');

/** Doing something to a review: deleting, withdrawing, changing, appending. */
export const REVIEW_ACTION = [
  String.raw`删除|删掉|删了|删|撤销|撤回|撤掉|撤|去掉|取消|修改|更改|改成|改为|改掉|改过来|改好|改|换成|换为|换一下|调成|调整为|更新|追加|(?:补|追)(?=个|一个|一条|条)`,
  String.raw`\b(?:delete|deleted|deleting|remove|removed|withdraw|withdrawn|take\sdown|taken\sdown|change|changed|update|updated|edit|edited|revise|revised|modify|modified|amend|amended|upgrade|upgraded)\b`,
].join('|');

/**
 * Making a review better without naming the change ("追评写好点", "评分调高一点", "星星改满", "评论区夸夸我们").
 * Harmless alone (a reply may thank a buyer who praised), so the rules use it only next to a benefit.
 */
export const REVIEW_IMPROVE = String.raw`写好|写得好|写漂亮|好(?:一)?点|高(?:一)?点|调高|改高|提高|改满|打满|夸|好话|重新编辑|编辑|重写|重新写`;

/** What buyers call the stars of a rating ("把星星改成五颗"), beside the review words. */
export const RATING_STARS = String.raw`星星|星数`;

/** Giving or leaving a (good) review: an action only with a good-review object. */
export const REVIEW_GIVING = String.raw`给|打|留|写|送|点|来|求|赏|补|\b(?:give|leave|write|post)\b`;

/** A benefit: money, a refund, a coupon, a gift, points, a discount. */
export const BENEFIT = [
  String.raw`返现|返利|返款|返还|返钱|反现|返(?!厂|程|回|修|工|校|乡|货)`,
  String.raw`退款|退钱|退还|退差价|退运费|退一半|全额退|退(?!货|出|回|换)`,
  String.raw`红包|优惠券|代金券|券|补偿|赔偿|礼品|礼物|礼包|赠品|小样|赠送|赠|送(?!货|达|到|出|去|修|检|往|来)`,
  String.raw`免单|免费|现金|转账|积分|折扣|[0-9一二三四五六七八九]折|立减|减[0-9]|抽奖|包邮|有礼`,
  AMOUNT,
  String.raw`\b(?:money|cash|cashback|coupons?|vouchers?|refund(?:ed|s)?|gifts?|discounts?|credit|points|free|rebate)\b`,
].join('|');

/** A condition: "after", "then", "if" — what makes a benefit depend on the review. */
export const CONDITION_AFTER = String.raw`之后|以后|后|完|就|即可|即|才|的话|有礼|返|送|领|赢`;
export const CONDITION_BEFORE = String.raw`只要|如果|若|凡是|凡|晒图|带图|写|发|\b(?:if|once|in exchange for|in return for)\b`;

/** Asking the reader to do something. */
export const REQUEST = String.raw`求|麻烦|请|希望|帮忙|帮我们|能否|能不能|可否|可以|方便|给个|打个|来个|记得|别忘了|\b(?:please|could you|can you|would you|leave us|give us|kindly)\b`;

/** Words that forbid what follows ("不要", "never"): guidance and notes may name a link to forbid it. */
export const PROHIBITION = String.raw`不得|不要(?!忘)|(?<!能|可)不能|不会|绝不|禁止|切勿|不可|无需|不用|无论|\b(?:never|do not|don't|must not|won't|regardless)\b`;

/** Reading or quoting a review, not acting on it: "收到您的评价后", "评价里提到的". */
export const PERCEIVED = String.raw`收到|看到|看了|读到|读了|注意到|根据|针对|关于|对于`;
export const QUOTED = String.raw`[里中]|提到|所说|说的`;
/** Words between a review and what is asked of it ("评价能不能帮忙改掉"). */
export const MODAL = String.raw`能不能|可不可以|可以|能否|帮忙|帮我们|麻烦|请|您|你|再|给|一下|先|就`;
