import { aCase } from '../testing';
import { checkContactAllowed } from './contact-policy';
import { checkPolicy } from './policy-check';
import { DEFAULT_POLICY, type Policy } from './policy-config';

describe('quiet hours are a legal line', () => {
  const withQuietHours = (start: string, end: string): Policy => ({
    ...DEFAULT_POLICY,
    contact: { ...DEFAULT_POLICY.contact, quietHours: { start, end } as Policy['contact']['quietHours'] },
  });

  it.each([
    ['00:00', '00:00'],
    ['23:58', '23:59'],
    ['22:00', '08:00'],
    ['21:00', '07:59'],
    ['08:00', '21:00'],
  ])('refuses %s–%s, which leaves part of 21:00–08:00 open', (start, end) => {
    expect(checkPolicy(withQuietHours(start, end)).map((problem) => problem.field)).toEqual(['contact.quietHours']);
  });

  it.each([
    ['21:00', '08:00'],
    ['20:00', '09:30'],
    ['18:00', '17:00'],
  ])('accepts %s–%s, which covers 21:00–08:00', (start, end) => {
    expect(checkPolicy(withQuietHours(start, end))).toEqual([]);
  });

  it("refuses a call in the legal window even when the stored policy is narrower (the buyer's time zone)", () => {
    const narrow = withQuietHours('23:58', '23:59').contact;
    const state = aCase().with({ buyerTimeZone: 'Asia/Shanghai' }).build();
    // 22:30 and 07:30 in Shanghai.
    for (const iso of ['2026-03-10T14:30:00Z', '2026-03-10T23:30:00Z']) {
      expect(checkContactAllowed(state, 'phone', new Date(iso), narrow)).toMatchObject({
        code: 'contact.quiet_hours',
        params: { start: '21:00', end: '08:00' },
      });
    }
    expect(checkContactAllowed(state, 'phone', new Date('2026-03-10T02:00:00Z'), narrow)).toBeNull();
    // 22:30 in Urumqi is 00:30 in Shanghai; 10:00 there is 12:00 in Shanghai: the buyer's zone decides.
    const urumqi = aCase().with({ buyerTimeZone: 'Asia/Urumqi' }).build();
    expect(checkContactAllowed(urumqi, 'sms', new Date('2026-03-10T16:30:00Z'), narrow)?.code).toBe(
      'contact.quiet_hours',
    );
    expect(checkContactAllowed(urumqi, 'sms', new Date('2026-03-10T04:00:00Z'), narrow)).toBeNull();
  });
});
