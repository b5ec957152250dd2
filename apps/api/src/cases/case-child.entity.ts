import { Column, PrimaryColumn } from 'typeorm';

/** The columns every row that belongs to one case carries: its own id, its case and the case's shop. */
export abstract class CaseChildEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** Access control now, the shard key later. */
  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;
}
