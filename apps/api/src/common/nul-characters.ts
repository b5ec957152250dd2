import { RequestValidationError } from './errors/validation-error';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL in any field would fail deep in a query. Finds the
 * first field (dotted path; `''` for the value itself) whose text contains one, or null.
 */
export function fieldWithNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = fieldWithNulCharacter(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** The refusal for a request whose `field` (in the body or the query) holds a NUL character. */
export const nulCharacterError = (field: string) =>
  new RequestValidationError([
    { field: field || 'body', messages: [`${field || 'the body'} must not contain NUL (\\u0000) characters`] },
  ]);
