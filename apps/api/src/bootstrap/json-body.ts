import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import secureJson from 'secure-json-parse';

const LONG_DIGIT_RUN = /\d{16,}/;
const SAFETY = { protoAction: 'error', constructorAction: 'error' } as const;

/**
 * JSON bodies as Fastify would parse them (prototype poisoning refused), except that integers
 * beyond 2^53 arrive as their exact digits in a string instead of a rounded number. Bodies
 * without a long digit run take the fast native path.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return secureJson.parse(text, undefined, SAFETY);
  const value = parseLossless(text, null, (digits: string) => (isSafeNumber(digits) ? Number(digits) : digits));
  if (typeof value === 'object' && value !== null) secureJson.scan(value as Record<string, unknown>, SAFETY);
  return value;
}
