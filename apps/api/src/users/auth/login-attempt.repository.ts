import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  ACCOUNT_WINDOW_MINUTES,
  ADDRESS_FAILURE_LIMIT,
  ADDRESS_WINDOW_MINUTES,
  KNOWN_ADDRESS_DAYS,
  PAIR_WINDOW_HOURS,
  type AttemptStats,
} from './login-throttle';

/** The class of the advisory locks that serialise attempts on one username (two-key form). */
const LOGIN_LOCK_CLASS = 7275;

export interface Attempt {
  username: string;
  ip: string;
  at: Date;
  succeeded: boolean;
}

/** Sign-in attempts, kept in PostgreSQL so that every API instance counts the same failures. */
@Injectable()
export class LoginAttemptRepository {
  /**
   * Holds attempts on this username to one at a time until the transaction ends, so that parallel
   * guesses cannot all read the counters before any failure is written.
   */
  async lockUsername(manager: EntityManager, username: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOGIN_LOCK_CLASS, username]);
  }

  async stats(manager: EntityManager, username: string, ip: string, now: Date): Promise<AttemptStats> {
    const [row] = (await manager.query(
      `WITH reset AS (
         SELECT COALESCE((SELECT login_reset_at FROM app_user WHERE username = $1), '-infinity'::timestamptz) AS at
       ), last_success AS (
         -- By id, not time: attempts in one instant keep their order.
         SELECT COALESCE(max(id), 0) AS id FROM login_attempt WHERE username = $1 AND ip = $2 AND succeeded
       ), pair AS (
         SELECT count(*)::int AS failures, max(at) AS last_at FROM login_attempt
          WHERE username = $1 AND ip = $2 AND NOT succeeded AND id > (SELECT id FROM last_success)
            AND at > GREATEST((SELECT at FROM reset), $3::timestamptz - make_interval(hours => $4))
       ), account AS (
         SELECT count(*)::int AS failures, max(at) AS last_at FROM login_attempt
          WHERE username = $1 AND NOT succeeded
            AND at > GREATEST((SELECT at FROM reset), $3::timestamptz - make_interval(mins => $5))
       )
       SELECT pair.failures AS pair_failures, pair.last_at AS pair_last_at,
              EXISTS (SELECT 1 FROM login_attempt WHERE username = $1 AND ip = $2 AND succeeded
                        AND at > $3::timestamptz - make_interval(days => $6)) AS known_address,
              (SELECT at FROM login_attempt WHERE ip = $2 AND NOT succeeded
                  AND at > $3::timestamptz - make_interval(mins => $7)
                ORDER BY at DESC OFFSET $8 LIMIT 1) AS address_limit_at,
              account.failures AS account_failures, account.last_at AS account_last_at
       FROM pair, account`,
      [
        username,
        ip,
        now,
        PAIR_WINDOW_HOURS,
        ACCOUNT_WINDOW_MINUTES,
        KNOWN_ADDRESS_DAYS,
        ADDRESS_WINDOW_MINUTES,
        ADDRESS_FAILURE_LIMIT - 1,
      ],
    )) as Array<{
      pair_failures: number;
      pair_last_at: Date | null;
      known_address: boolean;
      address_limit_at: Date | null;
      account_failures: number;
      account_last_at: Date | null;
    }>;
    return {
      pairFailures: row?.pair_failures ?? 0,
      pairLastFailureAt: row?.pair_last_at ?? null,
      knownAddress: row?.known_address ?? false,
      addressLimitReachedBy: row?.address_limit_at ?? null,
      accountFailures: row?.account_failures ?? 0,
      accountLastFailureAt: row?.account_last_at ?? null,
    };
  }

  async record(manager: EntityManager, attempt: Attempt): Promise<void> {
    await manager.query(`INSERT INTO login_attempt (username, ip, at, succeeded) VALUES ($1, $2, $3, $4)`, [
      attempt.username.slice(0, 100),
      attempt.ip,
      attempt.at,
      attempt.succeeded,
    ]);
  }

  /** Deletes the attempts made before `cutoff`; answers how many. */
  async purgeBefore(manager: EntityManager, cutoff: Date): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(`DELETE FROM login_attempt WHERE at < $1`, [cutoff]);
    return count;
  }
}
