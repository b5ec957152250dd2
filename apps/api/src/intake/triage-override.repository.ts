import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface OverrideCount {
  field: string;
  from: string;
  to: string;
  count: number;
}

/** What agents corrected of triage's suggestions (`triage_overridden` events), for the lexicon's upkeep. */
@Injectable()
export class TriageOverrideRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Corrections by field and suggested → chosen value, most frequent first, in these shops (null: all). */
  async countsByChange(shopIds: readonly string[] | null): Promise<OverrideCount[]> {
    const rows: Array<{ field: string; from: string; to: string; count: string }> = await this.dataSource.query(
      `SELECT data->>'field' AS field, COALESCE(data->>'before', 'none') AS from, COALESCE(data->>'after', 'none') AS to,
              count(*) AS count
       FROM case_event WHERE type = 'triage_overridden' AND ($1::uuid[] IS NULL OR shop_id = ANY($1::uuid[]))
       GROUP BY 1, 2, 3 ORDER BY count(*) DESC, 1, 2, 3`,
      [shopIds],
    );
    return rows.map((row) => ({ field: row.field, from: row.from, to: row.to, count: Number(row.count) }));
  }

  /** How many cases triage read in these shops (null: all). */
  async triagedCases(shopIds: readonly string[] | null): Promise<number> {
    const rows: Array<{ triaged: string }> = await this.dataSource.query(
      `SELECT count(*) AS triaged FROM support_case
        WHERE triage IS NOT NULL AND ($1::uuid[] IS NULL OR shop_id = ANY($1::uuid[]))`,
      [shopIds],
    );
    return Number(rows[0]?.triaged ?? 0);
  }
}
