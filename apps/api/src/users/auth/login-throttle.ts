/**
 * Sign-in throttling that slows a guesser, not the owner. Three counters, all read from the
 * login_attempt table (PostgreSQL, so every API instance sees the same numbers):
 *
 * 1. Per account and address: the first PAIR_FREE_FAILURES failures since the pair's last good
 *    sign-in are free; after that each attempt waits PAIR_BASE_DELAY_SECONDS, doubling with every
 *    further failure, up to PAIR_MAX_DELAY_SECONDS after the last failure. Failures older than
 *    PAIR_WINDOW_HOURS are forgotten. The owner at another address is not slowed by it.
 * 2. Per address: ADDRESS_FAILURE_LIMIT failures (any usernames) in ADDRESS_WINDOW_MINUTES turn
 *    the address away — high enough for an office behind one NAT address — but only for accounts
 *    that have not signed in from that address in the last KNOWN_ADDRESS_DAYS: colleagues who
 *    work there keep signing in while a sprayer on the same network is stopped.
 * 3. Per account across addresses (distributed guessing): past ACCOUNT_SOFT_LIMIT failures in
 *    ACCOUNT_WINDOW_MINUTES, attempts from addresses the account has not signed in from lately are
 *    spaced ACCOUNT_BASE_SPACING_SECONDS apart, doubling per further ACCOUNT_SOFT_LIMIT failures,
 *    up to ACCOUNT_MAX_SPACING_SECONDS. It slows, never locks.
 *
 * A lead or admin unlocking an account moves its reset time: failures before it stop counting.
 */
export const PAIR_FREE_FAILURES = 5;
export const PAIR_BASE_DELAY_SECONDS = 2;
export const PAIR_MAX_DELAY_SECONDS = 15 * 60;
export const PAIR_WINDOW_HOURS = 24;
export const ADDRESS_FAILURE_LIMIT = 100;
export const ADDRESS_WINDOW_MINUTES = 15;
export const KNOWN_ADDRESS_DAYS = 30;
export const ACCOUNT_SOFT_LIMIT = 20;
export const ACCOUNT_WINDOW_MINUTES = 60;
export const ACCOUNT_BASE_SPACING_SECONDS = 5;
export const ACCOUNT_MAX_SPACING_SECONDS = 60;

/** What the attempts table says about one (account, address) pair at the time of an attempt. */
export interface AttemptStats {
  /** Failures of this account from this address since its last good sign-in (or reset). */
  pairFailures: number;
  pairLastFailureAt: Date | null;
  /** The account signed in from this address within KNOWN_ADDRESS_DAYS. */
  knownAddress: boolean;
  /** When set, the address has ADDRESS_FAILURE_LIMIT failures in its window; the limit-th most recent one. */
  addressLimitReachedBy: Date | null;
  /** Failures of this account from any address in ACCOUNT_WINDOW_MINUTES (since its reset). */
  accountFailures: number;
  accountLastFailureAt: Date | null;
}

export type ThrottleVerdict =
  { allowed: true } | { allowed: false; reason: 'throttled' | 'rate_limited'; retryAfterSeconds: number };

/** The delay after `failures` failures of one account from one address (0 while they are free). */
export function pairDelaySeconds(failures: number): number {
  if (failures < PAIR_FREE_FAILURES) return 0;
  return Math.min(PAIR_BASE_DELAY_SECONDS * 2 ** (failures - PAIR_FREE_FAILURES), PAIR_MAX_DELAY_SECONDS);
}

/** The spacing imposed on an account's attempts from unfamiliar addresses after `failures` failures. */
export function accountSpacingSeconds(failures: number): number {
  if (failures < ACCOUNT_SOFT_LIMIT) return 0;
  const steps = Math.floor((failures - ACCOUNT_SOFT_LIMIT) / ACCOUNT_SOFT_LIMIT);
  return Math.min(ACCOUNT_BASE_SPACING_SECONDS * 2 ** steps, ACCOUNT_MAX_SPACING_SECONDS);
}

const secondsLeft = (until: number, now: Date) => Math.ceil((until - now.getTime()) / 1000);

/** Whether an attempt may test a password now, or how long it must wait. */
export function throttleVerdict(stats: AttemptStats, now: Date): ThrottleVerdict {
  const waits: Array<{ reason: 'throttled' | 'rate_limited'; seconds: number }> = [];
  const pairDelay = pairDelaySeconds(stats.pairFailures);
  if (pairDelay > 0 && stats.pairLastFailureAt) {
    waits.push({
      reason: 'throttled',
      seconds: secondsLeft(stats.pairLastFailureAt.getTime() + pairDelay * 1000, now),
    });
  }
  if (!stats.knownAddress) {
    if (stats.addressLimitReachedBy) {
      const until = stats.addressLimitReachedBy.getTime() + ADDRESS_WINDOW_MINUTES * 60_000;
      waits.push({ reason: 'rate_limited', seconds: secondsLeft(until, now) });
    }
    const spacing = accountSpacingSeconds(stats.accountFailures);
    if (spacing > 0 && stats.accountLastFailureAt) {
      waits.push({
        reason: 'throttled',
        seconds: secondsLeft(stats.accountLastFailureAt.getTime() + spacing * 1000, now),
      });
    }
  }
  const longest = waits.filter((wait) => wait.seconds > 0).sort((a, b) => b.seconds - a.seconds)[0];
  return longest ? { allowed: false, reason: longest.reason, retryAfterSeconds: longest.seconds } : { allowed: true };
}
