import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { apiKeyDigest, type SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError } from '../common/errors/app-errors';
import type { ApiKeyDto, NewApiKeyDto } from './dto/api-key.dto';

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

/** 32 random bytes (256 bits) behind a recognisable prefix, so a leaked key is easy to spot and grep for. */
const newKey = (): string => `chp_${randomBytes(32).toString('base64url')}`;
/** Enough of the key to tell keys apart in a list, far too little to guess the rest. */
const prefixOf = (key: string): string => key.slice(0, 10);

/**
 * A shop's intake API keys, managed by admins. Only the SHA-256 of a key is stored; the key itself
 * is in the answer that creates it and never again.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(shopId: string): Promise<ApiKeyDto[]> {
    await this.shopMustExist(this.dataSource.manager, shopId);
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_key WHERE shop_id = $1 ORDER BY created_at DESC, id`,
      [shopId],
    );
    return rows.map(toDto);
  }

  create(actor: SignedInActor, shopId: string, name: string): Promise<NewApiKeyDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.shopMustExist(manager, shopId);
      return this.insert(manager, { actor, shopId, name: name.trim() });
    });
  }

  /** A new key with the old one's shop and name; the old key stops working at once. */
  rotate(actor: SignedInActor, keyId: string): Promise<NewApiKeyDto> {
    return this.dataSource.transaction(async (manager) => {
      const old = await this.revokeRow(manager, keyId);
      return this.insert(manager, { actor, shopId: old.shop_id, name: old.name });
    });
  }

  async revoke(keyId: string): Promise<void> {
    await this.revokeRow(this.dataSource.manager, keyId);
  }

  private async insert(
    manager: EntityManager,
    { actor, shopId, name }: { actor: SignedInActor; shopId: string; name: string },
  ): Promise<NewApiKeyDto> {
    const key = newKey();
    const [row]: ApiKeyRow[] = await manager.query(
      `INSERT INTO api_key (shop_id, name, key_hash, key_prefix, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [shopId, name, apiKeyDigest(key), prefixOf(key), actor.id, this.clock.now()],
    );
    if (!row) throw new Error('INSERT returned no row');
    return { ...toDto(row), key };
  }

  /** Revokes a key (once: revoking again keeps the first time) and answers its row. */
  private async revokeRow(manager: EntityManager, keyId: string): Promise<ApiKeyRow> {
    const [rows]: [ApiKeyRow[], number] = await manager.query(
      `UPDATE api_key SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
      [keyId, this.clock.now()],
    );
    const row = rows[0];
    if (!row) throw new NotFoundError('api_key.not_found', keyId);
    return row;
  }

  private async shopMustExist(manager: EntityManager, shopId: string): Promise<void> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM shop WHERE id = $1`, [shopId]);
    if (rows.length === 0) throw new NotFoundError('shop.not_found', shopId);
  }
}
