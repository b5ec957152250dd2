/** History and state agree: versions of the events never go backwards, and the last is the case's. */
export function expectConsistentHistory(view: { version: number; events: ReadonlyArray<{ caseVersion: number }> }) {
  const versions = view.events.map((event) => event.caseVersion);
  expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  expect(versions.at(-1)).toBe(view.version);
}
