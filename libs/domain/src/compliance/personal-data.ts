import { normalizeText, originalSpan, type NormalizedText } from './normalize';
import { allMatches, type Span } from './spans';

export type PersonalDataKind =
  'phone' | 'landline' | 'email' | 'id_number' | 'address' | 'full_name' | 'order_number' | 'chat_handle';

const PROVINCES =
  '河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆';
const HAN = String.raw`\p{Script=Han}`;

/**
 * Patterns over the normalised text (digits joined, full-width folded), in the order they claim
 * characters: an ID number is also a long digit run, a phone with +86 also a landline-looking run.
 */
const PATTERNS: ReadonlyArray<{ kind: PersonalDataKind; pattern: RegExp }> = [
  { kind: 'email', pattern: /[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}/gu },
  // An address spelt out to pass a filter: name(at)example(dot)com, name at example dot com, 艾特.
  {
    kind: 'email',
    pattern:
      /[a-z0-9][a-z0-9._%+-]{0,63} ?(?:[([{（【] ?(?:at|艾特) ?[)\]}）】]| at |艾特) ?[a-z0-9-]{1,63}(?: ?(?:\.|[([{（【] ?(?:dot|点) ?[)\]}）】]| dot |点) ?[a-z0-9-]{1,63}){0,8} ?(?:\.|[([{（【] ?(?:dot|点) ?[)\]}）】]| dot |点) ?(?:com|cn|net|org|edu|gov|io|me|top|xyz|vip|cc|info)\b/gu,
  },
  // A WeChat or QQ account to take the talk off the platform (which the platforms forbid in replies).
  {
    kind: 'chat_handle',
    pattern:
      /(?:微信号?|威信|薇信|v信|vx|wx|weixin|wechat|加v)[:：]? ?(?:号|是|为)?[:：]? ?[a-z][a-z0-9_-]{5,19}(?![a-z0-9_-])|(?:qq|扣扣)号?[:：]? ?(?:是|为)?[:：]? ?[1-9][0-9]{4,10}(?![0-9])/gu,
  },
  { kind: 'id_number', pattern: /(?<![0-9])[1-9][0-9]{16}[0-9x](?![0-9])/gu },
  { kind: 'phone', pattern: /(?<![0-9])(?:\+?86|0086)?1[3-9][0-9]{9}(?![0-9])/gu },
  { kind: 'landline', pattern: /(?<![0-9])(?:\(0[0-9]{2,3}\)|0[0-9]{2,3})[0-9]{7,8}(?![0-9])/gu },
  { kind: 'order_number', pattern: /(?<![0-9])[0-9]{12,}(?![0-9])/gu },
  {
    kind: 'address',
    pattern: new RegExp(
      [
        `(?:${PROVINCES})(?:省|自治区)`,
        '(?:北京|上海|天津|重庆)市',
        `${HAN}{2,3}市${HAN}{1,4}?[区县]`,
        `${HAN}{1,3}[区县](?=${HAN}{1,8}(?:路|街|大道|巷|弄)[0-9])`,
        `${HAN}{1,8}(?:路|街|大道|巷|弄)[0-9]+号`,
        '[0-9]+(?:号楼|栋|幢|单元|室)',
        '小区[0-9]+',
      ].join('|'),
      'gu',
    ),
  },
];

interface Found extends Span {
  readonly kind: PersonalDataKind;
}

function findAll(normalized: NormalizedText): Found[] {
  const found: Found[] = [];
  const overlaps = (span: Span) => found.some((other) => span.start < other.end && other.start < span.end);
  for (const { kind, pattern } of PATTERNS) {
    for (const span of allMatches(normalized.text, pattern)) {
      // A digit run already read as a phone, ID or landline is not an order number too.
      if (kind !== 'address' && overlaps(span)) continue;
      found.push({ kind, ...span });
    }
  }
  return found;
}

/** Which kinds of personal data the text shows; `knownNames` are the buyer's real names if the shop has them. */
export function findPersonalData(text: string, knownNames: readonly string[] = []): PersonalDataKind[] {
  const normalized = normalizeText(text);
  const kinds = new Set(findAll(normalized).map((found) => found.kind));
  if (namesIn(normalized, knownNames).length > 0) kinds.add('full_name');
  return [...kinds];
}

const usableNames = (names: readonly string[]) =>
  names.map((name) => name.trim()).filter((name) => [...name].length >= 2);

function namesIn(normalized: NormalizedText, knownNames: readonly string[]): Found[] {
  return usableNames(knownNames).flatMap((name) => {
    const needle = normalizeText(name).text;
    const found: Found[] = [];
    for (let at = normalized.text.indexOf(needle); at >= 0; at = normalized.text.indexOf(needle, at + needle.length)) {
      found.push({ kind: 'full_name', start: at, end: at + needle.length });
    }
    return found;
  });
}

const keepEnds = (text: string, head: number, tail: number) =>
  `${text.slice(0, head)}${'*'.repeat(Math.max(1, text.length - head - tail))}${text.slice(text.length - tail)}`;

/** How each kind is masked, from what was found (normalised: digits joined, so 138 1234 5678 → 138****5678). */
const MASKS: Readonly<Record<PersonalDataKind, (found: string) => string>> = {
  id_number: (found) => keepEnds(found, 3, 2),
  phone: (found) => keepEnds(found.replace(/^(?:\+?86|0086)(?=1)/, ''), 3, 4),
  order_number: (found) => keepEnds(found, 0, 4),
  landline: (found) => keepEnds(found, 0, 2),
  email: (found) => `${found.charAt(0)}***@${found.split('@')[1] ?? ''}`,
  address: () => '****',
  full_name: (found) => `${[...found][0] ?? ''}**`,
  chat_handle: (found) => `${found.replace(/[a-z0-9_-]+$/u, '')}****`,
};

/**
 * The text with the personal data findPersonalData looks for masked (phones as 138****5678,
 * addresses as ****), found on the normalised text and replaced in the original, so full-width and
 * spaced-out numbers are masked too: what a review quote or an exported cell may show.
 */
export function maskPersonalDataInText(text: string, knownNames: readonly string[] = []): string {
  const normalized = normalizeText(text);
  const found = mergeAddresses([...findAll(normalized), ...namesIn(normalized, knownNames)]);
  let masked = '';
  let at = 0;
  for (const span of found.sort((a, b) => a.start - b.start)) {
    const original = originalSpan(normalized, span.start, span.end);
    if (original.start < at) continue;
    masked += text.slice(at, original.start) + MASKS[span.kind](normalized.text.slice(span.start, span.end));
    at = original.end;
  }
  return masked + text.slice(at);
}

/** Address parts next to each other (province, city, road, room) are masked as one. */
function mergeAddresses(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const merged: Found[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      // Overlapping finds: keep the wider one.
      if (span.end > last.end) merged[merged.length - 1] = { ...last, end: span.end };
      continue;
    }
    if (last && last.kind === 'address' && span.kind === 'address' && span.start - last.end <= 1) {
      merged[merged.length - 1] = { ...last, end: span.end };
      continue;
    }
    merged.push(span);
  }
  return merged;
}
