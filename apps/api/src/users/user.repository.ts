import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { MeDto } from './dto/auth.dto';
import type { UserDto } from './dto/user.dto';

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

/** Only users of these shops; null: everyone (an admin's view). */
type ShopScope = string[] | null;

/** What checking a password needs to know of an account. */
export interface Credentials {
  id: string;
  username: string;
  password_hash: string | null;
  disabled_at: Date | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: UserDto['role'];
  passwordHash: string;
}

/** Accounts (`app_user`) and the shops each works (`user_shop`). */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(shops: ShopScope): Promise<UserDto[]> {
    const rows: UserRow[] = await this.dataSource.query(
      `${USER_SQL}
        WHERE $1::uuid[] IS NULL
           OR EXISTS (SELECT 1 FROM user_shop us WHERE us.user_id = u.id AND us.shop_id = ANY($1::uuid[]))
        ORDER BY u.role, u.username`,
      [shops],
    );
    return rows.map(toDto);
  }

  async find(manager: EntityManager, id: string): Promise<UserDto | null> {
    const rows: UserRow[] = await manager.query(`${USER_SQL} WHERE u.id = $1`, [id]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM app_user WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM app_user WHERE username = $1`, [username]);
    return rows.length > 0;
  }

  /** A new account, on shift; answers its id. */
  async insert(manager: EntityManager, user: NewUser): Promise<string> {
    const [created] = await manager.query(
      `INSERT INTO app_user (username, display_name, role, password_hash, on_shift) VALUES ($1, $2, $3, $4, true)
       RETURNING id`,
      [user.username, user.displayName, user.role, user.passwordHash],
    );
    return (created as { id: string }).id;
  }

  /** The first of `shopIds` that is no shop, or null when all are. */
  async unknownShop(manager: EntityManager, shopIds: string[]): Promise<string | null> {
    const known: Array<{ id: string }> = await manager.query(`SELECT id FROM shop WHERE id = ANY($1::uuid[])`, [
      shopIds,
    ]);
    return shopIds.find((shopId) => !known.some((shop) => shop.id === shopId)) ?? null;
  }

  /** Replaces the shops the user works. */
  async setShops(manager: EntityManager, userId: string, shopIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM user_shop WHERE user_id = $1`, [userId]);
    await manager.query(
      `INSERT INTO user_shop (user_id, shop_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [userId, shopIds],
    );
  }

  /** Disables the account from `at` (an earlier disabling stands); false when there is no such user. */
  async disable(manager: EntityManager, userId: string, at: Date): Promise<boolean> {
    const [, found]: [unknown[], number] = await manager.query(
      `UPDATE app_user SET disabled_at = COALESCE(disabled_at, $2) WHERE id = $1`,
      [userId, at],
    );
    return found > 0;
  }

  /** Puts the account on or off shift; false when there is no such user. */
  async setOnShift(userId: string, onShift: boolean): Promise<boolean> {
    const [, found]: [unknown[], number] = await this.dataSource.query(
      `UPDATE app_user SET on_shift = $2 WHERE id = $1`,
      [userId, onShift],
    );
    return found > 0;
  }

  async enable(userId: string): Promise<boolean> {
    const [, found]: [unknown[], number] = await this.dataSource.query(
      `UPDATE app_user SET disabled_at = NULL WHERE id = $1`,
      [userId],
    );
    return found > 0;
  }

  /** Failed sign-ins before `at` stop counting; false when no such user is in `shops`. */
  async resetSignInFailures(reset: { userId: string; at: Date; shops: ShopScope }): Promise<boolean> {
    const [, found]: [unknown[], number] = await this.dataSource.query(
      `UPDATE app_user u SET login_reset_at = $2 WHERE u.id = $1
          AND ($3::uuid[] IS NULL
               OR EXISTS (SELECT 1 FROM user_shop us WHERE us.user_id = u.id AND us.shop_id = ANY($3::uuid[])))`,
      [reset.userId, reset.at, reset.shops],
    );
    return found > 0;
  }

  async credentialsByUsername(manager: EntityManager, username: string): Promise<Credentials | null> {
    const rows: Credentials[] = await manager.query(
      `SELECT id, username, password_hash, disabled_at FROM app_user WHERE username = $1`,
      [username],
    );
    return rows[0] ?? null;
  }

  async credentialsById(id: string): Promise<Credentials | null> {
    const rows: Credentials[] = await this.dataSource.query(
      `SELECT id, username, password_hash, disabled_at FROM app_user WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The signed-in user as the web needs them: who they are and the shops they work. */
  async profile(id: string): Promise<MeDto | null> {
    const rows: Array<{
      id: string;
      username: string;
      display_name: string;
      role: MeDto['role'];
      on_shift: boolean;
      shop_ids: string[];
    }> = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.on_shift,
                COALESCE(array_agg(us.shop_id ORDER BY us.shop_id) FILTER (WHERE us.shop_id IS NOT NULL), '{}') AS shop_ids
         FROM app_user u LEFT JOIN user_shop us ON us.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
      [id],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          username: row.username,
          displayName: row.display_name,
          role: row.role,
          onShift: row.on_shift,
          shopIds: row.shop_ids,
        }
      : null;
  }

  async setPassword(manager: EntityManager, change: { userId: string; passwordHash: string; at: Date }): Promise<void> {
    await manager.query(`UPDATE app_user SET password_hash = $2, password_changed_at = $3 WHERE id = $1`, [
      change.userId,
      change.passwordHash,
      change.at,
    ]);
  }
}
