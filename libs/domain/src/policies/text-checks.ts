/**
 * Text rules for what the shop writes: compensation notes, revision requests and public replies.
 * Patterns are deliberately broad: a false alarm costs the agent a rewording,
 * a miss costs the shop a platform penalty.
 */

/** Wording that links a benefit to a rating or a review change (好评返现 and its cousins). */
const REVIEW_LINK_PATTERNS: readonly RegExp[] = [
  /好评/,
  /五星|5星|五颗星|满星|满分评价/,
  /改评|改成好评|修改评价|更改评价|追加好评|追评好/,
  /删评|删除评价|删掉评价|撤销(?:差|中)评|撤回(?:差|中)评|(?:差|中)评(?:删|撤|改)/,
  /返现|评价返|晒图返/,
  /给(?:个|我们)?(?:好|高)分/,
  /\b(?:good|positive|5[- ]?star|five[- ]?star)\s+(?:review|rating)/i,
  /\b(?:change|delete|remove|update|revise)\s+(?:the|your)\s+(?:review|rating)/i,
];

/** Benefits: mentioning one in a revision request is never allowed. */
const BENEFIT_PATTERNS: readonly RegExp[] = [
  /红包|返现|优惠券|券|补偿|赠品|礼品|赠送|送(?:您|你|给您)|免单|折扣|打折|现金|\d+\s*(?:元|块)|积分/,
  /\b(?:coupon|cash|refund|gift|discount|voucher|money|free)\b/i,
];

export function findReviewLink(text: string): string | null {
  return firstMatch(text, REVIEW_LINK_PATTERNS);
}

export function findBenefit(text: string): string | null {
  return firstMatch(text, BENEFIT_PATTERNS);
}

export type PersonalDataKind = 'phone' | 'landline' | 'id_number' | 'address' | 'full_name' | 'order_number';

const DIGITS_ONLY = /[\s-]/g;

const PERSONAL_DATA_PATTERNS: ReadonlyArray<{ kind: PersonalDataKind; pattern: RegExp; compact?: boolean }> = [
  { kind: 'id_number', pattern: /(?<!\d)\d{17}[\dXx](?!\d)/, compact: true },
  { kind: 'phone', pattern: /(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/, compact: true },
  { kind: 'order_number', pattern: /(?<!\d)\d{12,}(?!\d)/, compact: true },
  { kind: 'landline', pattern: /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/ },
  {
    kind: 'address',
    pattern:
      /[\u4e00-\u9fa5]{2,}(?:省|自治区)|[\u4e00-\u9fa5]{1,8}(?:路|街|大道|巷|弄)\s*\d+\s*号|\d+\s*(?:号楼|栋|幢|单元)|\d+\s*室|小区\s*\d+/,
  },
];

/** Which kinds of personal data the text shows; `knownNames` are the buyer's real names if the shop has them. */
export function findPersonalData(text: string, knownNames: readonly string[] = []): PersonalDataKind[] {
  const found = new Set<PersonalDataKind>();
  const compactText = text.replace(DIGITS_ONLY, '');
  for (const { kind, pattern, compact } of PERSONAL_DATA_PATTERNS) {
    if (pattern.test(text) || (compact === true && pattern.test(compactText))) {
      // An ID number is also a long digit run; report it once, as what it is.
      if (kind === 'order_number' && (found.has('id_number') || found.has('phone'))) continue;
      found.add(kind);
    }
  }
  if (knownNames.some((name) => name.trim().length >= 2 && text.includes(name.trim()))) {
    found.add('full_name');
  }
  return [...found];
}

const keepEnds = (text: string, head: number, tail: number) =>
  `${text.slice(0, head)}${'*'.repeat(Math.max(1, text.length - head - tail))}${text.slice(text.length - tail)}`;

const MASKS: Readonly<Record<PersonalDataKind, (found: string) => string>> = {
  id_number: (found) => keepEnds(found, 3, 2),
  phone: (found) => keepEnds(found, 3, 4),
  order_number: (found) => keepEnds(found, 0, 4),
  landline: (found) => keepEnds(found, 0, 2),
  address: () => '****',
  full_name: (found) => `${[...found][0] ?? ''}**`,
};

/**
 * The text with the personal data findPersonalData looks for masked (phones as 138****5678,
 * addresses as ****): what a review quote or an exported cell may show.
 */
export function maskPersonalDataInText(text: string, knownNames: readonly string[] = []): string {
  let masked = text;
  for (const { kind, pattern } of PERSONAL_DATA_PATTERNS) {
    masked = masked.replace(new RegExp(pattern.source, 'g'), MASKS[kind]);
  }
  for (const name of knownNames.map((known) => known.trim()).filter((known) => known.length >= 2)) {
    masked = masked.split(name).join(MASKS.full_name(name));
  }
  return masked;
}

const ABUSE_PATTERNS: readonly RegExp[] = [
  /傻[逼比屄B]|[Ss][Bb](?![a-zA-Z])|煞笔|沙雕/,
  /脑残|智障|白痴|弱智|神经病|有病吧|你有病/,
  /滚蛋|滚吧|给我滚|去死|死全家|贱人|狗东西|垃圾人|人渣|不要脸/,
  /\b(?:idiot|stupid|moron|shut up|fuck\w*|bitch)\b/i,
];

export function findAbuse(text: string): string | null {
  return firstMatch(text, ABUSE_PATTERNS);
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}
