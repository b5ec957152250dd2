import { DEFAULT_POLICY } from '../policies/policy-config';
import { refusalMessage } from '../refusals/messages';
import { isRefusal, type Refusal } from '../refusals/refusal';
import { checkCareContact } from './care-contact';
import { checkCareSettings, DEFAULT_CARE_SETTINGS, type CareSettings } from './care-settings';
import { workCareTask, type CareWorkContext, type WorkCareTaskInput } from './care-task';
import { careDueNow, careReasons, careSchedule, type CareOrderFacts } from './selection';

const settings: CareSettings = { ...DEFAULT_CARE_SETTINGS, highValueAboveFen: 30_000, skuNegativeRateAbove: 0.1 };
const delivered = new Date('2026-03-02T06:00:00Z');
const facts = (over: Partial<CareOrderFacts> = {}): CareOrderFacts => ({
  firstOrderOfBuyer: false,
  amountFen: 10_000,
  skuNegativeRateLastMonth: 0.02,
  deliveredAt: delivered,
  promisedBy: null,
  ...over,
});

describe('which orders get care', () => {
  it.each<[string, Partial<CareOrderFacts>, string[]]>([
    ['an ordinary order', {}, []],
    ['a first-time buyer', { firstOrderOfBuyer: true }, ['first_time_buyer']],
    ['above the amount', { amountFen: 30_001 }, ['high_value']],
    ['at the amount exactly', { amountFen: 30_000 }, []],
    ['a SKU with a high negative rate', { skuNegativeRateLastMonth: 0.15 }, ['sku_negative_rate']],
    ['a SKU nobody bought last month', { skuNegativeRateLastMonth: null }, []],
    ['a late delivery', { promisedBy: new Date('2026-03-01T16:00:00Z') }, ['late_delivery']],
    ['an early delivery', { promisedBy: new Date('2026-03-03T16:00:00Z') }, []],
    ['several reasons', { firstOrderOfBuyer: true, amountFen: 99_000 }, ['first_time_buyer', 'high_value']],
  ])('%s', (_name, over, reasons) => {
    expect(careReasons(facts(over), settings)).toEqual(reasons);
  });

  it('chooses nothing when care is off or a rule is switched off', () => {
    expect(careReasons(facts({ firstOrderOfBuyer: true }), { ...settings, enabled: false })).toEqual([]);
    expect(careReasons(facts({ amountFen: 99_000 }), { ...settings, highValueAboveFen: null })).toEqual([]);
  });
});

describe('the care schedule', () => {
  it('falls due on the configured days after delivery', () => {
    expect(careSchedule(delivered, { ...settings, scheduleDays: [7, 1] })).toEqual([
      { day: 1, dueAt: new Date('2026-03-03T06:00:00Z') },
      { day: 7, dueAt: new Date('2026-03-09T06:00:00Z') },
    ]);
  });

  it('is due from its day until the next one falls due, and the last for three days', () => {
    const at = (iso: string) => careDueNow(delivered, settings, new Date(iso)).map((due) => due.day);
    expect(at('2026-03-03T05:59:00Z')).toEqual([]);
    expect(at('2026-03-03T06:00:00Z')).toEqual([1]);
    expect(at('2026-03-08T23:00:00Z')).toEqual([1]);
    expect(at('2026-03-09T06:00:00Z')).toEqual([7]);
    expect(at('2026-03-12T06:00:00Z')).toEqual([]);
  });

  it.each<[number[], string | null]>([
    [[1, 7], null],
    [[3], null],
    [[], 'care.invalid_schedule'],
    [[0, 7], 'care.invalid_schedule'],
    [[1, 1], 'care.invalid_schedule'],
    [[1, 2, 3, 4], 'care.invalid_schedule'],
    [[1.5], 'care.invalid_schedule'],
  ])('days %j: %s', (days, code) => {
    expect(checkCareSettings({ ...settings, scheduleDays: days })?.code ?? null).toBe(code);
  });

  it('refuses a negative-rate threshold outside 0–100%', () => {
    expect(checkCareSettings({ ...settings, skuNegativeRateAbove: 1.5 })?.code).toBe('care.invalid_rate');
  });

  it.each<[string[], string | null]>([
    [['im'], null],
    [['im', 'sms', 'phone'], null],
    [[], 'care.invalid_channels'],
    [['im', 'im'], 'care.invalid_channels'],
    [['fax'], 'care.invalid_channels'],
  ])('channels %j: %s', (given, code) => {
    expect(checkCareSettings({ ...settings, channels: given as CareSettings['channels'] })?.code ?? null).toBe(code);
  });
});

describe('the care contact rules', () => {
  const buyer = { doNotContact: false, timeZone: 'Asia/Shanghai' };
  const noon = new Date('2026-03-03T02:00:00Z'); // 10:00 in Shanghai

  it('allows one proactive message per buyer per 24 hours, across all care tasks', () => {
    const last = new Date('2026-03-02T03:00:00Z');
    const refused = checkCareContact(
      { buyer, channel: 'im', at: noon, lastCareMessageAt: last },
      DEFAULT_POLICY.contact,
    );
    expect(refused?.code).toBe('care.frequency_cap');
    expect(refusalMessage(refused as Refusal, 'zh-CN')).toContain('23小时前');
    expect(refusalMessage(refused as Refusal, 'en')).toContain('at most one proactive message per 24 hours');
    const dayLater = new Date('2026-03-03T03:00:00Z');
    expect(
      checkCareContact({ buyer, channel: 'im', at: dayLater, lastCareMessageAt: last }, DEFAULT_POLICY.contact),
    ).toBeNull();
  });

  it('keeps the case rules: do-not-contact, quiet hours for phone and SMS, not for IM', () => {
    const night = new Date('2026-03-03T14:00:00Z'); // 22:00 in Shanghai
    const check = (over: { doNotContact?: boolean; channel?: 'im' | 'phone' | 'sms'; at?: Date }) =>
      checkCareContact(
        {
          buyer: { ...buyer, doNotContact: over.doNotContact ?? false },
          channel: over.channel ?? 'im',
          at: over.at ?? noon,
          lastCareMessageAt: null,
        },
        DEFAULT_POLICY.contact,
      )?.code ?? null;
    expect(check({ doNotContact: true })).toBe('contact.do_not_contact');
    expect(check({ channel: 'sms', at: night })).toBe('contact.quiet_hours');
    expect(check({ channel: 'im', at: night })).toBeNull();
    expect(check({ channel: 'phone' })).toBeNull();
  });
});

describe('working a care task', () => {
  const context = (over: Partial<CareWorkContext> = {}): CareWorkContext => ({
    status: 'open',
    buyer: { doNotContact: false, timeZone: null },
    lastCareMessageAt: null,
    policy: DEFAULT_POLICY.contact,
    channels: DEFAULT_CARE_SETTINGS.channels,
    ...over,
  });
  const input = (over: Partial<WorkCareTaskInput> = {}): WorkCareTaskInput => ({
    outcome: 'contacted',
    channel: 'im',
    message: '亲，东西收到时完好吗？',
    note: null,
    at: new Date('2026-03-03T02:00:00Z'),
    ...over,
  });

  it('sends the first message and waits for the reply, which sends nothing', () => {
    expect(workCareTask(input(), context())).toEqual({
      status: 'awaiting_reply',
      sendsMessage: true,
      opensCase: false,
    });
    // The reply arrives within the 24 hours: recording it is no new message.
    const reply = workCareTask(
      input({ outcome: 'fine', message: null }),
      context({ status: 'awaiting_reply', lastCareMessageAt: new Date('2026-03-03T01:00:00Z') }),
    );
    expect(reply).toEqual({ status: 'fine', sendsMessage: false, opensCase: false });
  });

  it('sends only on the channels the shop allows for care, and says which ones', () => {
    const refused = workCareTask(input({ channel: 'phone' }), context());
    expect(isRefusal(refused) && refused.code).toBe('care.channel_not_allowed');
    expect(refusalMessage(refused as Refusal, 'zh-CN')).toBe(
      '本店回访不使用电话；可用渠道：旺旺/飞鸽、平台消息、短信（主管可在回访设置中调整）',
    );
    expect(workCareTask(input({ channel: 'phone' }), context({ channels: ['phone'] }))).toMatchObject({
      sendsMessage: true,
    });
    // Recording the buyer's reply sends nothing, whatever channel it came on.
    expect(
      workCareTask(input({ outcome: 'fine', channel: 'phone', message: null }), context({ status: 'awaiting_reply' })),
    ).toMatchObject({ status: 'fine' });
  });

  it('opens a case for a problem, with the problem in words', () => {
    expect(workCareTask(input({ outcome: 'problem_found', note: '壶底漏水' }), context())).toEqual({
      status: 'problem_found',
      sendsMessage: true,
      opensCase: true,
    });
    const refused = workCareTask(input({ outcome: 'problem_found', note: ' ' }), context());
    expect(isRefusal(refused) && refused.code).toBe('care.problem_note_required');
  });

  it('refuses a message that mentions a review, with the words and the rule', () => {
    const refused = workCareTask(input({ message: '用着满意的话帮忙写个评价哦' }), context());
    expect(isRefusal(refused) && refused.code).toBe('care.text_not_allowed');
    const message = refusalMessage(refused as Refusal, 'zh-CN');
    expect(message).toContain('评价');
    expect(message).not.toContain('care.mentions_review');
    expect(refusalMessage(refused as Refusal, 'en')).toContain('may not mention reviews or ratings');
  });

  it('refuses a closed task, a missing message and the 24-hour cap', () => {
    const code = (result: ReturnType<typeof workCareTask>) => (isRefusal(result) ? result.code : null);
    expect(code(workCareTask(input(), context({ status: 'fine' })))).toBe('care.task_closed');
    expect(code(workCareTask(input({ message: '' }), context()))).toBe('care.message_required');
    expect(code(workCareTask(input(), context({ lastCareMessageAt: new Date('2026-03-02T20:00:00Z') })))).toBe(
      'care.frequency_cap',
    );
  });
});
