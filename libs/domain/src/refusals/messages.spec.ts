import { guardStage } from '../case/commands/guards';
import { aCase } from '../testing';
import { LOCALES } from './labels';
import { refusalMessage } from './messages';
import { refusal, REFUSAL_CODES } from './refusal';

describe('refusal messages', () => {
  it.each(REFUSAL_CODES.flatMap((code) => LOCALES.map((locale) => [code, locale] as const)))(
    '%s has a %s sentence without unfilled placeholders',
    (code, locale) => {
      const message = refusalMessage(
        {
          code,
          params: {
            attempt: 4,
            max: 3,
            from: 'new',
            to: 'recorded',
            stage: 'new',
            allowed: 'x',
            kinds: ['phone'],
            missing: ['rootCause'],
            reasons: ['over_limit'],
            phrase: 'x',
            status: 'paid',
            target: 'review',
            deadline: 'd',
            platform: 'taobao',
            localTime: '22:00',
            start: '21:00',
            end: '09:00',
            minutesSince: 1,
            minMinutes: 2,
            attempts: 1,
            needed: 3,
          },
        },
        locale,
      );
      expect(message.length).toBeGreaterThan(5);
      expect(message).not.toMatch(/undefined|\$\{|\[object/);
      if (locale === 'zh-CN') expect(message).toMatch(/[\u4e00-\u9fa5]/);
    },
  );

  it('translates field names in lists', () => {
    expect(
      refusalMessage({ code: 'record.incomplete', params: { missing: ['rootCause', 'specialNotes'] } }, 'zh-CN'),
    ).toBe('归档记录不完整，缺少:问题原因、特别备注(买家性格等)');
    expect(refusalMessage({ code: 'reply.personal_data', params: { kinds: ['phone', 'address'] } }, 'en')).toBe(
      'The reply contains personal data (phone number, address), which must never appear in public',
    );
  });

  it.each<[string, Parameters<typeof refusalMessage>[0], 'zh-CN' | 'en', string, RegExp]>([
    [
      'a compensation status',
      { code: 'compensation.not_pending_approval', params: { status: 'approved' } },
      'zh-CN',
      '已批准',
      /approved/,
    ],
    [
      'a compensation status',
      { code: 'compensation.not_pending_approval', params: { status: 'pending_approval' } },
      'en',
      'awaiting a lead',
      /pending_approval/,
    ],
    [
      'a platform',
      { code: 'revision.platform_forbids', params: { platform: 'taobao' } },
      'zh-CN',
      '淘宝平台规则',
      /taobao/,
    ],
    ['a platform', { code: 'revision.platform_forbids', params: { platform: 'jd' } }, 'en', 'JD', /\bjd\b/],
    [
      'allowed stages',
      { code: 'stage.wrong_stage', params: { stage: 'new', allowed: ['contacting', 'resolving'] } },
      'zh-CN',
      '联系中、处理中',
      /contacting|resolving/,
    ],
    [
      'the stages a guard allows',
      guardStage(aCase().inStage('new').build(), ['replying', 'watching']) ?? refusal('stage.case_closed'),
      'zh-CN',
      '需在:公开回复、观察中',
      /replying|watching/,
    ],
    ['a triage field', { code: 'triage.unchanged', params: { field: 'buyerType' } }, 'zh-CN', '买家类型', /buyerType/],
    ['a triage field', { code: 'triage.unchanged', params: { field: 'severity' } }, 'en', 'severity', /Severity/],
    [
      'a root cause and sub-cause',
      { code: 'triage.invalid_sub_cause', params: { rootCause: 'logistics_delay', subCause: 'broken' } },
      'en',
      'does not belong to',
      /logistics_delay|"broken"/,
    ],
  ])('names %s for people, never by its id (%#)', (_what, refusal, locale, label, rawId) => {
    const message = refusalMessage(refusal, locale);
    expect(message).toContain(label);
    expect(message).not.toMatch(rawId);
  });
});
