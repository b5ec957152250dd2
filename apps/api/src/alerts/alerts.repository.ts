import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { AlertFact, AlertTrigger, Locale, RobotPlatform } from '@chaping/domain';

export interface RobotRow {
  id: string;
  shopId: string | null;
  name: string;
  platform: RobotPlatform;
  webhookSealed: string;
  webhookHost: string;
  secretSealed: string | null;
  locale: Locale;
  triggers: AlertTrigger[];
  approvalWaitMinutes: number;
  firstContactLeadMinutes: number;
  enabled: boolean;
  createdAt: Date;
  failures: number;
  lastSentAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export type NewRobot = Omit<RobotRow, 'id' | 'createdAt' | 'failures' | 'lastSentAt' | 'lastError' | 'lastErrorAt'> & {
  createdBy: string;
};

export interface PendingAlert {
  id: string;
  fact: AlertFact & { caseId?: string };
}

const ROBOT_COLUMNS = `id, shop_id AS "shopId", name, platform, webhook_sealed AS "webhookSealed",
  webhook_host AS "webhookHost", secret_sealed AS "secretSealed", locale, triggers,
  approval_wait_minutes AS "approvalWaitMinutes", first_contact_lead_minutes AS "firstContactLeadMinutes",
  enabled, created_at AS "createdAt", failures, last_sent_at AS "lastSentAt", last_error AS "lastError",
  last_error_at AS "lastErrorAt"`;

/** Shop columns every fact carries (its name and platform — never anything about the buyer). */
const SHOP_FACT = `'shopName', s.name, 'platform', s.platform`;

/** The robots, their outbox and the scans that fill it: all of the alerts module's SQL. */
@Injectable()
export class AlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(shopIds: string[] | 'all'): Promise<RobotRow[]> {
    return this.dataSource.query(
      `SELECT ${ROBOT_COLUMNS} FROM alert_robot
        WHERE $1::boolean OR shop_id = ANY($2::uuid[])
        ORDER BY created_at, id`,
      [shopIds === 'all', shopIds === 'all' ? [] : shopIds],
    );
  }

  async find(id: string): Promise<RobotRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${ROBOT_COLUMNS} FROM alert_robot WHERE id = $1`, [id]);
    return (row as RobotRow | undefined) ?? null;
  }

  async insert(robot: NewRobot): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO alert_robot (shop_id, name, platform, webhook_sealed, webhook_host, secret_sealed, locale, triggers,
                                approval_wait_minutes, first_contact_lead_minutes, enabled, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        robot.shopId,
        robot.name,
        robot.platform,
        robot.webhookSealed,
        robot.webhookHost,
        robot.secretSealed,
        robot.locale,
        robot.triggers,
        robot.approvalWaitMinutes,
        robot.firstContactLeadMinutes,
        robot.enabled,
        robot.createdBy,
      ],
    );
    return (row as { id: string }).id;
  }

  /** Changes what was given; a sealed value left null keeps the stored one (write-only fields). */
  async update(id: string, robot: Omit<NewRobot, 'createdBy' | 'shopId'>): Promise<void> {
    await this.dataSource.query(
      `UPDATE alert_robot SET name = $2, platform = $3, webhook_sealed = $4, webhook_host = $5,
              secret_sealed = $6, locale = $7, triggers = $8, approval_wait_minutes = $9,
              first_contact_lead_minutes = $10, enabled = $11, failures = 0, next_send_at = '-infinity'
        WHERE id = $1`,
      [
        id,
        robot.name,
        robot.platform,
        robot.webhookSealed,
        robot.webhookHost,
        robot.secretSealed,
        robot.locale,
        robot.triggers,
        robot.approvalWaitMinutes,
        robot.firstContactLeadMinutes,
        robot.enabled,
      ],
    );
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM alert_robot WHERE id = $1`, [id]);
  }

  async recordOutcome(manager: EntityManager, outcome: RobotOutcome): Promise<void> {
    if (outcome.ok) {
      await manager.query(
        `UPDATE alert_robot SET failures = 0, next_send_at = $2, last_sent_at = $3, last_error = NULL, last_error_at = NULL
          WHERE id = $1`,
        [outcome.robotId, outcome.nextSendAt, outcome.at],
      );
      return;
    }
    await manager.query(
      `UPDATE alert_robot SET failures = failures + 1, next_send_at = $2, last_error = $3, last_error_at = $4 WHERE id = $1`,
      [outcome.robotId, outcome.nextSendAt, outcome.reason, outcome.at],
    );
  }

  /**
   * Locks one robot that is due and has alerts waiting, skipping robots another instance holds:
   * its lock lasts while the message is sent, so no two instances send the same alerts.
   */
  async lockDueRobot(manager: EntityManager, now: Date): Promise<RobotRow | null> {
    const [row] = await manager.query(
      `SELECT ${ROBOT_COLUMNS} FROM alert_robot r
        WHERE enabled AND next_send_at <= $1
          AND EXISTS (SELECT 1 FROM alert_outbox o WHERE o.robot_id = r.id AND o.sent_at IS NULL)
        ORDER BY next_send_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return (row as RobotRow | undefined) ?? null;
  }

  async pending(manager: EntityManager, robotId: string, limit: number): Promise<PendingAlert[]> {
    return manager.query(
      `SELECT id, fact FROM alert_outbox WHERE robot_id = $1 AND sent_at IS NULL ORDER BY id LIMIT $2`,
      [robotId, limit],
    );
  }

  async markSent(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.query(`UPDATE alert_outbox SET sent_at = $2 WHERE id = ANY($1::bigint[])`, [ids, at]);
  }

  /** Queues a fact for every enabled robot of the shop (or of every shop) that wants it. */
  async queueForShop(input: { shopId: string; trigger: AlertTrigger; dedupeKey: string; fact: object; now: Date }) {
    await this.dataSource.query(
      `INSERT INTO alert_outbox (robot_id, dedupe_key, fact, queued_at)
       SELECT r.id, $3, jsonb_build_object(${SHOP_FACT}) || $4::jsonb, $5
         FROM alert_robot r JOIN shop s ON s.id = $1
        WHERE r.enabled AND $2 = ANY(r.triggers) AND (r.shop_id IS NULL OR r.shop_id = $1)
       ON CONFLICT ON CONSTRAINT alert_outbox_dedupe_key DO NOTHING`,
      [input.shopId, input.trigger, input.dedupeKey, JSON.stringify(input.fact), input.now],
    );
  }

  /**
   * Queues what the scans find, once per robot and thing (the dedupe key): critical cases opened
   * since the robot was set up, first contacts due within its lead time, and compensations
   * waiting for approval longer than its limit.
   */
  async queueScanned(now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO alert_outbox (robot_id, dedupe_key, fact, queued_at)
       SELECT r.id, 'critical_case:' || c.id,
              jsonb_build_object('kind', 'critical_case', ${SHOP_FACT}, 'product', c.sku_name,
                                 'rootCause', coalesce(c.root_cause, c.suggested_root_cause), 'caseId', c.id), $1
         FROM alert_robot r
         JOIN support_case c ON (r.shop_id IS NULL OR c.shop_id = r.shop_id)
         JOIN shop s ON s.id = c.shop_id
        WHERE r.enabled AND 'critical_case' = ANY(r.triggers)
          AND c.severity = 'critical' AND c.closed_at IS NULL AND c.created_at >= r.created_at
       ON CONFLICT ON CONSTRAINT alert_outbox_dedupe_key DO NOTHING`,
      [now],
    );
    await this.dataSource.query(
      `INSERT INTO alert_outbox (robot_id, dedupe_key, fact, queued_at)
       SELECT r.id, 'first_contact_due:' || c.id,
              jsonb_build_object('kind', 'first_contact_due', ${SHOP_FACT}, 'dueAt', c.first_contact_due_at, 'caseId', c.id), $1
         FROM alert_robot r
         JOIN support_case c ON (r.shop_id IS NULL OR c.shop_id = r.shop_id)
         JOIN shop s ON s.id = c.shop_id
        WHERE r.enabled AND 'first_contact_due' = ANY(r.triggers)
          AND c.first_contact_at IS NULL AND c.closed_at IS NULL
          AND c.first_contact_due_at > $1
          AND c.first_contact_due_at <= $1::timestamptz + make_interval(mins => r.first_contact_lead_minutes)
       ON CONFLICT ON CONSTRAINT alert_outbox_dedupe_key DO NOTHING`,
      [now],
    );
    await this.dataSource.query(
      `INSERT INTO alert_outbox (robot_id, dedupe_key, fact, queued_at)
       SELECT r.id, 'approval_waiting:' || m.id,
              jsonb_build_object('kind', 'approval_waiting', ${SHOP_FACT}, 'amountFen', m.amount_fen,
                                 'waitingMinutes', floor(extract(epoch FROM ($1::timestamptz - m.proposed_at)) / 60)::int,
                                 'caseId', m.case_id), $1
         FROM alert_robot r
         JOIN compensation m ON (r.shop_id IS NULL OR m.shop_id = r.shop_id)
         JOIN shop s ON s.id = m.shop_id
        WHERE r.enabled AND 'approval_waiting' = ANY(r.triggers) AND m.status = 'pending_approval'
          AND m.proposed_at <= $1::timestamptz - make_interval(mins => r.approval_wait_minutes)
       ON CONFLICT ON CONSTRAINT alert_outbox_dedupe_key DO NOTHING`,
      [now],
    );
  }
}

export type RobotOutcome =
  | { ok: true; robotId: string; at: Date; nextSendAt: Date }
  | { ok: false; robotId: string; at: Date; nextSendAt: Date; reason: string };
