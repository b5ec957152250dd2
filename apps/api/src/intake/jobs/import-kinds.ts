import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { CareOrderImporter } from '../../care/care-order-importer';
import { PolicyService } from '../../cases/policy.service';
import { mapOrderColumns, orderRowToRaw } from '../incoming/incoming-order';
import type { RawValue } from '../incoming/incoming-review';
import { mapColumns, rowToRaw } from '../incoming/table-columns';
import type { ShopRef } from '../intake-input';
import { ReviewImporter, type BatchOutcome } from '../review-importer';

/** What an uploaded file holds: review exports open cases, order exports feed care follow-ups. */
export const IMPORT_KINDS = ['reviews', 'care_orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface KindColumns {
  readonly missing: readonly string[];
  readonly ignored: readonly string[];
  toRaw(cells: readonly RawValue[]): Record<string, RawValue>;
}

/** One kind of file: how its header maps to fields, and how a batch of its rows is written. */
export interface TableImport {
  columns(headers: readonly string[]): KindColumns;
  importRows(
    manager: EntityManager,
    shop: ShopRef,
    rows: ReadonlyArray<{ rowNumber: number; raw: Record<string, RawValue> }>,
    context: { now: Date; source: string },
  ): Promise<BatchOutcome>;
}

/** The same upload, limits, progress, resume and rejections for every kind of file; only the rows differ. */
@Injectable()
export class ImportKinds {
  private readonly kinds: Record<ImportKind, TableImport>;

  constructor(reviews: ReviewImporter, careOrders: CareOrderImporter, policies: PolicyService) {
    this.kinds = {
      reviews: {
        columns: (headers) => {
          const columns = mapColumns(headers);
          return { ...columns, toRaw: (cells) => rowToRaw(cells, columns) };
        },
        importRows: (manager, shop, rows, { now, source }) =>
          reviews.importRows(manager, { shop, rows, policy: policies.forShop(shop.id), now, source }),
      },
      care_orders: {
        columns: (headers) => {
          const columns = mapOrderColumns(headers);
          return { ...columns, toRaw: (cells) => orderRowToRaw(cells, columns) };
        },
        importRows: (manager, shop, rows) => careOrders.importRows(manager, shop, rows),
      },
    };
  }

  of(kind: ImportKind): TableImport {
    return this.kinds[kind];
  }
}
