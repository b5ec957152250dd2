import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Platform, Rating } from '@chaping/domain';

export type ReviewPlatformState = 'active' | 'revised' | 'deleted';

/** A review as the platform shows it; identified by (platform, platform review id). */
@Entity({ name: 'review' })
export class ReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;

  @Column({ type: 'text' })
  platform!: Platform;

  @Column({ name: 'platform_review_id', type: 'text' })
  platformReviewId!: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId!: string | null;

  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId!: string;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId!: string | null;

  @Column({ type: 'text' })
  rating!: Rating;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'reviewed_at', type: 'timestamptz' })
  reviewedAt!: Date;

  @Column({ name: 'follow_up_text', type: 'text', nullable: true })
  followUpText!: string | null;

  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true })
  followUpAt!: Date | null;

  /** The rating the platform shows now (buyers revise); `rating` stays the one the case was opened for. */
  @Column({ name: 'current_rating', type: 'text' })
  currentRating!: Rating | 'positive';

  @Column({ name: 'seller_reply', type: 'text', nullable: true })
  sellerReply!: string | null;

  @Column({ name: 'platform_updated_at', type: 'timestamptz', nullable: true })
  platformUpdatedAt!: Date | null;

  @Column({ name: 'platform_state', type: 'text', default: 'active' })
  platformState!: ReviewPlatformState;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
