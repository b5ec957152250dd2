import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { CaseEventType, EventData } from '@chaping/domain';

/** Append-only: rows are inserted with the command that caused them and never updated. */
@Entity({ name: 'case_event' })
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;

  /** The case version this event's command produced. */
  @Column({ name: 'case_version', type: 'integer' })
  caseVersion!: number;

  @Column({ type: 'text' })
  type!: CaseEventType;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb' })
  data!: EventData;
}
