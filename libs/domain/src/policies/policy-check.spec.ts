import { checkPolicy } from './policy-check';
import { DEFAULT_POLICY } from './policy-config';

const withPatch = (patch: (policy: typeof DEFAULT_POLICY) => void) => {
  const copy = structuredClone(DEFAULT_POLICY);
  patch(copy);
  return copy;
};

describe('checkPolicy', () => {
  it('accepts the defaults and a changed limit', () => {
    expect(checkPolicy(DEFAULT_POLICY)).toEqual([]);
    expect(checkPolicy(withPatch((policy) => (policy.compensation.limitsFen.coupon.high = 4000)))).toEqual([]);
  });

  it.each([
    [
      'a fourth call',
      (p: typeof DEFAULT_POLICY) => (p.contact.maxPhoneCallsPerCase = 4),
      'contact.maxPhoneCallsPerCase',
    ],
    [
      'calls 10 minutes apart',
      (p: typeof DEFAULT_POLICY) => (p.contact.minMinutesBetweenPhoneCalls = 10),
      'contact.minMinutesBetweenPhoneCalls',
    ],
    [
      'revision requests on Taobao',
      (p: typeof DEFAULT_POLICY) => (p.platforms.taobao.allowsRevisionRequest = true),
      'platforms.taobao.allowsRevisionRequest',
    ],
    [
      'a bad quiet hour',
      (p: typeof DEFAULT_POLICY) => (p.contact.quietHours.start = '25:00'),
      'contact.quietHours.start',
    ],
    [
      'a negative limit',
      (p: typeof DEFAULT_POLICY) => (p.compensation.limitsFen.cash.low = -1),
      'compensation.limitsFen.cash.low',
    ],
  ])('refuses %s', (_, patch, field) => {
    expect(checkPolicy(withPatch(patch)).map((problem) => problem.field)).toContain(field);
  });

  it('refuses unknown and missing settings', () => {
    const fields = checkPolicy({ ...DEFAULT_POLICY, bonusForGoodReviews: true, reply: {} }).map(
      (problem) => problem.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['bonusForGoodReviews', 'reply.maxLength']));
  });

  it('lets Pinduoduo shops allow a polite revision request', () => {
    expect(checkPolicy(withPatch((policy) => (policy.platforms.pinduoduo.allowsRevisionRequest = true)))).toEqual([]);
  });
});
