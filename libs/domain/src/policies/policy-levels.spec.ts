import { DEFAULT_POLICY, type Policy } from './policy-config';
import {
  checkPolicyOverride,
  overriddenFields,
  policyOrigins,
  resolvePolicy,
  shopOverrideFrom,
  type PolicyLevels,
  type PolicyOverride,
} from './policy-levels';

const organisation: Policy = {
  ...DEFAULT_POLICY,
  compensation: {
    ...DEFAULT_POLICY.compensation,
    limitsFen: {
      ...DEFAULT_POLICY.compensation.limitsFen,
      cash: { low: 600, medium: 1200, high: 2400, critical: 3600 },
    },
  },
};
const shop: PolicyOverride = { compensation: { limitsFen: { cash: { medium: 300 } } }, reply: { maxLength: 300 } };

describe('a shop policy resolved shop → organisation → default', () => {
  it.each<[string, PolicyLevels, (policy: Policy) => unknown, unknown]>([
    ['the product default without any saved level', { organisation: null, shop: null }, (p) => p, DEFAULT_POLICY],
    [
      'the organisation where the shop sets nothing',
      { organisation, shop: null },
      (p) => p.compensation.limitsFen.cash.medium,
      1200,
    ],
    ['the shop where it sets a value', { organisation, shop }, (p) => p.compensation.limitsFen.cash.medium, 300],
    ['the organisation beside a shop value', { organisation, shop }, (p) => p.compensation.limitsFen.cash.high, 2400],
    [
      'the default for a section an old organisation save lacks',
      { organisation: { reply: { maxLength: 400 } }, shop: null },
      (p) => p.kpi,
      DEFAULT_POLICY.kpi,
    ],
    [
      'the shop over an old organisation save',
      { organisation: { reply: { maxLength: 400 } }, shop },
      (p) => p.reply.maxLength,
      300,
    ],
  ])('takes %s', (_, levels, pick, expected) => {
    expect(pick(resolvePolicy(levels))).toEqual(expected);
  });

  it('says where every value comes from', () => {
    const origins = policyOrigins({ organisation: { reply: { maxLength: 400 } }, shop });
    expect(origins['compensation.limitsFen.cash.medium']).toBe('shop');
    expect(origins['reply.maxLength']).toBe('shop');
    expect(origins['compensation.limitsFen.cash.low']).toBe('default');
    expect(policyOrigins({ organisation, shop })['compensation.limitsFen.cash.low']).toBe('organisation');
    expect(Object.keys(origins)).toHaveLength(Object.keys(policyOrigins({ organisation: null, shop: null })).length);
  });

  it('leaves the stored levels alone and keeps a __proto__ key as data', () => {
    const hostile = JSON.parse('{"reply":{"__proto__":{"polluted":true}}}') as PolicyOverride;
    const resolved = resolvePolicy({ organisation, shop: hostile });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(checkPolicyOverride(hostile, organisation).map((p) => p.field)).toEqual(['reply.__proto__']);
    expect(organisation.compensation.limitsFen.cash.medium).toBe(1200);
    expect(resolved).not.toBe(organisation);
  });
});

describe('checking a shop override', () => {
  it.each<[string, unknown, string[]]>([
    ['a lower cash limit', shop, []],
    ['nothing of its own (reset to inherited)', {}, []],
    ['a 4th call', { contact: { maxPhoneCallsPerCase: 4 } }, ['contact.maxPhoneCallsPerCase']],
    [
      'calls 30 minutes apart',
      { contact: { minMinutesBetweenPhoneCalls: 30 } },
      ['contact.minMinutesBetweenPhoneCalls'],
    ],
    [
      'revision requests on Taobao',
      { platforms: { taobao: { allowsRevisionRequest: true } } },
      ['platforms.taobao.allowsRevisionRequest'],
    ],
    ['retention of its own', { privacy: { retentionDaysAfterClose: 1 } }, ['privacy']],
    ['KPI weights of its own', { kpi: { weights: {} } }, ['kpi']],
    ['a setting that does not exist', { contact: { maxSmsPerDay: 9 } }, ['contact.maxSmsPerDay']],
    ['text for a number', { reply: { maxLength: 'long' } }, ['reply.maxLength']],
    ['not an object', [1], ['']],
  ])('%s', (_, candidate, fields) => {
    expect(checkPolicyOverride(candidate, organisation).map((problem) => problem.field)).toEqual(fields);
  });
});

describe("the override a shop's settings page saves", () => {
  const inherited = resolvePolicy({ organisation, shop: null });
  const edited = resolvePolicy({ organisation, shop });

  it.each<[string, Policy, string[], string[]]>([
    ['nothing when nothing differs', inherited, [], []],
    [
      'the values edited away from the inherited ones',
      edited,
      [],
      ['compensation.limitsFen.cash.medium', 'reply.maxLength'],
    ],
    [
      'a value kept even where it equals the inherited one',
      inherited,
      ['sla.resolutionHours.low'],
      ['sla.resolutionHours.low'],
    ],
    [
      'never an organisation-wide value',
      { ...edited, privacy: { retentionDaysAfterClose: 1 } },
      ['kpi.weights.qaScore'],
      ['compensation.limitsFen.cash.medium', 'reply.maxLength'],
    ],
  ])('holds %s', (_, candidate, kept, fields) => {
    expect(overriddenFields(shopOverrideFrom(candidate, inherited, kept))).toEqual(fields);
  });

  it('resolves back to the edited policy', () => {
    expect(resolvePolicy({ organisation, shop: shopOverrideFrom(edited, inherited, []) })).toEqual(edited);
  });
});
