import { refusalMessage } from '../../refusals/messages';
import { aCase, contextAt } from '../../testing';
import type { CommandResult } from '../command-context';
import { logContactAttempt, setDoNotContact } from './contact';

const refusalCode = (result: CommandResult) => (result.ok ? null : result.refusal.code);

describe('logContactAttempt', () => {
  it('starts the contacting stage with the first attempt and records first contact when reached', () => {
    const ctx = contextAt();
    const result = logContactAttempt(aCase().build(), { channel: 'im', outcome: 'reached' }, ctx);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state.stage).toBe('contacting');
    expect(result.state.firstContactAt).toEqual(ctx.now);
    expect(result.state.contactAttempts).toHaveLength(1);
    expect(result.events.map((e) => e.type)).toEqual(['stage_changed', 'contact_attempt_logged']);
  });

  it('refuses the 4th phone call with the limit in the message', () => {
    const state = aCase().inStage('contacting').withPhoneCalls(3).build();
    const result = logContactAttempt(
      state,
      { channel: 'phone', outcome: 'reached' },
      contextAt('2026-03-11T03:00:00Z'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toEqual({ code: 'contact.phone_limit_reached', params: { attempt: 4, max: 3 } });
    expect(refusalMessage(result.refusal, 'zh-CN')).toBe('第4次电话超出上限(3次)');
    expect(refusalMessage(result.refusal, 'en')).toContain('limit of 3');
  });

  // Times are UTC; the buyer is in Shanghai (UTC+8) unless said otherwise.
  it.each([
    ['phone at 22:30 local', 'phone', '2026-03-10T14:30:00Z', 'Asia/Shanghai', 'contact.quiet_hours'],
    ['sms at 08:59 local', 'sms', '2026-03-10T00:59:00Z', 'Asia/Shanghai', 'contact.quiet_hours'],
    ['phone at 09:00 local', 'phone', '2026-03-10T01:00:00Z', 'Asia/Shanghai', null],
    ['phone at 20:59 local', 'phone', '2026-03-10T12:59:00Z', 'Asia/Shanghai', null],
    ['phone at 12:30 local (lunch)', 'phone', '2026-03-10T04:30:00Z', 'Asia/Shanghai', 'contact.lunch_rest'],
    ['sms at 12:30 local (lunch is for calls only)', 'sms', '2026-03-10T04:30:00Z', 'Asia/Shanghai', null],
    ['IM at 23:00 local (IM is read when the buyer chooses)', 'im', '2026-03-10T15:00:00Z', 'Asia/Shanghai', null],
    [
      'phone at 15:00 Shanghai but 08:00 in Berlin',
      'phone',
      '2026-03-10T07:00:00Z',
      'Europe/Berlin',
      'contact.quiet_hours',
    ],
    ['phone at 11:00 in Berlin', 'phone', '2026-03-10T10:00:00Z', 'Europe/Berlin', null],
  ] as const)('%s', (_label, channel, at, timeZone, expected) => {
    const state = aCase().with({ buyerTimeZone: timeZone }).build();
    expect(refusalCode(logContactAttempt(state, { channel, outcome: 'no_answer' }, contextAt(at)))).toBe(expected);
  });

  it('quiet-hour refusals name the buyer local time', () => {
    const result = logContactAttempt(
      aCase().build(),
      { channel: 'phone', outcome: 'busy' },
      contextAt('2026-03-10T14:30:00Z'),
    );
    if (result.ok) throw new Error('expected a refusal');
    expect(refusalMessage(result.refusal)).toBe('买家当地时间22:30处于免打扰时段(21:00–09:00)，请稍后再联系');
  });

  it('keeps phone calls apart by the minimum spacing', () => {
    const state = aCase().inStage('contacting').withPhoneCalls(1).build(); // call at 10:00 local
    const tooSoon = logContactAttempt(state, { channel: 'phone', outcome: 'busy' }, contextAt('2026-03-10T03:30:00Z'));
    expect(tooSoon.ok ? null : tooSoon.refusal).toEqual({
      code: 'contact.too_soon',
      params: { minutesSince: 90, minMinutes: 120 },
    });
    expect(logContactAttempt(state, { channel: 'phone', outcome: 'busy' }, contextAt('2026-03-10T05:45:00Z')).ok).toBe(
      true,
    );
  });

  it('refuses every channel for a do-not-contact buyer', () => {
    const state = aCase().inStage('contacting').with({ buyerDoNotContact: true }).build();
    for (const channel of ['im', 'sms', 'phone', 'platform_message', 'other'] as const) {
      expect(refusalCode(logContactAttempt(state, { channel, outcome: 'reached' }, contextAt()))).toBe(
        'contact.do_not_contact',
      );
    }
  });

  it('refuses on closed and appealing cases', () => {
    expect(
      refusalCode(
        logContactAttempt(aCase().inStage('recorded').build(), { channel: 'im', outcome: 'reached' }, contextAt()),
      ),
    ).toBe('stage.case_closed');
    expect(
      refusalCode(
        logContactAttempt(aCase().inStage('appealing').build(), { channel: 'im', outcome: 'reached' }, contextAt()),
      ),
    ).toBe('stage.wrong_stage');
  });

  it('pauses the resolution clock when the buyer asks to be called back, and resumes on the next attempt', () => {
    const first = logContactAttempt(
      aCase().inStage('contacting').build(),
      { channel: 'phone', outcome: 'call_back_later' },
      contextAt('2026-03-10T02:00:00Z'),
    );
    if (!first.ok) throw new Error(first.refusal.code);
    expect(first.state.waiting).toEqual({ reason: 'call_back_requested', since: new Date('2026-03-10T02:00:00Z') });
    expect(first.events.map((e) => e.type)).toContain('waiting_started');

    const second = logContactAttempt(
      first.state,
      { channel: 'phone', outcome: 'reached' },
      contextAt('2026-03-10T06:00:00Z'),
    );
    if (!second.ok) throw new Error(second.refusal.code);
    expect(second.state.waiting).toBeNull();
    expect(second.state.pausedMs).toBe(4 * 3600_000);
    expect(second.events.map((e) => e.type)).toEqual(['waiting_ended', 'contact_attempt_logged']);
  });
});

describe('setDoNotContact', () => {
  it('needs to say how the buyer asked', () => {
    expect(refusalCode(setDoNotContact(aCase().inStage('contacting').build(), { reason: ' ' }, contextAt()))).toBe(
      'contact.reason_required',
    );
  });

  it('stops outbound contact at once and records the reason', () => {
    const result = setDoNotContact(
      aCase().inStage('contacting').build(),
      { reason: '买家要求不要再打电话' },
      contextAt(),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state.buyerDoNotContact).toBe(true);
    expect(result.events[0]).toMatchObject({
      type: 'do_not_contact_set',
      data: { reason: '买家要求不要再打电话', after: true },
    });
    expect(refusalCode(logContactAttempt(result.state, { channel: 'sms', outcome: 'reached' }, contextAt()))).toBe(
      'contact.do_not_contact',
    );
  });
});
