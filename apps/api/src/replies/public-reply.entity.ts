import { Column, Entity } from 'typeorm';

import type { PublicReply, ReplyDelivery, ReplyStatus, ReplyTarget } from '@chaping/domain';

import { CaseChildEntity } from '../cases/case-child.entity';

@Entity({ name: 'public_reply' })
export class PublicReplyEntity extends CaseChildEntity {
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

  @Column({ type: 'text', nullable: true })
  delivery!: ReplyDelivery | null;

  @Column({ type: 'jsonb', nullable: true })
  failure!: PublicReply['failure'];
}
