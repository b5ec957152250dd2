import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Role } from '@chaping/domain';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'on_shift', type: 'boolean', default: true })
  onShift!: boolean;

  /** argon2id; null for a user who has not been given a password (cannot sign in). */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash?: string | null;

  /** Failed sign-ins before this time no longer count (a lead or admin unlocked the account). */
  @Column({ name: 'login_reset_at', type: 'timestamptz', nullable: true })
  loginResetAt!: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'user_shop' })
export class UserShopEntity {
  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId!: string;

  @Column({ name: 'shop_id', type: 'uuid', primary: true })
  shopId!: string;
}
