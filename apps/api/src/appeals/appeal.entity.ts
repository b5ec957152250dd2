import { Column, Entity } from 'typeorm';

import type { AppealResult, MaliciousKind } from '@chaping/domain';

import { CaseChildEntity } from '../cases/case-child.entity';

@Entity({ name: 'appeal' })
export class AppealEntity extends CaseChildEntity {
  @Column({ type: 'text' })
  kind!: MaliciousKind;

  @Column({ name: 'evidence_refs', type: 'text', array: true })
  evidenceRefs!: string[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt!: Date;

  @Column({ type: 'text', nullable: true })
  result!: AppealResult | null;

  @Column({ name: 'result_note', type: 'text', nullable: true })
  resultNote!: string | null;

  @Column({ name: 'result_at', type: 'timestamptz', nullable: true })
  resultAt!: Date | null;
}
