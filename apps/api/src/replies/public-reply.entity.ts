import type { ReplyStatus, ReplyTarget } from '@chaping/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'public_reply' })
export class PublicReplyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;

  @Column({ type: 'text' })
  target!: ReplyTarget;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  status!: ReplyStatus;

  @Column({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
