import { RequestValidationError } from './errors/validation-error';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL in any field would fail deep in a query. Finds the
 * first field (dotted path; `''` for the value itself) whose text contains one, or null. Walks with
 * its own stack rather than recursion, so no nesting can overflow the call stack.
 */
export function fieldWithNulCharacter(root: unknown): string | null {
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    // Pushed in reverse so the first field is looked at first, as a reader would expect.
    const entries = Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index] as [string, unknown];
      const itemPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return itemPath;
      pending.push({ value: item, path: itemPath });
    }
  }
  return null;
}

/** The refusal for a request whose `field` (in the body or the query) holds a NUL character. */
export const nulCharacterError = (field: string) =>
  new RequestValidationError([
    { field: field || 'body', messages: [`${field || 'the body'} must not contain NUL (\\u0000) characters`] },
  ]);
