import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { passwordWeakness } from '@chaping/domain';

import type { SignedInActor } from '../../common/actor/actor';
import { CLOCK, type Clock } from '../../common/clock';
import { TooManyAttemptsError, UnauthenticatedError, WeakPasswordError } from '../../common/errors/app-errors';
import type { MeDto } from '../dto/auth.dto';
import { UserRepository } from '../user.repository';
import { LoginAttemptRepository } from './login-attempt.repository';
import { throttleVerdict } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { SessionStore } from './session.store';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The session that asks: it stays, every other one ends. */
  token: string;
  ip: string;
}

export interface Client {
  ip: string;
  userAgent: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionStore,
    private readonly attempts: LoginAttemptRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Checks the password (argon2id) and opens a session. Every attempt that tests a password is
   * recorded; one that the throttle turns away (see login-throttle.ts) tests nothing and is a 429.
   * A disabled account is told so only after its right password.
   */
  async login(username: string, password: string, client: Client): Promise<{ token: string; me: MeDto }> {
    const now = this.clock.now();
    // The attempt is written in the transaction: refusals are thrown after it commits.
    const user = await this.dataSource.transaction((manager) =>
      this.checkPassword(manager, { username, ip: client.ip, now }, async () => {
        const found = await this.users.credentialsByUsername(manager, username);
        return (await verifyPassword(found?.password_hash, password)) ? found : null;
      }),
    );
    if (!user) throw new UnauthenticatedError('bad_credentials');
    if (user.disabled_at) throw new UnauthenticatedError('account_disabled');
    const userId = user.id;
    const { token } = await this.sessions.create(this.dataSource.manager, userId, now, client);
    return { token, me: await this.me(userId) };
  }

  /**
   * Runs `verify` under the throttle for (username, address): refused with a 429 before it runs
   * when the counters say wait; its result recorded as an attempt. Attempts on one username run
   * one at a time (an advisory lock held to the end of the transaction).
   */
  private async checkPassword<T>(
    manager: EntityManager,
    attempt: { username: string; ip: string; now: Date },
    verify: () => Promise<T | null>,
  ): Promise<T | null> {
    await this.attempts.lockUsername(manager, attempt.username);
    const verdict = throttleVerdict(
      await this.attempts.stats(manager, attempt.username, attempt.ip, attempt.now),
      attempt.now,
    );
    if (!verdict.allowed) throw new TooManyAttemptsError(verdict.reason, verdict.retryAfterSeconds);
    const result = await verify();
    await this.attempts.record(manager, {
      username: attempt.username,
      ip: attempt.ip,
      at: attempt.now,
      succeeded: result !== null,
    });
    return result;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.revoke(this.dataSource.manager, token, this.clock.now());
  }

  async me(userId: string): Promise<MeDto> {
    const profile = await this.users.profile(userId);
    if (!profile) throw new UnauthenticatedError('session_expired');
    return profile;
  }

  /**
   * A new password ends every other session of the user. A wrong current password counts as a
   * failed sign-in of the account from this address, and is throttled like one.
   */
  async changePassword(actor: SignedInActor, change: PasswordChange): Promise<void> {
    const now = this.clock.now();
    const row = await this.users.credentialsById(actor.id);
    if (!row) throw new UnauthenticatedError('session_expired');
    const username = await this.dataSource.transaction((manager) =>
      this.checkPassword(manager, { username: row.username, ip: change.ip, now }, async () =>
        (await verifyPassword(row.password_hash, change.currentPassword)) ? row.username : null,
      ),
    );
    if (!username) throw new WeakPasswordError('wrong_current_password');
    const weakness = passwordWeakness(change.newPassword, username);
    if (weakness) throw new WeakPasswordError(weakness);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(manager, {
        userId: actor.id,
        passwordHash: await hashPassword(change.newPassword),
        at: now,
      });
      await this.sessions.revokeOthers(manager, actor.id, change.token, now);
    });
  }
}
