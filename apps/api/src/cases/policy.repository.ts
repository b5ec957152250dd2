import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { Policy, PolicyOverride } from '@chaping/domain';

/** The latest saved value of every level: the organisation's (shop null) and each shop's override. */
export interface SavedPolicyLevels {
  /** The highest change id: a reader compares it to know whether anything changed since it last read. */
  version: string;
  organisation: Partial<Policy> | null;
  shops: Map<string, PolicyOverride>;
}

export interface PolicyChangeRow {
  id: string;
  shop_id: string | null;
  policy: Partial<Policy> | PolicyOverride;
  changed_by: string;
  name: string | null;
  changed_at: Date;
  note: string;
}

export interface NewPolicyChange {
  /** Null for the organisation's default. */
  shopId: string | null;
  policy: Partial<Policy> | PolicyOverride;
  changedBy: string;
  changedAt: Date;
  note: string;
}

/** The audited history of every policy level; the latest row of a level is the one in force. */
@Injectable()
export class PolicyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async version(): Promise<string> {
    const [row]: Array<{ version: string }> = await this.dataSource.query(
      `SELECT COALESCE(max(id), 0)::text AS version FROM policy_change`,
    );
    return row?.version ?? '0';
  }

  async latest(): Promise<SavedPolicyLevels> {
    const rows: Array<{ shop_id: string | null; policy: Partial<Policy>; version: string }> =
      await this.dataSource.query(
        `SELECT DISTINCT ON (shop_id) shop_id, policy, (SELECT max(id) FROM policy_change)::text AS version
           FROM policy_change ORDER BY shop_id, id DESC`,
      );
    const shops = new Map<string, PolicyOverride>();
    let organisation: Partial<Policy> | null = null;
    for (const row of rows) {
      if (row.shop_id === null) organisation = row.policy;
      else shops.set(row.shop_id, row.policy as PolicyOverride);
    }
    return { version: rows[0]?.version ?? '0', organisation, shops };
  }

  async add(change: NewPolicyChange): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO policy_change (shop_id, policy, changed_by, changed_at, note) VALUES ($1, $2, $3, $4, $5)`,
      [change.shopId, JSON.stringify(change.policy), change.changedBy, change.changedAt, change.note],
    );
  }

  async history(shopId: string | null, limit: number): Promise<PolicyChangeRow[]> {
    return this.dataSource.query(
      `SELECT p.id::text AS id, p.shop_id, p.policy, p.changed_by, u.display_name AS name, p.changed_at, p.note
         FROM policy_change p LEFT JOIN app_user u ON u.id = p.changed_by
        WHERE p.shop_id IS NOT DISTINCT FROM $1
        ORDER BY p.id DESC LIMIT $2`,
      [shopId, limit],
    );
  }

  async shopNames(): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(`SELECT id, name FROM shop`);
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
