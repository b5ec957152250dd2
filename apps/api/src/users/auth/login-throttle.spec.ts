import {
  ACCOUNT_MAX_SPACING_SECONDS,
  ACCOUNT_SOFT_LIMIT,
  accountSpacingSeconds,
  PAIR_FREE_FAILURES,
  PAIR_MAX_DELAY_SECONDS,
  pairDelaySeconds,
  throttleVerdict,
  type AttemptStats,
} from './login-throttle';

const now = new Date('2026-03-10T02:00:00Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const quiet: AttemptStats = {
  pairFailures: 0,
  pairLastFailureAt: null,
  knownAddress: false,
  addressLimitReachedBy: null,
  accountFailures: 0,
  accountLastFailureAt: null,
};

describe('sign-in throttle', () => {
  it.each([
    [PAIR_FREE_FAILURES - 1, 0],
    [PAIR_FREE_FAILURES, 2],
    [PAIR_FREE_FAILURES + 1, 4],
    [PAIR_FREE_FAILURES + 5, 64],
    [PAIR_FREE_FAILURES + 30, PAIR_MAX_DELAY_SECONDS],
  ])('after %p failures of one account from one address, waits %p s', (failures, delay) => {
    expect(pairDelaySeconds(failures)).toBe(delay);
  });

  it.each([
    [ACCOUNT_SOFT_LIMIT - 1, 0],
    [ACCOUNT_SOFT_LIMIT, 5],
    [ACCOUNT_SOFT_LIMIT * 2, 10],
    [ACCOUNT_SOFT_LIMIT * 50, ACCOUNT_MAX_SPACING_SECONDS],
  ])('after %p failures of one account from anywhere, spaces attempts %p s', (failures, spacing) => {
    expect(accountSpacingSeconds(failures)).toBe(spacing);
  });

  it.each<[string, Partial<AttemptStats>, ReturnType<typeof throttleVerdict>]>([
    ['nothing failed', {}, { allowed: true }],
    ['four failures here', { pairFailures: 4, pairLastFailureAt: secondsAgo(0) }, { allowed: true }],
    [
      'five failures here, the last one a second ago',
      { pairFailures: 5, pairLastFailureAt: secondsAgo(1) },
      { allowed: false, reason: 'throttled', retryAfterSeconds: 1 },
    ],
    ['five failures here, the delay over', { pairFailures: 5, pairLastFailureAt: secondsAgo(2) }, { allowed: true }],
    [
      'the address over its limit, an account new to it',
      { addressLimitReachedBy: secondsAgo(60) },
      { allowed: false, reason: 'rate_limited', retryAfterSeconds: 14 * 60 },
    ],
    [
      'the address over its limit, an account that signs in from it',
      { addressLimitReachedBy: secondsAgo(60), knownAddress: true },
      { allowed: true },
    ],
    [
      'many failures elsewhere, an unfamiliar address',
      { accountFailures: ACCOUNT_SOFT_LIMIT, accountLastFailureAt: secondsAgo(2) },
      { allowed: false, reason: 'throttled', retryAfterSeconds: 3 },
    ],
    [
      'many failures elsewhere, the owner at a familiar address',
      { accountFailures: ACCOUNT_SOFT_LIMIT * 10, accountLastFailureAt: secondsAgo(0), knownAddress: true },
      { allowed: true },
    ],
  ])('%s', (_, stats, verdict) => {
    expect(throttleVerdict({ ...quiet, ...stats }, now)).toEqual(verdict);
  });
});
