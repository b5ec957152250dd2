import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { ScriptTemplate } from '@chaping/domain';

/** A saved version and who saved it, for which level, when and why. */
export interface SavedVersionRecord {
  version: number;
  shop_id: string | null;
  name: string | null;
  created_at: Date;
  note: string;
}

export interface NewScriptVersion {
  template: ScriptTemplate;
  createdBy: string;
  createdAt: Date;
  note: string;
  /** Null for the organisation's library. */
  shopId: string | null;
}

/** Saved call-script versions (`script_template`): the organisation's library and each shop's. */
@Injectable()
export class ScriptTemplateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The saved versions a shop sees (null: the organisation's only), with where each was saved. */
  savedFor(shopId: string | null): Promise<Array<{ template: ScriptTemplate; shop_id: string | null }>> {
    return this.dataSource.query(
      `SELECT template, shop_id FROM script_template WHERE shop_id IS NULL OR shop_id = $1 ORDER BY id, version`,
      [shopId],
    );
  }

  /** Who saved each version of a template that the shop can read (null: the organisation's). */
  records(id: string, shopId: string | null): Promise<SavedVersionRecord[]> {
    return this.dataSource.query(
      `SELECT s.version, s.shop_id, u.display_name AS name, s.created_at, s.note
           FROM script_template s LEFT JOIN app_user u ON u.id = s.created_by
          WHERE s.id = $1 AND (s.shop_id IS NULL OR s.shop_id = $2)`,
      [id, shopId],
    );
  }

  /** The highest version of the template saved at any level, 0 if none. */
  async highestVersion(id: string): Promise<number> {
    const [highest]: Array<{ version: number }> = await this.dataSource.query(
      `SELECT COALESCE(max(version), 0) AS version FROM script_template WHERE id = $1`,
      [id],
    );
    return highest?.version ?? 0;
  }

  /** False when the version number was taken meanwhile (two leads saving at once). */
  async insert(version: NewScriptVersion): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO script_template (id, version, template, created_by, created_at, note, shop_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [
        version.template.id,
        version.template.version,
        JSON.stringify(version.template),
        version.createdBy,
        version.createdAt,
        version.note,
        version.shopId,
      ],
    );
    return inserted.length > 0;
  }
}
