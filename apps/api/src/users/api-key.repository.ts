import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { ApiKeyDto } from './dto/api-key.dto';

interface ApiKeyRow {
  id: string;
  shop_id: string;
  name: string;
  key_prefix: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, shop_id, name, key_prefix, created_at, last_used_at, revoked_at';

const toDto = (row: ApiKeyRow): ApiKeyDto => ({
  id: row.id,
  shopId: row.shop_id,
  name: row.name,
  prefix: row.key_prefix,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export interface NewApiKey {
  shopId: string;
  name: string;
  keyHash: string;
  keyPrefix: string;
  createdBy: string;
  createdAt: Date;
}

/** A shop's intake API keys (`api_key`): the SHA-256 of each key, never the key. */
@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listOfShop(shopId: string): Promise<ApiKeyDto[]> {
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_key WHERE shop_id = $1 ORDER BY created_at DESC, id`,
      [shopId],
    );
    return rows.map(toDto);
  }

  async insert(manager: EntityManager, key: NewApiKey): Promise<ApiKeyDto> {
    const [row]: ApiKeyRow[] = await manager.query(
      `INSERT INTO api_key (shop_id, name, key_hash, key_prefix, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [key.shopId, key.name, key.keyHash, key.keyPrefix, key.createdBy, key.createdAt],
    );
    if (!row) throw new Error('INSERT returned no row');
    return toDto(row);
  }

  /** Revokes a key (once: revoking again keeps the first time); null when there is no such key. */
  async revoke(manager: EntityManager, keyId: string, at: Date): Promise<ApiKeyDto | null> {
    const [rows]: [ApiKeyRow[], number] = await manager.query(
      `UPDATE api_key SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
      [keyId, at],
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  /** The live key with this SHA-256, with its shop: who an integration is. */
  async findLive(keyHash: string): Promise<{ id: string; shopId: string; name: string } | null> {
    const rows: Array<{ id: string; shop_id: string; name: string }> = await this.dataSource.query(
      `SELECT id, shop_id, name FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    const found = rows[0];
    return found ? { id: found.id, shopId: found.shop_id, name: found.name } : null;
  }

  /** Notes the key's use, once a minute at most: an integration sending batches should not cost a write per request. */
  async touch(keyId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [keyId, at],
    );
  }
}
