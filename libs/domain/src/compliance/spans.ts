import { SENTENCE_END } from './concepts';

/** A half-open range [start, end) of a string. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Every match of a global pattern, as spans; `inside` limits the search to part of the text. */
export function allMatches(text: string, pattern: RegExp, inside: Span = { start: 0, end: text.length }): Span[] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  const part = text.slice(inside.start, inside.end);
  return [...part.matchAll(global)]
    .filter((match) => match[0].length > 0)
    .map((match) => ({
      start: inside.start + (match.index ?? 0),
      end: inside.start + (match.index ?? 0) + match[0].length,
    }));
}

const ENDS = new RegExp(SENTENCE_END, 'gu');

/**
 * The part of the sentence around a span that lies within `reach` characters of it (a span that
 * crosses a sentence end keeps both sentences). Looking no further than the reach keeps a check
 * linear in the length of the text.
 */
export function sentenceAround(text: string, span: Span, reach: number): Span {
  const from = Math.max(0, span.start - reach);
  const to = Math.min(text.length, span.end + reach);
  let start = from;
  let end = to;
  for (const match of text.slice(from, to).matchAll(ENDS)) {
    const at = from + (match.index ?? 0);
    if (at + match[0].length <= span.start) start = at + match[0].length;
    else if (at >= span.end) {
      end = at;
      break;
    }
  }
  return { start, end };
}
