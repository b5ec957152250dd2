import {
  adoptedShiftStatus,
  replaceRoster,
  rosterAdoptionRefusal,
  rosterTransitions,
  type AdoptedShift,
} from './roster-shifts';

const shift = (id: string, userId: string, start: string, end: string, applied: Partial<AdoptedShift> = {}) => ({
  id,
  userId,
  start: `2026-11-11T${start}:00.000Z`,
  end: `2026-11-11T${end}:00.000Z`,
  startedAt: null,
  endedAt: null,
  ...applied,
});

describe('rosterTransitions', () => {
  const morning = shift('m', 'ann', '00:00', '08:00');
  const day = shift('d', 'bob', '08:00', '16:00');

  it('puts an agent on shift once, when the shift is under way', () => {
    expect(rosterTransitions([morning, day], '2026-11-10T23:59:00.000Z').onShiftUserIds).toEqual([]);
    const first = rosterTransitions([morning, day], '2026-11-11T00:00:00.000Z');
    expect(first.starting.map((s) => s.id)).toEqual(['m']);
    expect(first.onShiftUserIds).toEqual(['ann']);
    const started = { ...morning, startedAt: '2026-11-11T00:00:00.000Z' };
    expect(rosterTransitions([started, day], '2026-11-11T00:01:00.000Z').starting).toEqual([]);
  });

  it('takes the agent off at the end, once, while the next shift starts', () => {
    const started = { ...morning, startedAt: '2026-11-11T00:00:00.000Z' };
    const result = rosterTransitions([started, day], '2026-11-11T08:00:30.000Z');
    expect(result.ending.map((s) => s.id)).toEqual(['m']);
    expect(result.offShiftUserIds).toEqual(['ann']);
    expect(result.onShiftUserIds).toEqual(['bob']);
    const ended = { ...started, endedAt: '2026-11-11T08:00:30.000Z' };
    expect(rosterTransitions([ended, day], '2026-11-11T08:01:00.000Z').offShiftUserIds).toEqual([]);
  });

  it('keeps an agent on between two back-to-back shifts of theirs', () => {
    const first = { ...morning, startedAt: '2026-11-11T00:00:00.000Z' };
    const second = shift('m2', 'ann', '08:00', '16:00');
    const result = rosterTransitions([first, second], '2026-11-11T08:00:00.000Z');
    expect(result.ending.map((s) => s.id)).toEqual(['m']);
    expect(result.offShiftUserIds).toEqual([]);
    expect(result.onShiftUserIds).toEqual(['ann']);
  });

  it('closes a shift whose start was missed without taking anybody off shift', () => {
    // The app was down from 23:00 to 09:00: ann's shift is over before its start was ever applied.
    const result = rosterTransitions([morning], '2026-11-11T09:00:00.000Z');
    expect(result.starting).toEqual([]);
    expect(result.ending.map((s) => s.id)).toEqual(['m']);
    expect(result.offShiftUserIds).toEqual([]);
  });
});

describe('replaceRoster', () => {
  const now = '2026-11-11T10:00:00.000Z';
  const over = shift('over', 'ann', '00:00', '08:00', {
    startedAt: '2026-11-11T00:00:00.000Z',
    endedAt: '2026-11-11T08:00:00.000Z',
  });
  const underWay = shift('now', 'bob', '08:00', '16:00', { startedAt: '2026-11-11T08:00:00.000Z' });
  const later = shift('later', 'cat', '16:00', '23:00');

  it('replaces the shifts not started and keeps those under way or over', () => {
    const planned = [
      { userId: 'bob', start: '2026-11-11T08:00:00.000Z', end: '2026-11-11T16:00:00.000Z' },
      { userId: 'dan', start: '2026-11-11T08:00:00.000Z', end: '2026-11-11T16:00:00.000Z' },
      { userId: 'ann', start: '2026-11-11T16:00:00.000Z', end: '2026-11-11T23:00:00.000Z' },
      { userId: 'eve', start: '2026-11-11T00:00:00.000Z', end: '2026-11-11T08:00:00.000Z' },
    ];
    const result = replaceRoster({ adopted: [over, underWay, later], planned, now });
    expect(result.dropIds).toEqual(['later']);
    // bob already works 08–16; eve's planned shift is over; dan joins the shift under way; ann takes the evening.
    expect(result.add.map((s) => s.userId)).toEqual(['dan', 'ann']);
  });

  it('keeps a shift whose start has passed even if the job has not applied it yet', () => {
    const due = shift('due', 'cat', '10:00', '16:00');
    expect(replaceRoster({ adopted: [due], planned: [], now }).dropIds).toEqual([]);
  });
});

describe('rosterAdoptionRefusal', () => {
  const planned = [{ end: '2026-11-11T08:00:00.000Z' }, { end: '2026-11-11T16:00:00.000Z' }];

  it('allows adopting while a shift is to come or under way', () => {
    expect(rosterAdoptionRefusal(planned, '2026-11-11T15:59:59.000Z')).toBeNull();
  });

  it('refuses once every shift has ended', () => {
    expect(rosterAdoptionRefusal(planned, '2026-11-11T16:00:00.000Z')?.code).toBe('roster.campaign_over');
  });

  it('refuses a plan with no shift at all as nothing to adopt, not as a campaign that is over', () => {
    // A campaign saved without expected orders, long before it starts.
    expect(rosterAdoptionRefusal([], '2026-01-01T00:00:00.000Z')?.code).toBe('roster.nothing_planned');
  });
});

describe('adoptedShiftStatus', () => {
  const planned = shift('s', 'ann', '08:00', '16:00');
  const started = { ...planned, startedAt: '2026-11-11T08:00:30.000Z' };

  it('follows a shift from upcoming to ended as the job applies it', () => {
    expect(adoptedShiftStatus(planned, '2026-11-11T07:59:00.000Z')).toBe('upcoming');
    expect(adoptedShiftStatus(planned, '2026-11-11T08:00:10.000Z')).toBe('starting');
    expect(adoptedShiftStatus(started, '2026-11-11T12:00:00.000Z')).toBe('onShift');
    expect(adoptedShiftStatus({ ...started, endedAt: '2026-11-11T16:00:20.000Z' }, '2026-11-11T17:00:00.000Z')).toBe(
      'ended',
    );
  });

  it('calls a shift missed when it is over and nobody was put on shift', () => {
    expect(adoptedShiftStatus(planned, '2026-11-11T16:00:00.000Z')).toBe('missed');
    expect(adoptedShiftStatus({ ...planned, endedAt: '2026-11-11T16:00:20.000Z' }, '2026-11-11T17:00:00.000Z')).toBe(
      'missed',
    );
  });
});
