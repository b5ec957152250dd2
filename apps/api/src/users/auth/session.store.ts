import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Role } from '@chaping/domain';

import { preparedQuery } from '../../database/prepared-query';

export const SESSION_COOKIE = 'chaping_session';
/** A working day and a bit: sessions end at the latest 12 h after sign-in. */
export const SESSION_HOURS = 12;
/** Touching last_seen_at on every request would be a write per request; once every few minutes is enough. */
const TOUCH_AFTER_MS = 5 * 60_000;

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  shopIds: string[];
  expiresAt: Date;
}

/** What a session token stands for now. */
export type SessionResolution = SessionUser | 'expired' | 'disabled' | null;

interface SessionRow {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  disabled_at: Date | null;
  shop_ids: string[];
}

/** The session of the token digest in the parameter `tokenParam`. */
const sessionSql = (tokenParam: string) =>
  `SELECT s.user_id, u.username, u.display_name, u.role, s.expires_at, s.last_seen_at, s.revoked_at, u.disabled_at,
          ARRAY(SELECT us.shop_id FROM user_shop us WHERE us.user_id = u.id ORDER BY us.shop_id) AS shop_ids
   FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ${tokenParam}`;

/** A session row as to_json renders it: its times as text. */
type SessionJson = Omit<SessionRow, 'expires_at' | 'last_seen_at' | 'revoked_at' | 'disabled_at'> &
  Record<'expires_at' | 'last_seen_at', string> &
  Record<'revoked_at' | 'disabled_at', string | null>;

const fromJson = (json: SessionJson): SessionRow => ({
  ...json,
  expires_at: new Date(json.expires_at),
  last_seen_at: new Date(json.last_seen_at),
  revoked_at: json.revoked_at === null ? null : new Date(json.revoked_at),
  disabled_at: json.disabled_at === null ? null : new Date(json.disabled_at),
});

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
@Injectable()
export class SessionStore {
  async create(
    manager: EntityManager,
    userId: string,
    now: Date,
    client: { ip: string; userAgent: string | null },
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    await manager.query(
      `INSERT INTO user_session (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $3, $5, $6)`,
      [digest(token), userId, now, expiresAt, client.ip, client.userAgent?.slice(0, 300) ?? null],
    );
    return { token, expiresAt };
  }

  /**
   * The signed-in user of a token; 'disabled' for a session of a disabled account, 'expired' for a
   * known session that ended, null for an unknown one.
   */
  async resolve(manager: EntityManager, token: string, now: Date): Promise<SessionResolution> {
    const [row] = await preparedQuery<SessionRow>(manager, sessionSql('$1'), [digest(token)]);
    return row ? this.accept(manager, token, row, now) : null;
  }

  /**
   * The session and a read in one statement — one round trip less on the hottest routes. The
   * statement is one SELECT whose parameters are `values`; its columns come back null when it finds
   * nothing. Without a session row, `user` is null and so is `read`.
   */
  async resolveWith<T>(
    manager: EntityManager,
    {
      token,
      statement: { sql, values },
      now,
    }: { token: string; statement: { sql: string; values: unknown[] }; now: Date },
  ): Promise<{ user: SessionResolution; read: T | null }> {
    const [row] = await preparedQuery<{ session: SessionJson } & T>(
      manager,
      `WITH session AS (${sessionSql(`$${values.length + 1}`)})
       SELECT to_json(session) AS session, q.* FROM session LEFT JOIN LATERAL (${sql}) q ON true`,
      [...values, digest(token)],
    );
    if (!row) return { user: null, read: null };
    const { session, ...read } = row;
    return { user: await this.accept(manager, token, fromJson(session), now), read: read as T };
  }

  /** Checks a session row and keeps its last_seen_at roughly current. */
  private async accept(
    manager: EntityManager,
    token: string,
    row: SessionRow,
    now: Date,
  ): Promise<SessionUser | 'expired' | 'disabled'> {
    if (row.disabled_at) return 'disabled';
    // Written so that a date that failed to parse ends the session rather than keeping it.
    if (row.revoked_at || !(row.expires_at > now)) return 'expired';
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await manager.query(`UPDATE user_session SET last_seen_at = $2 WHERE token_hash = $1`, [digest(token), now]);
    }
    return {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      shopIds: row.shop_ids,
      expiresAt: row.expires_at,
    };
  }

  async revoke(manager: EntityManager, token: string, now: Date): Promise<void> {
    await manager.query(`UPDATE user_session SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`, [
      digest(token),
      now,
    ]);
  }

  /** Ends every session of the user (disabled, or signed out everywhere by an admin); returns how many. */
  async revokeAll(manager: EntityManager, userId: string, now: Date): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE user_session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, now],
    );
    return count;
  }

  /** Ends every session of the user but the one given (after a password change). */
  async revokeOthers(manager: EntityManager, userId: string, keepToken: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE user_session SET revoked_at = $3 WHERE user_id = $1 AND token_hash <> $2 AND revoked_at IS NULL`,
      [userId, digest(keepToken), now],
    );
  }
}
