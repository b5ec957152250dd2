import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Platform } from '@chaping/domain';

/** A buyer as one shop knows them. Phone, address and real name are personal data (PIPL). */
@Entity({ name: 'buyer' })
export class BuyerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;

  @Column({ type: 'text' })
  platform!: Platform;

  @Column({ name: 'platform_buyer_id', type: 'text' })
  platformBuyerId!: string;

  @Column({ type: 'text' })
  nickname!: string;

  @Column({ name: 'real_name', type: 'text', nullable: true })
  realName!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ name: 'time_zone', type: 'text', default: 'Asia/Shanghai' })
  timeZone!: string;

  @Column({ name: 'do_not_contact', type: 'boolean', default: false })
  doNotContact!: boolean;

  @Column({ name: 'do_not_contact_at', type: 'timestamptz', nullable: true })
  doNotContactAt!: Date | null;

  /** Set when the retention job erased phone, address and name. */
  @Column({ name: 'personal_data_purged_at', type: 'timestamptz', nullable: true })
  personalDataPurgedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
