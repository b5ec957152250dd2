import type { ContactChannel, ContactOutcome } from '@chaping/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'contact_attempt' })
export class ContactAttemptEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;

  @Column({ type: 'text' })
  channel!: ContactChannel;

  @Column({ type: 'text' })
  outcome!: ContactOutcome;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;
}
