import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { PolicyService } from '../cases/policy.service';
import { validateIncomingOrder, type RawOrder } from '../intake/incoming/incoming-order';
import type { ShopRef } from '../intake/intake-input';
import { emptyOutcome, type BatchOutcome } from '../intake/review-importer';
import { CareRepository, type CareOrderInput } from './care.repository';

/**
 * Writes rows of an order file for care, in the caller's transaction: a new delivered order is
 * imported, a known one with a changed delivery is updated, an unchanged one is a duplicate, and
 * an order not yet delivered (no sign-for time) is skipped until a later export brings its delivery.
 */
@Injectable()
export class CareOrderImporter {
  constructor(
    private readonly care: CareRepository,
    private readonly policies: PolicyService,
  ) {}

  async importRows(
    manager: EntityManager,
    shop: ShopRef,
    rows: ReadonlyArray<{ rowNumber: number; raw: RawOrder }>,
  ): Promise<BatchOutcome> {
    const outcome = emptyOutcome();
    outcome.rowsRead = rows.length;
    const delivered: CareOrderInput[] = [];
    for (const row of rows) {
      const validated = validateIncomingOrder(row.raw);
      if (!validated.ok) {
        outcome.rejected += 1;
        outcome.rejections.push(
          ...validated.rejections.map((rejection) => ({ ...rejection, rowNumber: row.rowNumber })),
        );
        continue;
      }
      const { order } = validated;
      if (!order.deliveredAt) {
        outcome.skipped += 1;
        continue;
      }
      delivered.push({
        orderId: order.platformOrderId,
        buyerId: order.buyerPlatformId,
        buyerNickname: order.buyerNickname,
        productId: order.platformProductId,
        productTitle: order.productTitle,
        skuName: order.skuName,
        amountFen: order.orderAmountFen,
        orderedAt: order.orderedAt,
        deliveredAt: order.deliveredAt,
        promisedBy: order.promisedBy,
      });
    }
    if (delivered.length > 0) {
      const timeZone = this.policies.forShop(shop.id).contact.defaultBuyerTimeZone;
      const written = await this.care.upsertOrders(manager, shop, delivered, timeZone);
      outcome.imported = written.imported;
      outcome.updated = written.updated;
      outcome.duplicates = delivered.length - written.imported - written.updated;
    }
    return outcome;
  }
}
