import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { SignedInActor } from '../../common/actor/actor';
import { CLOCK, type Clock } from '../../common/clock';
import { TooManyAttemptsError, UnauthenticatedError, WeakPasswordError } from '../../common/errors/app-errors';
import type { MeDto } from '../dto/auth.dto';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords';
import { SessionStore } from './session.store';

/** Consecutive failures that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Failed sign-ins one address may make in the window before it is turned away (password spraying). */
export const ADDRESS_FAILURE_LIMIT = 30;
export const ADDRESS_WINDOW_MINUTES = 15;

export interface Client {
  ip: string;
  userAgent: string | null;
}

interface LoginRow {
  id: string;
  password_hash: string | null;
  failed_logins: number;
  locked_until: Date | null;
  disabled_at: Date | null;
}

const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Checks the password (argon2id) and opens a session; every attempt is recorded for rate limiting. */
  async login(username: string, password: string, client: Client): Promise<{ token: string; me: MeDto }> {
    const now = this.clock.now();
    const manager = this.dataSource.manager;
    const [recent] = await manager.query(
      `SELECT count(*)::int AS failures, min(at) AS oldest FROM login_attempt
       WHERE ip = $1 AND NOT succeeded AND at > $2::timestamptz - make_interval(mins => $3)`,
      [client.ip, now, ADDRESS_WINDOW_MINUTES],
    );
    const failures = recent as { failures: number; oldest: Date | null };
    if (failures.failures >= ADDRESS_FAILURE_LIMIT && failures.oldest) {
      const retryAt = new Date(failures.oldest.getTime() + ADDRESS_WINDOW_MINUTES * 60_000);
      throw new TooManyAttemptsError('rate_limited', secondsUntil(retryAt, now));
    }

    const rows: LoginRow[] = await manager.query(
      `SELECT id, password_hash, failed_logins, locked_until, disabled_at FROM app_user WHERE username = $1`,
      [username],
    );
    const user = rows[0];
    const record = (succeeded: boolean) =>
      manager.query(`INSERT INTO login_attempt (username, ip, at, succeeded) VALUES ($1, $2, $3, $4)`, [
        username.slice(0, 100),
        client.ip,
        now,
        succeeded,
      ]);
    if (user?.locked_until && user.locked_until > now) {
      await record(false);
      throw new TooManyAttemptsError('locked', secondsUntil(user.locked_until, now));
    }
    const valid = (await verifyPassword(user?.password_hash, password)) && !user?.disabled_at;
    await record(valid);
    if (!user || !valid) {
      if (user) await this.countFailure(user, now);
      throw new UnauthenticatedError('bad_credentials');
    }
    await manager.query(`UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [user.id]);
    const { token } = await this.sessions.create(manager, user.id, now, client);
    return { token, me: await this.me(user.id) };
  }

  private async countFailure(user: LoginRow, now: Date): Promise<void> {
    const [rows]: [Array<{ locked_until: Date | null }>, number] = await this.dataSource.query(
      `UPDATE app_user SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz + make_interval(mins => $4) END
       WHERE id = $1 RETURNING locked_until`,
      [user.id, LOCK_AFTER_FAILURES, now, LOCK_MINUTES],
    );
    const lockedUntil = rows[0]?.locked_until;
    if (lockedUntil) {
      await this.dataSource.query(`UPDATE app_user SET failed_logins = 0 WHERE id = $1`, [user.id]);
      throw new TooManyAttemptsError('locked', secondsUntil(lockedUntil, now));
    }
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.revoke(this.dataSource.manager, token, this.clock.now());
  }

  async me(userId: string): Promise<MeDto> {
    const rows: Array<{ id: string; username: string; display_name: string; role: MeDto['role']; shop_ids: string[] }> =
      await this.dataSource.query(
        `SELECT u.id, u.username, u.display_name, u.role,
                COALESCE(array_agg(us.shop_id ORDER BY us.shop_id) FILTER (WHERE us.shop_id IS NOT NULL), '{}') AS shop_ids
         FROM app_user u LEFT JOIN user_shop us ON us.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
        [userId],
      );
    const row = rows[0];
    if (!row) throw new UnauthenticatedError('session_expired');
    return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, shopIds: row.shop_ids };
  }

  /** A new password ends every other session of the user. */
  async changePassword(actor: SignedInActor, token: string, currentPassword: string, newPassword: string) {
    const rows: Array<{ username: string; password_hash: string | null }> = await this.dataSource.query(
      `SELECT username, password_hash FROM app_user WHERE id = $1`,
      [actor.id],
    );
    const row = rows[0];
    if (!row || !(await verifyPassword(row.password_hash, currentPassword))) {
      throw new WeakPasswordError('wrong_current_password');
    }
    const weakness = passwordWeakness(newPassword, row.username);
    if (weakness) throw new WeakPasswordError(weakness);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET password_hash = $2, password_changed_at = $3 WHERE id = $1`, [
        actor.id,
        await hashPassword(newPassword),
        now,
      ]);
      await this.sessions.revokeOthers(manager, actor.id, token, now);
    });
  }
}
