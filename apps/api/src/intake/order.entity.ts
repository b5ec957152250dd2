import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'trade_order' })
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shop_id', type: 'uuid' })
  shopId!: string;

  @Column({ name: 'platform_order_id', type: 'text' })
  platformOrderId!: string;

  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId!: string;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId!: string | null;

  /** The variant the buyer chose, e.g. "白色 500ml". */
  @Column({ name: 'sku_name', type: 'text', nullable: true })
  skuName!: string | null;

  @Column({ name: 'ordered_at', type: 'timestamptz', nullable: true })
  orderedAt!: Date | null;

  @Column({ name: 'amount_fen', type: 'integer', nullable: true })
  amountFen!: number | null;
}
