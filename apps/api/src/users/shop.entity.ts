import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Platform } from '@chaping/domain';

@Entity({ name: 'shop' })
export class ShopEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  platform!: Platform;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'platform_shop_id', type: 'text' })
  platformShopId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
