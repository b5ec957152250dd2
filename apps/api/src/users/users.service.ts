import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { passwordWeakness, shiftChangeRefusal } from '@chaping/domain';

import { CaseReleaseService } from '../cases/case-release.service';
import type { SignedInActor } from '../common/actor/actor';
import { NotFoundError, RefusedError, RequestedConflictError, WeakPasswordError } from '../common/errors/app-errors';
import { hashPassword } from './auth/passwords';
import type { CreateUserDto, UserDto } from './dto/user.dto';
import { UserRepository } from './user.repository';

/** Accounts, managed by admins: who exists, with which role, working which shops. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly release: CaseReleaseService,
  ) {}

  /**
   * The accounts the actor may see: admins every one; a lead those who work at least one of the
   * lead's shops (to reassign cases there), so a lead learns nothing of the other shops' staff.
   */
  list(actor: SignedInActor): Promise<UserDto[]> {
    return this.users.list(actor.role === 'admin' ? null : [...actor.shopIds]);
  }

  async create(dto: CreateUserDto): Promise<UserDto> {
    const weakness = passwordWeakness(dto.password, dto.username);
    if (weakness) throw new WeakPasswordError(weakness);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      if (await this.users.usernameTaken(manager, dto.username))
        throw new RequestedConflictError('user.username_taken');
      const id = await this.users.insert(manager, {
        username: dto.username,
        displayName: dto.displayName.trim(),
        role: dto.role,
        passwordHash,
      });
      await this.setShops(manager, id, dto.shopIds);
      return this.one(manager, id);
    });
  }

  /**
   * Sets the shops an account works. Access to a shop's cases ends with it (the domain's
   * canWorkCase asks on every request); the agent's open cases in the shops taken away go back to
   * those shops' pool, each with an event saying why.
   */
  async assignShops(actor: SignedInActor, userId: string, shopIds: string[]): Promise<UserDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.one(manager, userId);
      await this.setShops(manager, userId, shopIds);
    });
    await this.release.returnToPool(actor, userId, shopIds);
    return this.one(this.dataSource.manager, userId);
  }

  /**
   * Puts an agent on or off shift: the agent, a lead of one of their shops, or an admin (the
   * domain's shiftChangeRefusal, which the web's switch asks too). Cases the agent has stay theirs.
   */
  async setOnShift(actor: SignedInActor, userId: string, onShift: boolean): Promise<UserDto> {
    const target = await this.one(this.dataSource.manager, userId);
    const refused = shiftChangeRefusal(actor, target);
    if (refused) throw new RefusedError(refused);
    if (!(await this.users.setOnShift(userId, onShift))) throw new NotFoundError('user.not_found', userId);
    return this.one(this.dataSource.manager, userId);
  }

  private async setShops(manager: EntityManager, userId: string, shopIds: string[]): Promise<void> {
    const missing = await this.users.unknownShop(manager, shopIds);
    if (missing) throw new NotFoundError('shop.not_found', missing);
    await this.users.setShops(manager, userId, shopIds);
  }

  private async one(manager: EntityManager, id: string): Promise<UserDto> {
    const user = await this.users.find(manager, id);
    if (!user) throw new NotFoundError('user.not_found', id);
    return user;
  }
}
