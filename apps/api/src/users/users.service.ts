import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { passwordWeakness } from '@chaping/domain';

import { CaseReleaseService } from '../cases/case-release.service';
import type { SignedInActor } from '../common/actor/actor';
import { NotFoundError, RequestedConflictError, WeakPasswordError } from '../common/errors/app-errors';
import { hashPassword } from './auth/passwords';
import type { CreateUserDto, UserDto } from './dto/user.dto';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: UserDto['role'];
  on_shift: boolean;
  shop_ids: string[];
  disabled_at: Date | null;
}

const toDto = (row: UserRow): UserDto => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  onShift: row.on_shift,
  shopIds: row.shop_ids,
  disabledAt: row.disabled_at?.toISOString() ?? null,
});

const USER_SQL = `SELECT u.id, u.username, u.display_name, u.role, u.on_shift, u.disabled_at,
       ARRAY(SELECT us.shop_id FROM user_shop us WHERE us.user_id = u.id ORDER BY us.shop_id) AS shop_ids
  FROM app_user u`;

/** Accounts, managed by admins: who exists, with which role, working which shops. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly release: CaseReleaseService,
  ) {}

  /**
   * The accounts the actor may see: admins every one; a lead those who work at least one of the
   * lead's shops (to reassign cases there), so a lead learns nothing of the other shops' staff.
   */
  async list(actor: SignedInActor): Promise<UserDto[]> {
    const shopIds = actor.role === 'admin' ? null : [...actor.shopIds];
    const rows: UserRow[] = await this.dataSource.query(
      `${USER_SQL}
        WHERE $1::uuid[] IS NULL
           OR EXISTS (SELECT 1 FROM user_shop us WHERE us.user_id = u.id AND us.shop_id = ANY($1::uuid[]))
        ORDER BY u.role, u.username`,
      [shopIds],
    );
    return rows.map(toDto);
  }

  async create(dto: CreateUserDto): Promise<UserDto> {
    const weakness = passwordWeakness(dto.password, dto.username);
    if (weakness) throw new WeakPasswordError(weakness);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const taken: unknown[] = await manager.query(`SELECT 1 FROM app_user WHERE username = $1`, [dto.username]);
      if (taken.length > 0) throw new RequestedConflictError('user.username_taken');
      const [created] = await manager.query(
        `INSERT INTO app_user (username, display_name, role, password_hash, on_shift) VALUES ($1, $2, $3, $4, true)
         RETURNING id`,
        [dto.username, dto.displayName.trim(), dto.role, passwordHash],
      );
      const id = (created as { id: string }).id;
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

  private async setShops(manager: EntityManager, userId: string, shopIds: string[]): Promise<void> {
    const known: Array<{ id: string }> = await manager.query(`SELECT id FROM shop WHERE id = ANY($1::uuid[])`, [
      shopIds,
    ]);
    const missing = shopIds.find((shopId) => !known.some((shop) => shop.id === shopId));
    if (missing) throw new NotFoundError('shop.not_found', missing);
    await manager.query(`DELETE FROM user_shop WHERE user_id = $1`, [userId]);
    await manager.query(
      `INSERT INTO user_shop (user_id, shop_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [userId, shopIds],
    );
  }

  private async one(manager: EntityManager, id: string): Promise<UserDto> {
    const rows: UserRow[] = await manager.query(`${USER_SQL} WHERE u.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new NotFoundError('user.not_found', id);
    return toDto(row);
  }
}
