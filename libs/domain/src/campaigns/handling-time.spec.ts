import { MAX_MINUTES_PER_CASE } from './forecast';
import { MIN_HISTORY_CASES } from './forecast-history';
import { handlingByCase, measuredHandling, type AgentAction } from './handling-time';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, 0) + minute * 60_000);
const on = (caseId: string, actorId: string, ...minutes: number[]): AgentAction[] =>
  minutes.map((minute) => ({ caseId, actorId, at: at(minute) }));
const minutesOf = (actions: AgentAction[], caseId = 'A') => handlingByCase(actions).get(caseId) ?? 0;

describe('handlingByCase', () => {
  it('counts one sitting from its first action to its last, plus the lead-in', () => {
    // Actions at 0, 4 and 9 minutes: 2 of lead-in, then 4 and 5.
    expect(minutesOf(on('A', 'ann', 0, 4, 9))).toBe(11);
  });

  it('starts a new sitting after a pause longer than 15 minutes, and not after one of exactly 15', () => {
    // 0–5 (2 + 5), a 16-minute pause, 21–24 (2 + 3) → 12; a 15-minute gap stays one sitting: 2 + 15.
    expect(minutesOf(on('A', 'ann', 0, 5, 21, 24))).toBe(12);
    expect(minutesOf(on('A', 'ann', 0, 15))).toBe(17);
  });

  it('gives the time between two actions to the case of the later one, so switching cases counts once', () => {
    // ann on A at 0 and 4, on B at 2 and 6: A gets 2 (lead-in) + 2 (2→4), B 2 (0→2) + 2 (4→6). Eight minutes
    // in all, the six of the sitting and its lead-in — not six on each case.
    const minutes = handlingByCase([...on('A', 'ann', 0, 4), ...on('B', 'ann', 2, 6)]);
    expect(Object.fromEntries(minutes)).toEqual({ A: 4, B: 4 });
  });

  it('measures agents apart and in time order, whatever order the log gives', () => {
    // ann 0–3 (2 + 3) and bo 1–2 (2 + 1) on the same case: both worked, 8 minutes.
    expect(minutesOf([...on('A', 'bo', 2, 1), ...on('A', 'ann', 3, 0)])).toBe(8);
  });

  it('gives a lone action the lead-in only, and ignores actions without a valid time', () => {
    expect(minutesOf(on('A', 'ann', 30))).toBe(2);
    expect(handlingByCase([]).size).toBe(0);
    expect(handlingByCase([{ caseId: 'A', actorId: 'ann', at: new Date(Number.NaN) }]).size).toBe(0);
  });
});

describe('measuredHandling', () => {
  const cases = (prefix: string, count: number, minutes: (index: number) => number[]) =>
    Array.from({ length: count }, (_, index) => on(`${prefix}${index}`, 'ann', ...minutes(index))).flat();
  const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

  it('answers the mean minutes per sampled case to a tenth once enough were worked', () => {
    // Each case in its own hour: 20 cases of 11 minutes (0, 4, 9) and 10 of 4 (0, 2): (220 + 40) / 30 = 8.67 → 8.7.
    const actions = [
      ...cases('s', 20, (i) => [i * 60, i * 60 + 4, i * 60 + 9]),
      ...cases('t', 10, (i) => [2000 + i * 60, 2002 + i * 60]),
    ];
    expect(measuredHandling(actions, [...ids('s', 20), ...ids('t', 10)])).toEqual({ minutesPerCase: 8.7, cases: 30 });
  });

  it("lets the agent's other cases take their share of the time without counting them", () => {
    // As above, but between the first two actions of s0 (0 and 4) ann acted on an open case at 2: s0 gets 2 + 2 + 5 = 9,
    // the open case 2 and is not in the sample: (19 × 11 + 9 + 40) / 30 = 8.6.
    const actions = [
      ...cases('s', 20, (i) => [i * 60, i * 60 + 4, i * 60 + 9]),
      ...cases('t', 10, (i) => [2000 + i * 60, 2002 + i * 60]),
      ...on('open', 'ann', 2),
    ];
    expect(measuredHandling(actions, [...ids('s', 20), ...ids('t', 10)])).toEqual({ minutesPerCase: 8.6, cases: 30 });
  });

  it('answers null below the minimum, not counting sampled cases no agent touched', () => {
    const actions = cases('s', MIN_HISTORY_CASES - 1, (i) => [i * 60, i * 60 + 4]);
    expect(measuredHandling(actions, [...ids('s', MIN_HISTORY_CASES - 1), 'untouched-1', 'untouched-2'])).toBeNull();
  });

  it('caps a case at the most minutes a case may take', () => {
    // One case of 40 sittings of 15 minutes (17 each = 680 min) counts 480; 29 cases of one action (2):
    // (480 + 58) / 30 = 17.93 → 17.9.
    const marathon = Array.from({ length: 40 }, (_, sitting) => on('m', 'ann', sitting * 60, sitting * 60 + 15)).flat();
    const singles = cases('s', 29, (i) => [5000 + i * 60]);
    expect(MAX_MINUTES_PER_CASE).toBe(480);
    expect(measuredHandling([...marathon, ...singles], ['m', ...ids('s', 29)])).toEqual({
      minutesPerCase: 17.9,
      cases: 30,
    });
  });
});
