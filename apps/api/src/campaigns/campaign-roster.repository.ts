import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { PlannedShift } from '@chaping/domain';

export interface AdoptedShiftRow {
  id: string;
  campaign_id: string;
  user_id: string;
  display_name: string;
  starts_at: Date;
  ends_at: Date;
  adopted_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
}

const SHIFT_SQL = `
  SELECT s.id, s.campaign_id, s.user_id, u.display_name, s.starts_at, s.ends_at, s.adopted_at, s.started_at,
         s.ended_at
    FROM campaign_roster_shift s JOIN app_user u ON u.id = s.user_id`;

/** The rosters leads adopted, and the on-shift changes they make (AdoptCampaignRosters). */
@Injectable()
export class CampaignRosterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises adoptions of one campaign: the second sees the first's shifts before replacing them. */
  async lockCampaign(manager: EntityManager, campaignId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM campaign WHERE id = $1 FOR UPDATE`, [campaignId]);
  }

  async shifts(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<AdoptedShiftRow[]> {
    return manager.query(`${SHIFT_SQL} WHERE s.campaign_id = $1 ORDER BY s.starts_at, u.display_name, s.id`, [
      campaignId,
    ]);
  }

  async replace(
    manager: EntityManager,
    change: { campaignId: string; dropIds: readonly string[]; add: readonly PlannedShift[]; by: string; at: Date },
  ): Promise<void> {
    await manager.query(`DELETE FROM campaign_roster_shift WHERE id = ANY($1::uuid[]) AND started_at IS NULL`, [
      change.dropIds,
    ]);
    await manager.query(
      `INSERT INTO campaign_roster_shift (campaign_id, user_id, starts_at, ends_at, adopted_by, adopted_at)
       SELECT $1, shift.user_id, shift.starts_at, shift.ends_at, $2, $3
         FROM unnest($4::uuid[], $5::timestamptz[], $6::timestamptz[]) AS shift(user_id, starts_at, ends_at)
       ON CONFLICT (campaign_id, user_id, starts_at) DO NOTHING`,
      [
        change.campaignId,
        change.by,
        change.at,
        change.add.map((shift) => shift.userId),
        change.add.map((shift) => shift.start),
        change.add.map((shift) => shift.end),
      ],
    );
  }

  /** Every shift not yet closed that has begun, locked for the job that applies them. */
  async begunOpenShifts(manager: EntityManager, now: Date): Promise<AdoptedShiftRow[]> {
    return manager.query(`${SHIFT_SQL} WHERE s.ended_at IS NULL AND s.starts_at <= $1 FOR UPDATE OF s`, [now]);
  }

  /**
   * Records starts and ends as applied, then moves agents on or off shift. A start is applied only to an agent who
   * still works the campaign's shop and is not disabled: one removed from the shop after the roster was adopted is
   * neither put on shift (the start stays unapplied, tried again each run while the shift lasts) nor, at its end,
   * taken off shift from work they do for another shop.
   */
  async applyTransitions(
    manager: EntityManager,
    change: { startedIds: readonly string[]; endedIds: readonly string[]; offUserIds: readonly string[]; at: Date },
  ): Promise<{ on: number; off: number }> {
    // UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [started] = (await manager.query(
      `UPDATE campaign_roster_shift s SET started_at = $2
         FROM campaign c, app_user u
        WHERE s.id = ANY($1::uuid[]) AND c.id = s.campaign_id AND u.id = s.user_id AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM user_shop us WHERE us.user_id = u.id AND us.shop_id = c.shop_id)
       RETURNING s.user_id`,
      [change.startedIds, change.at],
    )) as [Array<{ user_id: string }>, number];
    await manager.query(`UPDATE campaign_roster_shift SET ended_at = $2 WHERE id = ANY($1::uuid[])`, [
      change.endedIds,
      change.at,
    ]);
    const [, on] = (await manager.query(
      `UPDATE app_user SET on_shift = true WHERE id = ANY($1::uuid[]) AND NOT on_shift RETURNING id`,
      [started.map((row) => row.user_id)],
    )) as [unknown[], number];
    const [, off] = (await manager.query(
      `UPDATE app_user SET on_shift = false WHERE id = ANY($1::uuid[]) AND on_shift RETURNING id`,
      [change.offUserIds],
    )) as [unknown[], number];
    return { on, off };
  }
}
