import { boundedDetails, MAX_DETAIL_ITEMS, MAX_DETAIL_TEXT } from './bounded-details';

describe('error details a person can read', () => {
  it('cuts long lists and texts and says how much was left out', () => {
    const bounded = boundedDetails({ ignored: Array.from({ length: 1_000_000 }, () => ''), value: 'x'.repeat(5_000) });
    expect(bounded.ignored).toHaveLength(MAX_DETAIL_ITEMS + 1);
    expect(bounded.ignored.at(-1)).toBe(`… (${1_000_000 - MAX_DETAIL_ITEMS} more)`);
    expect(bounded.value).toHaveLength(MAX_DETAIL_TEXT + 1);
    expect(JSON.stringify(bounded).length).toBeLessThan(1_000);
  });

  it('leaves small details as they are', () => {
    const details = { fields: [{ field: 'note', messages: ['note is required'] }], max: 3 };
    expect(boundedDetails(details)).toEqual(details);
  });
});
