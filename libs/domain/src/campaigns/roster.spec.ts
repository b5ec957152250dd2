import { isRefusal } from '../refusals/refusal';
import { planRoster, type Roster, type RosterInput } from './roster';

// Local midnight in China, 16:00 UTC the day before.
const start = '2026-11-11T00:00:00+08:00';
const repeat = (need: number, hours: number) => new Array<number>(hours).fill(need);

function roster(input: RosterInput): Roster {
  const result = planRoster(input);
  if (isRefusal(result)) throw new Error(`refused: ${result.code}`);
  return result;
}

describe('planRoster', () => {
  it('covers a day over the three default shifts (hand-computed)', () => {
    // Needs 1 (00–08), 2 (08–16), 1 (16–24). a takes 00–08; b and c have fewer hours than a for 08–16;
    // a may not return at 16:00: 8 h in 00–08 plus 8 h would be 16 h within 24 h (cap 10), so d works.
    const result = roster({
      start,
      needPerHour: [...repeat(1, 8), ...repeat(2, 8), ...repeat(1, 8)],
      agentIds: ['a', 'b', 'c', 'd'],
    });
    expect(result.shifts).toEqual([
      { start: '2026-11-10T16:00:00.000Z', end: '2026-11-11T00:00:00.000Z', need: 1, agentIds: ['a'] },
      { start: '2026-11-11T00:00:00.000Z', end: '2026-11-11T08:00:00.000Z', need: 2, agentIds: ['b', 'c'] },
      { start: '2026-11-11T08:00:00.000Z', end: '2026-11-11T16:00:00.000Z', need: 1, agentIds: ['d'] },
    ]);
    expect(result.uncovered).toEqual([]);
  });

  it('reports the hours it cannot cover, with how many agents are missing', () => {
    // Two agents, two needed all day: both work 00–08, neither may work 08–16 (no rest) or 16–24
    // (16 h within 24 h), so 16 hours are short by 2; the next day's 00–08 is allowed again.
    const result = roster({ start, needPerHour: repeat(2, 32), agentIds: ['a', 'b'] });
    expect(result.shifts.map((shift) => shift.agentIds)).toEqual([['a', 'b'], [], [], ['a', 'b']]);
    expect(result.uncovered).toHaveLength(16);
    expect(result.uncovered[0]).toEqual({ hour: '2026-11-11T00:00:00.000Z', short: 2 });
    expect(result.uncovered[15]).toEqual({ hour: '2026-11-11T15:00:00.000Z', short: 2 });
  });

  it('keeps the minimum rest between two shifts of one agent', () => {
    // With a 16 h cap the 24-hour limit allows two shifts, so only the 8 h rest keeps a off 08–16.
    const result = roster({ start, needPerHour: repeat(1, 24), agentIds: ['a'], maxHoursPer24h: 16 });
    expect(result.shifts.map((shift) => shift.agentIds)).toEqual([['a'], [], ['a']]);
    expect(result.uncovered.map((hour) => hour.hour)).toEqual(
      Array.from({ length: 8 }, (_, index) => `2026-11-11T${String(index).padStart(2, '0')}:00:00.000Z`),
    );
    const longRest = roster({
      start,
      needPerHour: repeat(1, 24),
      agentIds: ['a'],
      maxHoursPer24h: 16,
      minRestHours: 9,
    });
    expect(longRest.shifts.map((shift) => shift.agentIds)).toEqual([['a'], [], []]);
  });

  it('staffs each shift for its busiest hour and cuts shifts at the configured local boundaries', () => {
    // Two 12 h shifts, 09–21 and 21–09 local, starting the roster at 10:00 local: the first shift
    // is only partly inside the campaign and its busiest hour needs 3.
    const result = roster({
      start: '2026-06-18T10:00:00+08:00',
      needPerHour: [1, 3, 1, ...repeat(0, 10), 1],
      agentIds: ['x', 'y', 'z', 'w'],
      shiftStarts: [21, 9],
      maxHoursPer24h: 12,
      minRestHours: 11,
    });
    expect(result.shifts).toEqual([
      { start: '2026-06-18T01:00:00.000Z', end: '2026-06-18T13:00:00.000Z', need: 3, agentIds: ['x', 'y', 'z'] },
      { start: '2026-06-18T13:00:00.000Z', end: '2026-06-19T01:00:00.000Z', need: 1, agentIds: ['w'] },
    ]);
    expect(result.uncovered).toEqual([]);
  });

  it('is deterministic and empty for no need', () => {
    const input: RosterInput = { start, needPerHour: [3, 1, 4, 1, 5, 9, 2, 6], agentIds: ['p', 'q', 'r'] };
    expect(planRoster(input)).toEqual(planRoster(input));
    expect(roster({ start, needPerHour: [], agentIds: ['a'] })).toEqual({ shifts: [], uncovered: [] });
    expect(roster({ start, needPerHour: [0, 0], agentIds: [] })).toEqual({
      shifts: [{ start: '2026-11-10T16:00:00.000Z', end: '2026-11-11T00:00:00.000Z', need: 0, agentIds: [] }],
      uncovered: [],
    });
  });

  it.each([
    ['a shift longer than the cap', { shiftStarts: [8, 20] }, 'roster.invalid_shifts'],
    ['a start hour of 24', { shiftStarts: [0, 8, 24] }, 'roster.invalid_shifts'],
    ['repeated starts', { shiftStarts: [0, 8, 8, 16] }, 'roster.invalid_shifts'],
    ['no shifts', { shiftStarts: [] }, 'roster.invalid_shifts'],
    ['a fractional need', { needPerHour: [1.5] }, 'roster.invalid_need'],
    ['a negative need', { needPerHour: [-1] }, 'roster.invalid_need'],
    ['more than 61 days', { needPerHour: repeat(0, 24 * 61 + 1) }, 'roster.invalid_need'],
    ['a start off the hour', { start: '2026-11-11T00:30:00+08:00' }, 'roster.invalid_need'],
    ['the same agent twice', { agentIds: ['a', 'a'] }, 'roster.invalid_need'],
    [
      'more than 1,000 agents',
      { agentIds: Array.from({ length: 1001 }, (_, index) => `agent-${index}`) },
      'roster.invalid_need',
    ],
  ])('refuses %s', (_name, change, code) => {
    const result = planRoster({ start, needPerHour: [1], agentIds: ['a'], ...(change as Partial<RosterInput>) });
    expect(isRefusal(result) && result.code).toBe(code);
  });
});
