import type { RemedyStatus, RemedyType } from '@chaping/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'remedy' })
export class RemedyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;

  @Column({ type: 'text' })
  type!: RemedyType;

  @Column({ type: 'text' })
  status!: RemedyStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
