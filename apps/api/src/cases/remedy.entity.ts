import { Column, Entity } from 'typeorm';

import type { RemedyStatus, RemedyType } from '@chaping/domain';

import { CaseChildEntity } from './case-child.entity';

@Entity({ name: 'remedy' })
export class RemedyEntity extends CaseChildEntity {
  @Column({ type: 'text' })
  type!: RemedyType;

  @Column({ type: 'text' })
  status!: RemedyStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
