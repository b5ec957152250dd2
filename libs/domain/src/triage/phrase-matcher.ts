/**
 * Finding phrases in Chinese review text: negation ("不臭", "没有破损", "一点也不慢") and contrast
 * ("东西不错，就是物流太慢" — what follows 但是/就是/不过 is usually the real complaint).
 */

/** A negator right before a phrase, optionally followed by degree words ("不太", "没有发现什么", "一点也不"). */
const NEGATED_TAIL =
  /(?:不|没|没有|无|未|别|毫无|并非|从未|绝无)(?:太|很|怎么|是很|是太|是|会|算|大|够|那么|特别|觉得|感觉|发现|什么|任何|出现过|出现|有|明显|再|见|带来|存在|一点|一点儿|一丝|丝毫|任何的)*$/;

/** "是不是假货" and "有没有坏" are suspicions, not denials. */
const QUESTION_TAIL = /(?:是不是|会不会|有没有|是否|是不|难道)(?:太|很|有|是)?$/;

/** Characters that end the clause a negator can reach across. */
const CLAUSE_BREAK = /[，。！？；,.!?;、\s~～…()（）【】]/;

const NEGATION_REACH = 8;

export function isNegatedAt(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - NEGATION_REACH), start);
  let clauseStart = 0;
  for (let index = before.length - 1; index >= 0; index--) {
    if (CLAUSE_BREAK.test(before.charAt(index))) {
      clauseStart = index + 1;
      break;
    }
  }
  const tail = before.slice(clauseStart);
  return NEGATED_TAIL.test(tail) && !QUESTION_TAIL.test(tail);
}

const CONTRAST_MARKER = /但是|可是|不过|就是|只是|可惜|然而|但|却/g;
const SENTENCE_END = /[。！？!?\n]/;

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The stretches of text after a contrast marker, up to the end of that sentence. */
export function contrastSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const marker of text.matchAll(CONTRAST_MARKER)) {
    const start = marker.index + marker[0].length;
    let end = start;
    while (end < text.length && !SENTENCE_END.test(text.charAt(end))) end++;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

export function isInside(spans: readonly Span[], start: number): boolean {
  return spans.some((span) => start >= span.start && start < span.end);
}

export interface PatternMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  readonly source: T;
}

export interface CompiledPattern<T> {
  readonly regex: RegExp;
  readonly source: T;
}

export function compilePattern<T>(pattern: string | RegExp, source: T): CompiledPattern<T> {
  const regex =
    typeof pattern === 'string'
      ? new RegExp(escapeRegExp(pattern), 'gi')
      : new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g${pattern.flags.includes('i') ? '' : 'i'}`);
  return { regex, source };
}

/**
 * Every match of every pattern, then the longest wins where matches overlap, so that a whole phrase
 * ("不新鲜", "地址发错") beats the shorter phrase inside it ("新鲜", "发错").
 */
export function findLongestMatches<T>(text: string, patterns: readonly CompiledPattern<T>[]): PatternMatch<T>[] {
  const candidates: PatternMatch<T>[] = [];
  for (const { regex, source } of patterns) {
    for (const match of text.matchAll(regex)) {
      if (match[0].length === 0) continue;
      candidates.push({ start: match.index, end: match.index + match[0].length, phrase: match[0], source });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: PatternMatch<T>[] = [];
  for (const candidate of candidates) {
    if (taken.every((other) => candidate.end <= other.start || candidate.start >= other.end)) taken.push(candidate);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
