import type { NormalizedText } from './normalize';
import { allMatches, type Span } from './spans';

/** Insults that are abuse whoever they are aimed at. */
const INSULT = [
  String.raw`傻逼|傻b|傻比|傻屄|煞笔|沙雕|(?<![a-z0-9])sb(?![a-z0-9])|脑残|智障|白痴|弱智|神经病|贱人|贱货|狗东西|人渣|畜生|王八蛋|混蛋|废物|蠢货|蠢猪|穷逼|穷鬼`,
  String.raw`不要脸|死全家|去死|你有病|有病吧|闭嘴|爱买不买|买不起就别买`,
  String.raw`\b(?:idiot|moron|fuck\w*|bitch|shut up|loser|dumbass)\b`,
  // "a stupid mistake on our side" is an apology: stupid is abuse only when aimed at someone.
  String.raw`\bstupid\s(?:buyer|customer|people|person|you)\b|\byou(?:'re|\sare)?\s(?:so\s|really\s)?stupid\b`,
].join('|');

/** Who an insult noun can be aimed at in a reply: the buyer, never the product. */
const PERSON = String.raw`买家|顾客|客户|你们|你|人`;
/** 垃圾 that is a thing (bags, bins, sorting) is no insult. */
const TRASH = String.raw`垃圾(?!袋|桶|箱|站|分类|堆|车|篓|处理|清理|食品)`;
const NOT_ABOUT_A_THING = String.raw`(?:(?!东西|商品|产品|质量|货|家|做工)[^,。!?;]){0,6}?`;
/** Words buyers also use for a product ("傻缺设计"): abuse when aimed at a person. */
const THING_OR_PERSON = String.raw`傻缺|傻叉|傻x|${TRASH}`;
const TARGETED_TRASH = [
  `(?:${THING_OR_PERSON})(?:${PERSON})`,
  `(?:${PERSON})${NOT_ABOUT_A_THING}(?:是|就是|真是|才是|这种|这个|这样的|个)(?:${THING_OR_PERSON})`,
].join('|');

/** 滚 said to someone (滚, 滚吧, 给我滚), not the 滚 of 滚筒, 滚烫, 翻滚. */
const GO_AWAY = String.raw`(?<![翻打圆滚乱])滚(?:蛋|吧|出去|远点|开|犊子)?(?=$|[,。!?;\s~]|你)`;

const ABUSE = new RegExp(`${INSULT}|${TARGETED_TRASH}|${GO_AWAY}`, 'gu');

/** Abusive wording in a normalised text. */
export function abuseSpans(normalized: NormalizedText): Span[] {
  return allMatches(normalized.text, ABUSE);
}

/**
 * Swearing: unfit for a seller's public reply or message, but no sign that a buyer is malicious —
 * an angry genuine buyer swears too, so triage reads insults only. Names (尼玛 is a Tibetan given
 * name) and words that merely contain the characters (妈妈的, 周日你) are not swearing.
 */
const PROFANITY = new RegExp(
  [
    String.raw`他妈的|去你妈|你妈的|你妈逼|特么的?|草泥马|卧槽|你大爷的`,
    String.raw`[操艹草日]你(?:妈|大爷|祖宗)`,
    String.raw`(?<![a-z0-9])(?:tmd|nmd|nmsl|cnm|wtf)(?![a-z0-9])`,
    String.raw`\b(?:damn you|go to hell|piss off)\b`,
  ].join('|'),
  'gu',
);

/** Swearing in a normalised text. */
export function profanitySpans(normalized: NormalizedText): Span[] {
  return allMatches(normalized.text, PROFANITY);
}
