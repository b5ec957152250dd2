import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { CaseReleaseService } from '../cases/case-release.service';
import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, RequestedConflictError } from '../common/errors/app-errors';
import { SessionStore } from './auth/session.store';
import { UserRepository } from './user.repository';

/**
 * What admins (and, for unlocking, leads) do to an account's access: disable and enable it, end
 * its sessions, clear its sign-in throttle. Disabling ends every session at once and sends the
 * agent's open cases back to their shops' pool.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionStore,
    private readonly release: CaseReleaseService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async disable(actor: SignedInActor, userId: string): Promise<void> {
    if (userId === actor.id) throw new RequestedConflictError('user.cannot_disable_self');
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.users.disable(manager, userId, now))) throw new NotFoundError('user.not_found', userId);
      await this.sessions.revokeAll(manager, userId, now);
    });
    await this.release.returnToPool(actor, userId, []);
  }

  async enable(userId: string): Promise<void> {
    if (!(await this.users.enable(userId))) throw new NotFoundError('user.not_found', userId);
  }

  /** Signs the user out everywhere; answers how many sessions ended. */
  async endSessions(userId: string): Promise<number> {
    await this.mustExist(userId);
    return this.sessions.revokeAll(this.dataSource.manager, userId, this.clock.now());
  }

  /**
   * Clears the sign-in throttle of an account: failures before now stop counting. A lead may do it
   * for the users of their shops only (any other is a 404, as if it did not exist).
   */
  async unlock(actor: SignedInActor, userId: string): Promise<void> {
    const shopIds = actor.role === 'admin' ? null : [...actor.shopIds];
    const found = await this.users.resetSignInFailures({ userId, at: this.clock.now(), shops: shopIds });
    if (!found) throw new NotFoundError('user.not_found', userId);
  }

  private async mustExist(userId: string): Promise<void> {
    if (!(await this.users.exists(userId))) throw new NotFoundError('user.not_found', userId);
  }
}
