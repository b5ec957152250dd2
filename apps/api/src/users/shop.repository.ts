import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { Platform } from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import type { ShopDto } from './dto/shop.dto';

/** The shops (`shop`). */
@Injectable()
export class ShopRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The shops the actor works (admins: every shop), by name. */
  listFor(actor: SignedInActor): Promise<ShopDto[]> {
    return this.dataSource.query(
      `SELECT s.id, s.name, s.platform FROM shop s
        WHERE $2 = 'admin' OR s.id IN (SELECT shop_id FROM user_shop WHERE user_id = $1)
        ORDER BY s.name, s.id`,
      [actor.id, actor.role],
    );
  }

  async exists(manager: EntityManager, shopId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM shop WHERE id = $1`, [shopId]);
    return rows.length > 0;
  }

  async insert(shop: { platform: Platform; name: string; platformShopId: string }): Promise<ShopDto> {
    const [created]: ShopDto[] = await this.dataSource.query(
      `INSERT INTO shop (platform, name, platform_shop_id) VALUES ($1, $2, $3) RETURNING id, name, platform`,
      [shop.platform, shop.name, shop.platformShopId],
    );
    if (!created) throw new Error('INSERT returned no row');
    return created;
  }
}
