import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import secureJson from 'secure-json-parse';

import { RejectedRequestError } from '../common/errors/app-errors';

const LONG_DIGIT_RUN = /\d{16,}/;
const SAFETY = { protoAction: 'error', constructorAction: 'error' } as const;

/** The deepest nesting of objects and arrays a JSON body may have; no request of the API needs more than a few. */
export const MAX_JSON_DEPTH = 32;

/**
 * The deepest nesting of `{` and `[` outside strings, in one pass without recursion, so a body
 * nested 10,000 levels costs O(n) here instead of overflowing the stack in a parser or validator.
 * Stops counting once `limit` is passed.
 */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // backslash: the next character is escaped
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

/**
 * JSON bodies as Fastify would parse them (prototype poisoning refused), except that integers
 * beyond 2^53 arrive as their exact digits in a string instead of a rounded number, and bodies
 * nested deeper than MAX_JSON_DEPTH are refused before parsing. Bodies without a long digit run
 * take the fast native path.
 */
export function parseJsonKeepingBigIntegers(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonNestingDepth(text, maxDepth) > maxDepth) throw new RejectedRequestError(400, 'body.too_deep', { maxDepth });
  if (!LONG_DIGIT_RUN.test(text)) return secureJson.parse(text, undefined, SAFETY);
  const value = parseLossless(text, null, (digits: string) => (isSafeNumber(digits) ? Number(digits) : digits));
  if (typeof value === 'object' && value !== null) secureJson.scan(value as Record<string, unknown>, SAFETY);
  return value;
}
