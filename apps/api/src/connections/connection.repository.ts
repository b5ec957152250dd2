import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { Platform } from '@chaping/domain';

import type { MarketplaceFailure } from '../marketplace/marketplace-call';
import type { TopSignMethod } from '../marketplace/signing';

export type ConnectionStatus = 'active' | 'token_expired' | 'revoked';

export interface ConnectionRow {
  id: string;
  shop_id: string;
  shop_name: string;
  platform: Platform;
  app_key: string;
  sign_method: TopSignMethod;
  credentials_key_id: string | null;
  credentials_ciphertext: string | null;
  status: ConnectionStatus;
  token_expires_at: Date | null;
  pull_every_seconds: number;
  cursor_at: Date;
  reviews_pulled: number;
  failures: number;
  last_pull_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  created_at: Date;
  revoked_at: Date | null;
  next_pull_at: Date | null;
}

export interface NewConnection {
  id: string;
  shopId: string;
  platform: Platform;
  appKey: string;
  signMethod: TopSignMethod;
  keyId: string;
  ciphertext: string;
  tokenExpiresAt: Date | null;
  pullEverySeconds: number;
  cursorAt: Date;
  createdBy: string;
  now: Date;
}

export interface PullFailure {
  failure: MarketplaceFailure;
  platformMessage: string | null;
  now: Date;
  /** When to try again (backoff); null stops pulling (an expired session). */
  retryAt: Date | null;
}

/** The schedule row of a connection's pulls in `scheduled_task`: several instances claim it, one wins. */
export const pullTaskName = (connectionId: string) => `connection-pull:${connectionId}`;

const COLUMNS = `c.id, c.shop_id, s.name AS shop_name, c.platform, c.app_key, c.sign_method, c.credentials_key_id,
  c.credentials_ciphertext, c.status, c.token_expires_at, c.pull_every_seconds, c.cursor_at, c.reviews_pulled,
  c.failures, c.last_pull_at, c.last_success_at, c.last_error, c.last_error_at, c.created_at, c.revoked_at,
  t.next_run_at AS next_pull_at`;
const FROM = `shop_connection c JOIN shop s ON s.id = c.shop_id
  LEFT JOIN scheduled_task t ON t.name = 'connection-pull:' || c.id::text`;

/** Shop connections and their pull schedules: all the SQL of the connections module. */
@Injectable()
export class ConnectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ConnectionRow | null> {
    const rows: ConnectionRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The shop's connection that is not revoked (one at most). */
  async liveForShop(shopId: string): Promise<ConnectionRow | null> {
    const rows: ConnectionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE c.shop_id = $1 AND c.status <> 'revoked'`,
      [shopId],
    );
    return rows[0] ?? null;
  }

  /** Live and revoked connections of the given shops (all shops for null), newest first. */
  list(shopIds: readonly string[] | null): Promise<ConnectionRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ($1::uuid[] IS NULL OR c.shop_id = ANY($1))
       ORDER BY s.name, c.created_at DESC`,
      [shopIds],
    );
  }

  async shopPlatform(shopId: string): Promise<Platform | null> {
    const rows: Array<{ platform: Platform }> = await this.dataSource.query(`SELECT platform FROM shop WHERE id = $1`, [
      shopId,
    ]);
    return rows[0]?.platform ?? null;
  }

  /** Saves a connection in place of the shop's live one (revoked, its credentials wiped); the first pull is due at once. */
  create(connection: NewConnection): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [replaced]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE shop_connection SET status = 'revoked', revoked_at = $2, credentials_ciphertext = NULL,
                credentials_key_id = NULL
          WHERE shop_id = $1 AND status <> 'revoked' RETURNING id`,
        [connection.shopId, connection.now],
      );
      await manager.query(`DELETE FROM scheduled_task WHERE name = ANY($1)`, [
        replaced.map((row) => pullTaskName(row.id)),
      ]);
      await manager.query(
        `INSERT INTO shop_connection (id, shop_id, platform, app_key, sign_method, credentials_key_id,
           credentials_ciphertext, status, token_expires_at, pull_every_seconds, cursor_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9, $10, $11, $12)`,
        [
          connection.id,
          connection.shopId,
          connection.platform,
          connection.appKey,
          connection.signMethod,
          connection.keyId,
          connection.ciphertext,
          connection.tokenExpiresAt,
          connection.pullEverySeconds,
          connection.cursorAt,
          connection.createdBy,
          connection.now,
        ],
      );
      await manager.query(`INSERT INTO scheduled_task (name, every_seconds, next_run_at) VALUES ($1, $2, $3)`, [
        pullTaskName(connection.id),
        connection.pullEverySeconds,
        connection.now,
      ]);
    });
  }

  /** Seals the credentials again (a new session key, or a rotated encryption key); pulling resumes. */
  async replaceCredentials(
    id: string,
    sealed: { keyId: string; ciphertext: string; tokenExpiresAt?: Date | null },
    now: Date,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE shop_connection SET credentials_key_id = $2, credentials_ciphertext = $3,
                token_expires_at = CASE WHEN $4::boolean THEN $5 ELSE token_expires_at END,
                status = 'active', failures = 0
          WHERE id = $1 AND status <> 'revoked'`,
        [id, sealed.keyId, sealed.ciphertext, sealed.tokenExpiresAt !== undefined, sealed.tokenExpiresAt ?? null],
      );
      if (sealed.tokenExpiresAt !== undefined) {
        await manager.query(`UPDATE scheduled_task SET next_run_at = LEAST(next_run_at, $2) WHERE name = $1`, [
          pullTaskName(id),
          now,
        ]);
      }
    });
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE shop_connection SET status = 'revoked', revoked_at = $2, credentials_ciphertext = NULL,
                credentials_key_id = NULL
          WHERE id = $1 AND status <> 'revoked'`,
        [id, now],
      );
      await manager.query(`DELETE FROM scheduled_task WHERE name = $1`, [pullTaskName(id)]);
    });
  }

  /** Live connections whose pull is due: the candidates a pull run tries to claim. */
  async duePulls(now: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT c.id FROM shop_connection c JOIN scheduled_task t ON t.name = 'connection-pull:' || c.id::text
        WHERE c.status = 'active' AND t.next_run_at <= $1 ORDER BY t.next_run_at`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Claims one pull of a connection: moves its next run a period ahead in one UPDATE that only one
   * instance can win, and only once the previous pull has finished (or was left 10 minutes ago).
   */
  async claimPull(id: string, now: Date): Promise<boolean> {
    const [rows]: [Array<{ name: string }>, number] = await this.dataSource.query(
      `UPDATE scheduled_task t
          SET next_run_at = $2::timestamptz + make_interval(secs => t.every_seconds), runs = t.runs + 1,
              last_started_at = $2
         FROM shop_connection c
        WHERE t.name = $1 AND c.id = $3 AND c.status = 'active' AND t.next_run_at <= $2
          AND (t.last_started_at IS NULL OR c.last_pull_at >= t.last_started_at
               OR t.last_started_at < $2::timestamptz - interval '10 minutes')
        RETURNING t.name`,
      [pullTaskName(id), now, id],
    );
    return rows.length > 0;
  }

  /** Pull now: the connection's next pull becomes due at once. */
  async makeDue(id: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE scheduled_task SET next_run_at = LEAST(next_run_at, $2) WHERE name = $1`, [
      pullTaskName(id),
      now,
    ]);
  }

  /** A time window fully pulled: the cursor moves past it, with what was read. */
  async advanceCursor(manager: EntityManager, id: string, cursorAt: Date, reviewsRead: number): Promise<void> {
    await manager.query(
      `UPDATE shop_connection SET cursor_at = GREATEST(cursor_at, $2), reviews_pulled = reviews_pulled + $3 WHERE id = $1`,
      [id, cursorAt, reviewsRead],
    );
  }

  async recordSuccess(id: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE shop_connection SET last_pull_at = $2, last_success_at = $2, failures = 0, last_error = NULL,
              last_error_at = NULL
        WHERE id = $1`,
      [id, now],
    );
  }

  async recordFailure(id: string, failure: PullFailure): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE shop_connection SET last_pull_at = $2, last_error = $3, last_error_at = $2, failures = failures + 1,
                status = CASE WHEN $4 THEN 'token_expired' ELSE status END
          WHERE id = $1 AND status <> 'revoked'`,
        [
          id,
          failure.now,
          JSON.stringify({ failure: failure.failure, platformMessage: failure.platformMessage }),
          failure.retryAt === null,
        ],
      );
      if (failure.retryAt) {
        await manager.query(`UPDATE scheduled_task SET next_run_at = GREATEST(next_run_at, $2) WHERE name = $1`, [
          pullTaskName(id),
          failure.retryAt,
        ]);
      }
    });
  }

  /** Connections still sealed with a key other than the current one (re-sealed after a rotation). */
  sealedWithOtherKeys(
    currentKeyId: string,
  ): Promise<Array<{ id: string; credentials_key_id: string; credentials_ciphertext: string }>> {
    return this.dataSource.query(
      `SELECT id, credentials_key_id, credentials_ciphertext FROM shop_connection
        WHERE credentials_ciphertext IS NOT NULL AND credentials_key_id <> $1`,
      [currentKeyId],
    );
  }

  async reseal(id: string, from: string, sealed: { keyId: string; ciphertext: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE shop_connection SET credentials_key_id = $3, credentials_ciphertext = $4
        WHERE id = $1 AND credentials_key_id = $2`,
      [id, from, sealed.keyId, sealed.ciphertext],
    );
  }

  /** For the demo's simulated marketplace: the first Taobao shop and the first admin, who connects it. */
  async demoShopAndAdmin(): Promise<{
    shop: { id: string } | null;
    admin: { id: string; display_name: string } | null;
  }> {
    const [shop]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM shop WHERE platform = 'taobao' ORDER BY created_at LIMIT 1`,
    );
    const [admin]: Array<{ id: string; display_name: string }> = await this.dataSource.query(
      `SELECT id, display_name FROM app_user WHERE role = 'admin' ORDER BY created_at LIMIT 1`,
    );
    return { shop: shop ?? null, admin: admin ?? null };
  }
}
