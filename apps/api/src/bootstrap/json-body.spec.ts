import { RejectedRequestError } from '../common/errors/app-errors';
import { fieldWithNulCharacter } from '../common/nul-characters';
import { jsonNestingDepth, MAX_JSON_DEPTH, parseJsonKeepingBigIntegers } from './json-body';

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('JSON bodies at the edge', () => {
  it.each([
    ['{}', 1],
    ['[1,[2,[3]]]', 3],
    ['{"text":"{[{[{[ not nesting ]}]}]","b":{}}', 2],
    ['{"quote":"a \\" [[[","b":[]}', 2],
    ['"plain"', 0],
  ])('measures the nesting of %s as %i, ignoring brackets inside strings', (text, depth) => {
    expect(jsonNestingDepth(text)).toBe(depth);
  });

  it(`parses ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1} before parsing, even 100,000 deep`, () => {
    expect(() => parseJsonKeepingBigIntegers(nested(MAX_JSON_DEPTH))).not.toThrow();
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      let refused: unknown;
      try {
        parseJsonKeepingBigIntegers(nested(depth));
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(RejectedRequestError);
      expect(refused).toMatchObject({ statusCode: 400, code: 'body.too_deep', details: { maxDepth: MAX_JSON_DEPTH } });
    }
  });

  it('finds a NUL 100,000 levels down without overflowing the stack', () => {
    let value: unknown = 'a\u0000b';
    for (let level = 0; level < 100_000; level++) value = { a: value };
    const found = fieldWithNulCharacter(value);
    expect(found?.split('.')).toHaveLength(100_000);
    expect(fieldWithNulCharacter({ first: 'ok', second: ['x', { 'k\u0000': 1 }] })).toBe('second.1.k\u0000');
    expect(fieldWithNulCharacter({ first: 'a\u0000', second: 'b\u0000' })).toBe('first');
  });
});
