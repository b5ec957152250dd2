import { Column, Entity } from 'typeorm';

import type { ReplyStatus, ReplyTarget } from '@chaping/domain';

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
}
