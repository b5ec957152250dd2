import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { EventData } from '@chaping/domain';

/** One check-off ticked or unticked by hand on one version of a case's script. */
export interface ScriptTickChange {
  caseId: string;
  shopId: string;
  caseVersion: number;
  scriptId: string;
  scriptVersion: number;
  checkId: string;
  ticked: boolean;
  actorId: string;
  at: Date;
  /** What the history shows for it. */
  event: EventData;
}

/** The hand's ticks on case scripts; each change is written with its history event. */
@Injectable()
export class ScriptTickRepository {
  async ticked(manager: EntityManager, caseId: string, scriptId: string, scriptVersion: number): Promise<string[]> {
    const rows: Array<{ check_id: string }> = await manager.query(
      `SELECT check_id FROM case_script_tick
        WHERE case_id = $1 AND script_id = $2 AND script_version = $3 ORDER BY ticked_at, check_id`,
      [caseId, scriptId, scriptVersion],
    );
    return rows.map((row) => row.check_id);
  }

  /** Applies the change; false (and no event) when the check-off already was as asked. */
  async change(manager: EntityManager, change: ScriptTickChange): Promise<boolean> {
    const key = [change.caseId, change.scriptId, change.scriptVersion, change.checkId];
    // DELETE … RETURNING answers [rows, count] through TypeORM; INSERT … RETURNING the rows.
    const changed = change.ticked
      ? (
          (await manager.query(
            `INSERT INTO case_script_tick (case_id, script_id, script_version, check_id, shop_id, ticked_by, ticked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING check_id`,
            [...key, change.shopId, change.actorId, change.at],
          )) as unknown[]
        ).length > 0
      : (
          (await manager.query(
            `DELETE FROM case_script_tick
            WHERE case_id = $1 AND script_id = $2 AND script_version = $3 AND check_id = $4 RETURNING check_id`,
            key,
          )) as [unknown[], number]
        )[1] > 0;
    if (!changed) return false;
    await manager.query(
      `INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
       VALUES ($1, $2, $3, 'script_check_ticked', $4, $5, $6)`,
      [change.caseId, change.shopId, change.caseVersion, change.actorId, change.at, JSON.stringify(change.event)],
    );
    return true;
  }
}
