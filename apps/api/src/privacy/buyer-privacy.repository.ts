import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The buyers' personal data as retention sees it. */
@Injectable()
export class BuyerPrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Erases phone, address and real name of buyers whose cases are all closed, the last one before
   * `closedBefore`; answers how many buyers were erased.
   */
  async erasePersonalData(purge: { closedBefore: Date; at: Date }): Promise<number> {
    const [, erased]: [unknown[], number] = await this.dataSource.query(
      `UPDATE buyer b SET phone = NULL, address = NULL, real_name = NULL, personal_data_purged_at = $2
        WHERE (b.phone IS NOT NULL OR b.address IS NOT NULL OR b.real_name IS NOT NULL)
          AND EXISTS (SELECT 1 FROM support_case c WHERE c.buyer_id = b.id)
          AND NOT EXISTS (SELECT 1 FROM support_case c WHERE c.buyer_id = b.id
                           AND (c.stage <> 'recorded' OR c.closed_at >= $1))`,
      [purge.closedBefore, purge.at],
    );
    return erased;
  }
}
