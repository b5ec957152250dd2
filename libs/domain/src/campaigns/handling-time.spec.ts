import { MAX_MINUTES_PER_CASE } from './forecast';
import { MIN_HISTORY_CASES } from './forecast-history';
import { caseHandlingMinutes, measuredHandling, type AgentAction } from './handling-time';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, 0) + minute * 60_000);
const by = (actorId: string, ...minutes: number[]): AgentAction[] =>
  minutes.map((minute) => ({ actorId, at: at(minute) }));

describe('caseHandlingMinutes', () => {
  it('counts one sitting from its first action to its last, plus the lead-in', () => {
    // Actions at 0, 4 and 9 minutes: 9 minutes of sitting + 2 of lead-in.
    expect(caseHandlingMinutes(by('ann', 0, 4, 9))).toBe(11);
  });

  it('splits sittings at a pause longer than 15 minutes, and keeps one exactly 15 minutes apart', () => {
    // 0–5 (5 + 2), then a 16-minute pause, 21–24 (3 + 2) → 12; a 15-minute gap stays one sitting: 15 + 2.
    expect(caseHandlingMinutes(by('ann', 0, 5, 21, 24))).toBe(12);
    expect(caseHandlingMinutes(by('ann', 0, 15))).toBe(17);
  });

  it('measures agents apart and in time order, whatever order the log gives', () => {
    // ann 0–3 (3 + 2) and bo 1–2 (1 + 2) on the same case: both worked, 8 minutes in all.
    expect(caseHandlingMinutes([...by('bo', 2, 1), ...by('ann', 3, 0)])).toBe(8);
  });

  it('gives a lone action the lead-in only, and an empty log nothing', () => {
    expect(caseHandlingMinutes(by('ann', 30))).toBe(2);
    expect(caseHandlingMinutes([])).toBe(0);
    expect(caseHandlingMinutes([{ actorId: 'ann', at: new Date(Number.NaN) }])).toBe(0);
  });
});

describe('measuredHandling', () => {
  const sample = (count: number, actions: AgentAction[]) => Array.from({ length: count }, () => actions);

  it('answers the mean minutes per case to a tenth once enough cases were measured', () => {
    // 20 cases of 11 minutes and 10 of 4 minutes (0–2 + 2): (220 + 40) / 30 = 8.666… → 8.7.
    const result = measuredHandling([...sample(20, by('ann', 0, 4, 9)), ...sample(10, by('bo', 0, 2))]);
    expect(result).toEqual({ minutesPerCase: 8.7, cases: 30 });
  });

  it('answers null below the minimum, not counting cases no agent touched', () => {
    const cases = [...sample(MIN_HISTORY_CASES - 1, by('ann', 0, 4)), ...sample(5, [])];
    expect(measuredHandling(cases)).toBeNull();
  });

  it('caps a case at the most minutes a case may take', () => {
    // One case of 40 sittings of 15 minutes (17 each = 680 min) counts 480; 29 cases of 2 minutes:
    // (480 + 58) / 30 = 17.93… → 17.9.
    const marathon = Array.from({ length: 40 }, (_, sitting) => by('ann', sitting * 60, sitting * 60 + 15)).flat();
    const result = measuredHandling([marathon, ...sample(29, by('ann', 0))]);
    expect(MAX_MINUTES_PER_CASE).toBe(480);
    expect(result).toEqual({ minutesPerCase: 17.9, cases: 30 });
  });
});
