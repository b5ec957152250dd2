import { Column, Entity } from 'typeorm';

import type { ContactChannel, ContactOutcome } from '@chaping/domain';

import { CaseChildEntity } from '../cases/case-child.entity';

@Entity({ name: 'contact_attempt' })
export class ContactAttemptEntity extends CaseChildEntity {
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
